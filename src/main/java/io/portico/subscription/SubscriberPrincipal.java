package io.portico.subscription;

import java.time.Instant;
import java.util.Map;

import io.portico.platform.AdministratorActed;
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

    /**
     * The operator log entry for something the resident did to their own account, keys, devices or
     * plan: staff see who did it as "Subscriber &lt;email&gt;", from the resident's origin, under
     * the resident route's name ({@code /resident/rotateKey}).
     */
    public AdministratorActed acted(String route, String message, Instant at) {
        return new AdministratorActed(operatorId, "Subscriber " + email, origin, "/resident/" + route,
                Map.of("message", message), "", "", at);
    }
}
