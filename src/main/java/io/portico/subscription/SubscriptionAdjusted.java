package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Staff moved a subscription's start and/or end (adjustSubscription or endSubscription).
 * Published in the changing transaction; the webhook module sends the date adjustment events.
 */
public record SubscriptionAdjusted(long operatorId, long subscriptionId, Instant previousStart, Instant start,
                                   @Nullable Instant previousEnd, @Nullable Instant end, Instant adjustedAt) {

    public boolean startMoved() {
        return !previousStart.equals(start);
    }

    public boolean endMoved() {
        return previousEnd == null ? end != null : !previousEnd.equals(end);
    }
}
