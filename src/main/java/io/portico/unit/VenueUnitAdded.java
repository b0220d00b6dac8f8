package io.portico.unit;

/** A unit was added at a venue. Published in the adding transaction; the webhook module sends VenueUnitAdded. */
public record VenueUnitAdded(long operatorId, long unitId, long venueId) {
}
