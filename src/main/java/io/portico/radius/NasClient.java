package io.portico.radius;

import java.time.Instant;
import java.util.Optional;

/**
 * A registered RADIUS client (NAS): a gateway or hotspot controller allowed to send requests from
 * {@code network}. When several share one address (one controller serving many hotspots), the
 * NAS-Identifier tells them apart. The shared secret is never part of this record.
 *
 * @param hotspotId   the hotspot this NAS serves, for guest authorisation (guest module's id)
 * @param equipmentId the venue gateway this NAS is, for resident authorisation (equipment id)
 * @param coaPort     where the NAS listens for Disconnect-Requests (RFC 5176 default 3799)
 */
public record NasClient(long id, long operatorId, String name, NasNetwork network, String nasIdentifier,
                        Optional<Long> hotspotId, Optional<Long> equipmentId, int coaPort, Instant createdAt) {

    public NasClient {
        nasIdentifier = nasIdentifier == null ? "" : nasIdentifier;
        if (coaPort < 1 || coaPort > 65535) {
            throw new IllegalArgumentException("CoA port must be 1..65535");
        }
    }
}
