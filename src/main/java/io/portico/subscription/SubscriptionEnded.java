package io.portico.subscription;

import java.time.Instant;

/**
 * A subscription's end time has come, or staff ended it. Published once per subscription inside
 * a transaction by the subscription module; the engines (VLAN disable, webhook, end email) and
 * RADIUS (Disconnect-Request for the unit's open sessions) listen.
 */
public record SubscriptionEnded(SubscriptionSnapshot subscription, Instant endedAt) {

    public long operatorId() {
        return subscription.operatorId();
    }

    public long subscriptionId() {
        return subscription.subscriptionId();
    }
}
