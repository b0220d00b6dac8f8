package io.portico.guest;

import java.time.Instant;

/**
 * A guest got a guest plan (payment, staff grant or voucher). Published in the recording
 * transaction; the webhook module sends GuestPlanPurchased.
 */
public record GuestPlanPurchased(long clientId, long guestId, long purchaseId, long guestPlanId, Instant startsAt,
                                 Instant expiresAt, String paymentGateway) {

    static GuestPlanPurchased of(Purchase p) {
        return new GuestPlanPurchased(p.clientId(), p.guestId(), p.id(), p.guestPlanId(), p.startsAt(), p.expiresAt(),
                p.paymentGateway());
    }
}
