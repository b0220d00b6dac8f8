package io.portico.radius;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.portico.connection.TerminateCause;
import io.portico.guest.MacAddress;

/**
 * One Start, Interim-Update or Stop of an accounting session, in domain words. Counters are totals
 * since the session started (Gigawords already added), so storing the largest value seen is
 * idempotent and order-independent.
 *
 * @param nas           the registered NAS client that sent it
 * @param nasIdentifier NAS-Identifier as sent, or empty
 * @param sessionId     Acct-Session-Id as the NAS sent it
 * @param callingStationId Calling-Station-Id as the NAS sent it (the session's key names the device
 *                      by it when it is no MAC address)
 * @param nasAddress    where the NAS sent from: Disconnect-Requests go there
 * @param uploadedBytes bytes the device sent (Acct-Input-Octets + 2^32 × Acct-Input-Gigawords)
 * @param downloadedBytes bytes the device received (Acct-Output-Octets + Gigawords)
 * @param startedAt     when the session began (event time less its session time)
 * @param reportedAt    when the NAS reported this (arrival less Acct-Delay-Time)
 * @param staleAfter    when the session counts as stale without another update (2 × interim + margin)
 */
public record SessionReport(NasClient nas, String nasIdentifier, String nasAddress,
                            Status status, String sessionId, Optional<MacAddress> device, String callingStationId, String username,
                            String calledStationId, Optional<String> framedIp, long uploadedBytes, long downloadedBytes,
                            Duration sessionTime, Instant startedAt, Instant reportedAt, Instant staleAfter,
                            Optional<TerminateCause> terminationCause) implements AccountingEvent {

    public enum Status { START, INTERIM, STOP }

    @Override
    public long nasClientId() {
        return nas.id();
    }

    public SessionReport {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new IllegalArgumentException("a session report needs its Acct-Session-Id");
        }
        if (uploadedBytes < 0 || downloadedBytes < 0 || sessionTime.isNegative()) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }
}
