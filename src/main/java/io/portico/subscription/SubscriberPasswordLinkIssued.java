package io.portico.subscription;

import java.time.Instant;

/**
 * Staff sent a subscriber a password set/reset link (sendPasswordLink). Published in the issuing
 * transaction to in-process listeners only: the notification module queues the email. It carries
 * the token in clear, which exists nowhere else (the database keeps its SHA-256 digest), so
 * {@link #toString()} leaves it out.
 */
public record SubscriberPasswordLinkIssued(Subscriber subscriber, String token, Instant expiresAt) {

    public long operatorId() {
        return subscriber.operatorId();
    }

    @Override
    public String toString() {
        return "SubscriberPasswordLinkIssued[operatorId=" + subscriber.operatorId() + ", subscriberId=" + subscriber.id()
                + ", expiresAt=" + expiresAt + "]";
    }
}
