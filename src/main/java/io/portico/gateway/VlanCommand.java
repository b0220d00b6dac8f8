package io.portico.gateway;

import org.jspecify.annotations.Nullable;

/**
 * Make VLAN {@code vlanId} enabled or disabled on a gateway, with the plan's speed limit when
 * enabling. Drivers apply it idempotently: applying the same command twice changes nothing.
 */
public record VlanCommand(int vlanId, boolean enable, @Nullable Speed speed) {

    public VlanCommand {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id must be 1..4094, was " + vlanId);
        }
    }

    /** Upload and download limits in kbit/s, from the subscriber's point of view. */
    public record Speed(long uploadKbps, long downloadKbps) {

        public Speed {
            if (uploadKbps < 1 || downloadKbps < 1) {
                throw new IllegalArgumentException("speeds must be positive");
            }
        }
    }

    /** The wording of the equipment log's {@code Request}. */
    public String describe() {
        return (enable ? "Enable" : "Disable") + " VLAN " + vlanId
                + (enable && speed != null ? " at " + speed.uploadKbps() + " kbps up / " + speed.downloadKbps() + " kbps down" : "");
    }
}
