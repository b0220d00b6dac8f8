package io.portico.payment;

import io.portico.platform.SecretBox;

/**
 * An operator's Stripe settings in clear, read from the ShoppingCart section and its sealed
 * secrets for one request and never stored or logged ({@link #toString} masks the keys).
 * Empty strings stand for keys not set.
 */
public record StripeAccount(long operatorId, String secretKey, String publishableKey, String signingSecret,
                            boolean allowRefund, boolean cartEnabled) {

    public PaymentMode mode() {
        return PaymentMode.ofSecretKey(secretKey);
    }

    /** Whether checkouts can be created (a secret key of either mode and a webhook signing secret). */
    public boolean canTakePayments() {
        return cartEnabled && mode() != PaymentMode.NOT_CONFIGURED && !signingSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "StripeAccount[operator=" + operatorId + ", mode=" + mode() + ", secretKey=" + SecretBox.mask(secretKey)
                + ", signingSecret=" + SecretBox.mask(signingSecret) + ", allowRefund=" + allowRefund + "]";
    }
}
