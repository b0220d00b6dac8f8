package io.portico.connection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.guest.MacAddress;

/**
 * A finished accounting session known in full, for bulk loading without per-packet merging:
 * the demo data set and the benchmark loader use it through {@link AccountingWriter#loadSessions}.
 */
public record CompletedSession(AccountingSessionId sessionId, long clientId, long hotspotId, @Nullable Long guestId,
                               MacAddress macAddress, @Nullable String userAgent, Instant startedAt, long sessionSeconds,
                               long inputBytes, long outputBytes, @Nullable TerminateCause terminateCause) {

    public CompletedSession {
        if (sessionSeconds < 0 || inputBytes < 0 || outputBytes < 0) {
            throw new IllegalArgumentException("session time and byte counts cannot be negative");
        }
    }
}
