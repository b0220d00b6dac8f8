package io.portico.subscription;

import java.time.Instant;

/**
 * addKey created a subscription (its start may be now, past or future). Published in the adding
 * transaction; the notification module queues the welcome email and the webhook module sends
 * KeyStart.
 */
public record SubscriptionAdded(SubscriptionSnapshot subscription, Instant addedAt) {

    public long operatorId() {
        return subscription.operatorId();
    }

    public long subscriptionId() {
        return subscription.subscriptionId();
    }
}
