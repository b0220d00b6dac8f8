package io.portico.subscription;

import java.time.Instant;

import io.portico.platform.RequestOrigin;

/**
 * A subscriber set a password: through a password link (setPassword), or while signing up, when
 * they also accepted the terms and conditions ({@code acceptedTerms}; the webhook says
 * "Subscriber accepted TandC."). Published in that transaction; the webhook module sends
 * LoginPasswordCreated.
 */
public record LoginPasswordCreated(Subscriber subscriber, RequestOrigin origin, Instant createdAt, boolean acceptedTerms) {

    public LoginPasswordCreated(Subscriber subscriber, RequestOrigin origin, Instant createdAt) {
        this(subscriber, origin, createdAt, false);
    }

    public long operatorId() {
        return subscriber.operatorId();
    }
}
