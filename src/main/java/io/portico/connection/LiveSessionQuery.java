package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the live sessions list: optional hotspot (guests only), venue (guests at its hotspots
 * and its residents) or unit (its residents only) filter, and the keyset of the last row of the
 * previous page (newest first: start time, then id).
 */
public record LiveSessionQuery(Optional<Long> hotspotId, Optional<Long> venueId, Optional<Long> unitId,
                               Optional<Instant> afterStartedAt, Optional<Long> afterId, int limit) {

    public LiveSessionQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("a live sessions page holds 1 to 500 rows");
        }
        if (afterStartedAt.isPresent() != afterId.isPresent()) {
            throw new IllegalArgumentException("a keyset needs both the start time and the id");
        }
    }

    /** Whether guests' sessions can match (a unit holds residents only). */
    public boolean guests() {
        return unitId.isEmpty();
    }

    /** Whether residents' sessions can match (a hotspot serves guests only). */
    public boolean residents() {
        return hotspotId.isEmpty();
    }
}
