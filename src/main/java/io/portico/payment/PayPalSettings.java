package io.portico.payment;

/**
 * The operator's PayPal settings as the dashboard shows them: the switches, and only whether each
 * secret is set (never its value).
 */
public record PayPalSettings(boolean enabled, boolean sandbox, boolean clientIdSet, boolean clientSecretSet, boolean webhookIdSet) {
}
