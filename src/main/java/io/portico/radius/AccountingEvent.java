package io.portico.radius;

/**
 * What an Accounting-Request reports, handed to the {@link AccountingSink} in batches: a session's
 * Start, Interim-Update or Stop ({@link SessionReport}), or a NAS's Accounting-On/Off ({@link NasReset}).
 */
public sealed interface AccountingEvent permits SessionReport, NasReset {

    long nasClientId();
}
