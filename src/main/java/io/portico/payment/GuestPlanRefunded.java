package io.portico.payment;

import java.time.Instant;

import io.portico.tenant.Client;

/**
 * Staff refunded a guest's card purchase; the purchase is revoked in the same transaction. The
 * webhook module sends GuestPlanRefunded.
 */
public record GuestPlanRefunded(Client client, long guestId, long purchaseId, Money amount, String paymentGateway,
                                String refundReference, Instant refundedAt) {
}
