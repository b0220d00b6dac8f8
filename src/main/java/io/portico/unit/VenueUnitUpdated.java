package io.portico.unit;

/** A unit's purpose, VLAN or external ID changed. Published in the changing transaction; the webhook module sends VenueUnitUpdated. */
public record VenueUnitUpdated(long operatorId, long unitId, long venueId, int previousVlan) {
}
