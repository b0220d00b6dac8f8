package io.portico.webhook;

/** An operator's webhook target; {@code maskedSecret} is the signing secret masked, or "" when none. */
public record WebhookEndpoint(String url, String maskedSecret) {

    public static final WebhookEndpoint NONE = new WebhookEndpoint("", "");
}
