package io.portico.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A guest's card or PayPal payment was confirmed and started (or extended) their plan. Published
 * in the webhook's transaction; the receipt is queued on it, to {@code email} (when the guest left
 * one) in {@code locale}.
 */
public record GuestPlanPaid(long operatorId, long purchaseId, String planName, Money amount, Instant startsAt, Instant expiresAt,
                            String paymentReference, Instant paidAt, @Nullable String email, String locale) {
}
