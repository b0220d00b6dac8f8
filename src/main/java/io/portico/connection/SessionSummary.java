package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

/** One accounting session of a guest, for the dashboard's guest profile. */
public record SessionSummary(long id, String hotspotName, Instant startedAt, Optional<Instant> endedAt, long inputOctets,
                             long outputOctets) {
}
