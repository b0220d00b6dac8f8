package io.portico.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.guest.MacAddress;

/**
 * A guest's card checkout of a priced guest plan at a hotspot, as stored: the provider's session,
 * what it costs, and where it stands ({@link State}); {@code purchaseId} once it was paid.
 */
public record GuestCheckout(long id, long operatorId, long clientId, long hotspotId, long guestId, long guestPlanId,
                            MacAddress device, String provider, String sessionId, Money amount,
                            @Nullable String email, String locale, State state, @Nullable String paymentReference,
                            @Nullable Long purchaseId, @Nullable String refundReference, Instant createdAt) {

    public enum State {
        /** Waiting for the guest to pay (or for a delayed payment to settle). */
        OPEN,
        /** The provider's webhook confirmed the payment; the purchase exists. */
        PAID,
        /** A delayed payment failed. */
        FAILED,
        /** The session expired unpaid. */
        EXPIRED,
        /** Staff refunded it; the purchase was revoked. */
        REFUNDED
    }
}
