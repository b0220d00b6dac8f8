package io.portico.connection;

/** What {@link AccountingWriter#record} did with a packet; RADIUS answers Accounting-Response only for RECORDED. */
public enum AccountingOutcome {
    /** Stored or merged into its session (a retransmission changes nothing). */
    RECORDED,
    /** No hotspot of the operator has the packet's NAS-Identifier; nothing was stored. */
    UNKNOWN_HOTSPOT
}
