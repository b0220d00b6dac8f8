package io.portico.unit;

import io.portico.venue.Venue;

/** A unit was added at a venue. Published in the adding transaction; the webhook module sends VenueUnitAdded. */
public record VenueUnitAdded(Unit unit, Venue venue) {

    public long operatorId() {
        return unit.operatorId();
    }
}
