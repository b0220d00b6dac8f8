package io.portico.subscription;

import java.time.Instant;

/**
 * Staff replaced a subscription's PSK (resetKey): the old key stopped working and a new one
 * started ({@code subscription} holds the new one). Published in the changing transaction; the
 * webhook module sends KeyEnd then KeyStart.
 */
public record SubscriptionKeyReset(SubscriptionSnapshot subscription, Instant resetAt) {

    public long operatorId() {
        return subscription.operatorId();
    }
}
