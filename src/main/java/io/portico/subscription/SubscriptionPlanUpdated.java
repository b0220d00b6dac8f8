package io.portico.subscription;

import java.time.Instant;

/**
 * Staff moved a subscription to another service plan (changeServicePlan). Published in the
 * changing transaction; the webhook module sends SubscriptionPlanUpdated.
 */
public record SubscriptionPlanUpdated(long operatorId, long subscriptionId, String previousPlanKey, String planKey,
                                      Instant updatedAt) {
}
