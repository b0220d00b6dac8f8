package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

import io.portico.guest.MacAddress;

/**
 * An open accounting session at one of the operator's hotspots, for the dashboard's live list.
 * {@code stale} when its NAS has gone silent past the session's deadline (the stale sweep will
 * close it): shown, but not counted as online.
 */
public record LiveSession(long id, long clientId, long hotspotId, String hotspotName, long venueId, MacAddress device,
                          Optional<Long> guestId, String userName, Optional<String> framedIp, Optional<Long> nasClientId,
                          Instant startedAt, Instant lastSeenAt, long inputOctets, long outputOctets, boolean stale) {
}
