package io.portico.payment;

import java.time.Instant;

/**
 * A resident's Stripe invoice was paid and attached to their subscription (published in the
 * webhook's transaction, once per invoice); the receipt e-mail listens. {@code invoiceId} is
 * Portico's, {@code stripeInvoiceId} the reference the receipt shows.
 */
public record ResidentInvoicePaid(long operatorId, long invoiceId, String email, String locale, String planName, Money amount,
                                  Instant periodStart, Instant periodEnd, String stripeInvoiceId, Instant paidAt) {
}
