package io.portico.subscription;

import java.time.Instant;

/**
 * Staff moved a subscription to another service plan (changeServicePlan); {@code subscription}
 * holds the new plan. Published in the changing transaction; the webhook module sends
 * SubscriptionPlanUpdated.
 */
public record SubscriptionPlanUpdated(SubscriptionSnapshot subscription, String previousPlanKey, Instant updatedAt) {

    public long operatorId() {
        return subscription.operatorId();
    }
}
