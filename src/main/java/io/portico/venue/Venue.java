package io.portico.venue;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A site of a client. {@code key} is the console's VenueID:
 * {@code <client key>._V3VENUE.<Country>.<State>.<PostalCode>.<Name>.<City>}.
 */
public record Venue(long id, long operatorId, long clientId, String key, String name, Address address,
                    ZoneId timeZone, String externalVenueId, Instant createdAt) {

    public Venue {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("venue name is required");
        }
        externalVenueId = externalVenueId == null ? "" : externalVenueId;
    }
}
