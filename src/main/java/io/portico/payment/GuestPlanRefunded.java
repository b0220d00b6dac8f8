package io.portico.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.tenant.Client;

/**
 * A guest's card or PayPal purchase was refunded (by staff in the console or dashboard, or by the
 * operator on PayPal's own site); the purchase is revoked in the same transaction. The webhook
 * module sends GuestPlanRefunded; the guest is e-mailed at {@code email} (when they left one) in
 * {@code locale}.
 */
public record GuestPlanRefunded(Client client, long guestId, long purchaseId, Money amount, String paymentGateway,
                                String refundReference, Instant refundedAt, String planName, @Nullable String email,
                                String locale) {
}
