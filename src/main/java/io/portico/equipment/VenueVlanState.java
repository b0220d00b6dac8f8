package io.portico.equipment;

import java.util.Map;

/**
 * The VLAN state the gateways of one venue have confirmed: how many gateways the venue has and,
 * per VLAN, on how many of them it is enabled.
 */
public record VenueVlanState(long venueId, int gateways, Map<Integer, Integer> enabledOn) {

    public VenueVlanState {
        enabledOn = Map.copyOf(enabledOn);
    }

    /** Enabled on every gateway of the venue (and the venue has one). */
    public boolean enabledEverywhere(int vlan) {
        return gateways > 0 && enabledOn.getOrDefault(vlan, 0) >= gateways;
    }

    /** Still enabled on at least one gateway. */
    public boolean enabledAnywhere(int vlan) {
        return enabledOn.getOrDefault(vlan, 0) > 0;
    }
}
