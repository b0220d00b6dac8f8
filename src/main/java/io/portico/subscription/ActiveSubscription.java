package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the RADIUS work needs to authorise a resident's device: the unit's VLAN and the plan's
 * speeds and limits, for a subscription active now.
 */
public record ActiveSubscription(long subscriptionId, long subscriberId, String subscriberToken, long unitId,
                                 String unitKey, long venueId, int vlan, String planKey, long downloadKbps,
                                 long uploadKbps, int concurrentDevices, int sessionTimeoutSeconds, String psk,
                                 Instant startsAt, @Nullable Instant endsAt) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ActiveSubscription[subscriptionId=" + subscriptionId + ", unitId=" + unitId + ", venueId=" + venueId
                + ", vlan=" + vlan + ", planKey=" + planKey + ", psk=***]";
    }
}
