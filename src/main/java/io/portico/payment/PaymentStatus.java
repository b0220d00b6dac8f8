package io.portico.payment;

/** What staff see of an operator's Stripe account: its mode, whether guests can pay, whether refunds are on. */
public record PaymentStatus(PaymentMode stripeMode, boolean takesPayments, boolean refundsAllowed) {
}
