package io.portico.equipment;

import java.time.Instant;

/**
 * A piece of equipment at a venue. {@code key} is the console's EquipmentID,
 * {@code <VenueID>._V3EQUIPMENT.<Name>}. Credentials are never part of it: drivers ask
 * {@link EquipmentService#credentials} for them.
 */
public record Equipment(long id, long operatorId, long venueId, String key, String name, EquipmentType type,
                        String manufacturer, String model, String connectionProtocol, String ipAddress, String username,
                        boolean hasCredentials, String status, Instant createdAt) {
}
