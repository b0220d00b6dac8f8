package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Staff moved a subscription's start and/or end (adjustSubscription or endSubscription);
 * {@code subscription} holds the new dates. Published in the changing transaction; the webhook
 * module sends the date adjustment events.
 */
public record SubscriptionAdjusted(SubscriptionSnapshot subscription, Instant previousStart, @Nullable Instant previousEnd,
                                   Instant adjustedAt) {

    public long operatorId() {
        return subscription.operatorId();
    }

    public boolean startMoved() {
        return !previousStart.equals(subscription.subscription().startsAt());
    }

    public boolean endMoved() {
        Instant end = subscription.subscription().endsAt();
        return previousEnd == null ? end != null : !previousEnd.equals(end);
    }
}
