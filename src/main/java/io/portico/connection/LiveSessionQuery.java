package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the live sessions list: optional hotspot or venue filter, and the keyset of the last
 * row of the previous page (newest first: start time, then id).
 */
public record LiveSessionQuery(Optional<Long> hotspotId, Optional<Long> venueId, Optional<Instant> afterStartedAt,
                               Optional<Long> afterId, int limit) {

    public LiveSessionQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("a live sessions page holds 1 to 500 rows");
        }
        if (afterStartedAt.isPresent() != afterId.isPresent()) {
            throw new IllegalArgumentException("a keyset needs both the start time and the id");
        }
    }

    public static LiveSessionQuery first(Optional<Long> hotspotId, Optional<Long> venueId, int limit) {
        return new LiveSessionQuery(hotspotId, venueId, Optional.empty(), Optional.empty(), limit);
    }
}
