package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

import io.portico.guest.MacAddress;

/**
 * An open accounting session of the operator, for the dashboard's live list: a guest's at one of
 * its hotspots ({@code hotspotId} set, {@code place} the hotspot's name) or a resident's at a venue
 * gateway ({@code resident} set, {@code place} the venue's name). {@code stale} when its NAS has
 * gone silent past the session's deadline (the stale sweep will close it): shown, but not counted
 * as online.
 */
public record LiveSession(long id, Optional<Long> hotspotId, String place, long venueId, MacAddress device,
                          Optional<Long> guestId, Optional<Resident> resident, String userName, Optional<String> framedIp,
                          Optional<Long> nasClientId, Instant startedAt, Instant lastSeenAt, long inputOctets, long outputOctets,
                          boolean stale) {

    /**
     * The subscriber whose key let the device in at the gateway, and the unit of that subscription
     * (the radius module's last authorisation of the device at that NAS).
     */
    public record Resident(long subscriberId, String subscriberToken, String email, long unitId, String unit) {
    }
}
