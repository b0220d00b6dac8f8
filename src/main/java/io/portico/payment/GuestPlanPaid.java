package io.portico.payment;

import java.time.Instant;

/**
 * A guest's card payment was confirmed and started (or extended) their plan. Published in the
 * webhook's transaction; the receipt is queued on it.
 */
public record GuestPlanPaid(GuestCheckout checkout, long purchaseId, String planName, Instant startsAt, Instant expiresAt,
                            String paymentReference, Instant paidAt) {
}
