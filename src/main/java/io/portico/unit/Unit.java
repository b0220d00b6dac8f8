package io.portico.unit;

import java.time.Instant;

/**
 * A resident unit. {@code key} is the console's UnitID_internal,
 * {@code <VenueID>.<UnitID>.<Building>.<Floor>}; {@code vlan} is unique within the venue.
 */
public record Unit(long id, long operatorId, long venueId, String key, String name, String building, String floor,
                   UnitPurpose purpose, int vlan, String externalUnitId, Instant createdAt) {
}
