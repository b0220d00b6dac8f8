package io.portico.radius;

import java.time.Instant;

/**
 * Accounting-On ({@code starting}) or Accounting-Off from a NAS: every session it still has open
 * is over (terminated as NAS Reboot), because the NAS has forgotten them.
 */
public record NasReset(long nasClientId, boolean starting, Instant at) implements AccountingEvent {
}
