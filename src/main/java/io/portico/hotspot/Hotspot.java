package io.portico.hotspot;

import java.time.Instant;

/**
 * A guest network at a venue of a client. {@code id} is the guest API's integer hotspot id;
 * {@code nasIdentifier} is what the venue's gateway sends as NAS-Identifier.
 */
public record Hotspot(long id, long operatorId, long clientId, long venueId, String name, String nasIdentifier,
                      Instant createdAt) {

    public Hotspot {
        if (name == null || name.isBlank() || nasIdentifier == null || nasIdentifier.isBlank()) {
            throw new IllegalArgumentException("hotspot name and NAS-Identifier are required");
        }
    }
}
