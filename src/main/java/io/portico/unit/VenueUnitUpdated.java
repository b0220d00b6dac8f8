package io.portico.unit;

import io.portico.venue.Venue;

/**
 * A unit's purpose, VLAN or external ID changed ({@code unit} as it is now). Published in the
 * changing transaction; the webhook module sends VenueUnitUpdated.
 */
public record VenueUnitUpdated(Unit unit, Venue venue, int previousVlan) {

    public long operatorId() {
        return unit.operatorId();
    }
}
