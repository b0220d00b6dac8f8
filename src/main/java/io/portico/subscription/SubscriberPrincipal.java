package io.portico.subscription;

import io.portico.platform.RequestOrigin;

/**
 * A signed-in resident: what the subscriber console (pages and JSON routes) hands to every
 * subscription-module call made on a resident's behalf. Services scope every query by
 * {@link #operatorId()} and {@link #subscriberId()}: a resident only ever reads or changes their
 * own subscriptions, keys and devices. It is never an {@link io.portico.platform.Actor}: an
 * administrator's token never acts as a subscriber, and a subscriber's never opens an operator route.
 */
public record SubscriberPrincipal(long operatorId, long subscriberId, String email, RequestOrigin origin) {

    public SubscriberPrincipal {
        if (operatorId <= 0 || subscriberId <= 0) {
            throw new IllegalArgumentException("subscriber principal ids must be positive");
        }
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("subscriber principal needs an email");
        }
    }
}
