package io.portico.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.portico.platform.PorticoException;

/**
 * A connections report request: sessions that started in {@code [from, to)}, optionally only at
 * some hotspots. At most {@link #MAX_RANGE}; validates itself.
 */
public record ConnectionQuery(Instant from, Instant to, Set<Long> hotspotIds) {

    public static final Duration MAX_RANGE = Duration.ofDays(30);

    public ConnectionQuery {
        if (!to.isAfter(from)) {
            throw PorticoException.invalid("to", "to must be after from.");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw PorticoException.invalid("to", "The date range can not exceed 30 days.");
        }
        hotspotIds = Set.copyOf(hotspotIds);
    }
}
