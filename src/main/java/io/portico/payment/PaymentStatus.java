package io.portico.payment;

/**
 * What staff see of an operator's payment accounts: Stripe's mode, whether guests can pay by card,
 * whether refunds are on, and PayPal's mode (sandbox is test mode; not configured while PayPal is
 * off or its client id or secret is missing).
 */
public record PaymentStatus(PaymentMode stripeMode, boolean takesPayments, boolean refundsAllowed, PaymentMode paypalMode) {

    /** Whether any connected provider is in test mode: the dashboard shows a Test mode badge. */
    public boolean anyTestMode() {
        return stripeMode == PaymentMode.TEST || paypalMode == PaymentMode.TEST;
    }
}
