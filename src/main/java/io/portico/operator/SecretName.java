package io.portico.operator;

/** The operator settings that are secrets: stored sealed, shown masked, readable in clear only by Portico itself. */
public enum SecretName {
    RADIUS_SECRET("RadiusSecret"),
    STRIPE_PUBLISHABLE_KEY("StripePublishableKey"),
    STRIPE_SIGNING_SECRET("Stripe_Webhook_signingsecret"),
    /** Stripe's secret API key ({@code sk_test_...} or {@code sk_live_...}) Portico calls Stripe with. */
    STRIPE_SECRET_KEY("StripeSecretKey"),
    SIGNON_CLIENT_SECRET("CognitoPool_appclientsecret"),
    PMS_API_KEY("RealPageAPIKey"),
    PAYPAL_CLIENT_ID("PayPal_clientid"),
    PAYPAL_CLIENT_SECRET("PayPal_clientsecret"),
    PAYPAL_WEBHOOK_ID("PayPal_webhookid");

    private final String consoleName;

    SecretName(String consoleName) {
        this.consoleName = consoleName;
    }

    /** The console's field name, for messages. */
    public String consoleName() {
        return consoleName;
    }
}
