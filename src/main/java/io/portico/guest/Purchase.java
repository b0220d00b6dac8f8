package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * A guest's guest plan: from {@code startsAt} to {@code expiresAt}, paid through
 * {@code paymentGateway} ("Voucher", "Card", "PayPal", "Manual") with the voucher code or the
 * processor's reference as {@code transactionId}. A revoked purchase expired when it was revoked.
 */
public record Purchase(long id, long clientId, long guestId, long guestPlanId, Instant startsAt, Instant expiresAt,
                       String paymentGateway, String transactionId, @Nullable Instant revokedAt, Instant createdAt) {

    public Purchase {
        if (!expiresAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a purchase must expire after it starts");
        }
        if (paymentGateway == null || paymentGateway.isBlank() || paymentGateway.length() > 40) {
            throw PorticoException.invalid("paymentGateway", "{paymentGateway} is required (at most 40 characters).");
        }
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 200) {
            throw PorticoException.invalid("transactionId", "{transactionId} is required (at most 200 characters).");
        }
    }

    /** Whether the plan grants access at the instant: started, not expired, not revoked. */
    public boolean activeAt(Instant at) {
        return revokedAt == null && !startsAt.isAfter(at) && expiresAt.isAfter(at);
    }
}
