package io.portico.subscription;

import java.time.Instant;

/**
 * A subscription's start time has come (or it was added with a start in the past). Published
 * once per subscription inside a transaction by the subscription module; the engines listen
 * (gateway VLAN enable, SubscriptionStarted webhook, welcome email).
 */
public record SubscriptionStarted(SubscriptionSnapshot subscription, Instant startedAt) {

    public long operatorId() {
        return subscription.operatorId();
    }

    public long subscriptionId() {
        return subscription.subscriptionId();
    }
}
