package io.portico.subscription;

import java.time.Instant;

/**
 * addKey created a subscription (its start may be now, past or future). Published in the adding
 * transaction; the notification module queues the welcome email and the webhook module sends
 * KeyStart.
 */
public record SubscriptionAdded(long operatorId, long subscriptionId, long subscriberId, long unitId, long venueId,
                                Instant startsAt, Instant addedAt) {
}
