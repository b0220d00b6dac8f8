package io.portico.guest;

import java.time.Instant;

import io.portico.tenant.Client;

/**
 * A guest got a guest plan (payment, staff grant or voucher). Published in the recording
 * transaction; the webhook module sends GuestPlanPurchased.
 */
public record GuestPlanPurchased(Client client, long guestId, long purchaseId, long guestPlanId, Instant startsAt,
                                 Instant expiresAt, String paymentGateway) {

    static GuestPlanPurchased of(Purchase p, Client client) {
        return new GuestPlanPurchased(client, p.guestId(), p.id(), p.guestPlanId(), p.startsAt(), p.expiresAt(),
                p.paymentGateway());
    }
}
