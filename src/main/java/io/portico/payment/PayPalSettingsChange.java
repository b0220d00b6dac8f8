package io.portico.payment;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * A DomainAdministrator's change to the PayPal settings (dashboard). A blank secret keeps the
 * stored one; {@code removeCredentials} deletes the client id, secret and webhook id. Values are
 * checked here so a malformed one never reaches the sealed store.
 */
public record PayPalSettingsChange(boolean enabled, boolean sandbox, @Nullable String clientId, @Nullable String clientSecret,
                                   @Nullable String webhookId, boolean removeCredentials) {

    public PayPalSettingsChange {
        clientId = given(clientId);
        clientSecret = given(clientSecret);
        webhookId = given(webhookId);
        if (clientId != null && !clientId.matches("[A-Za-z0-9_-]{10,200}")) {
            throw PorticoException.invalid("paypalClientId", "{paypalClientId} is not a PayPal REST app client id.");
        }
        if (clientSecret != null && !clientSecret.matches("\\S{10,200}")) {
            throw PorticoException.invalid("paypalClientSecret", "{paypalClientSecret} is not a PayPal REST app secret.");
        }
        if (webhookId != null && !webhookId.matches("[A-Za-z0-9-]{5,64}")) {
            throw PorticoException.invalid("paypalWebhookId", "{paypalWebhookId} is not a PayPal webhook id.");
        }
        if (removeCredentials && (clientId != null || clientSecret != null || webhookId != null)) {
            throw PorticoException.invalid("paypalClientId", "Either remove the PayPal credentials or enter new ones, not both.");
        }
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
