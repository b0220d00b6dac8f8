package io.portico.subscription;

import java.time.Instant;

import io.portico.platform.RequestOrigin;

/**
 * A subscriber set a password through a password link (setPassword). Published in that
 * transaction; the webhook module sends LoginPasswordCreated.
 */
public record LoginPasswordCreated(Subscriber subscriber, RequestOrigin origin, Instant createdAt) {

    public long operatorId() {
        return subscriber.operatorId();
    }
}
