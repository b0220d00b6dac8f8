package io.portico.payment;

/**
 * Whether an operator's Stripe account takes real money: derived from the secret key's prefix
 * ({@code sk_test_}/{@code rk_test_} or {@code sk_live_}/{@code rk_live_}), shown in the console
 * and dashboard so staff know test payments from real ones.
 */
public enum PaymentMode {
    NOT_CONFIGURED("not configured"),
    TEST("test"),
    LIVE("live");

    private final String label;

    PaymentMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static PaymentMode ofSecretKey(String key) {
        if (key.startsWith("sk_test_") || key.startsWith("rk_test_")) {
            return TEST;
        }
        if (key.startsWith("sk_live_") || key.startsWith("rk_live_")) {
            return LIVE;
        }
        return NOT_CONFIGURED;
    }
}
