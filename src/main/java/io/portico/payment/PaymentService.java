package io.portico.payment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;

/**
 * Entry point of the payment module for settings: the operator's Stripe account (from the
 * ShoppingCart section and its sealed secrets) for checkouts, refunds and webhook verification,
 * the Stripe and PayPal modes for the console and dashboard, and the dashboard's PayPal settings.
 */
@Service
public class PaymentService {

    private final OperatorSettingsService settings;

    PaymentService(OperatorSettingsService settings) {
        this.settings = settings;
    }

    /** The operator's Stripe settings in clear; for Portico's own calls to Stripe only. */
    public StripeAccount stripeAccount(long operatorId) {
        Sections.ShoppingCart cart = settings.section(operatorId, Section.SHOPPING_CART);
        return new StripeAccount(operatorId, secret(operatorId, SecretName.STRIPE_SECRET_KEY),
                secret(operatorId, SecretName.STRIPE_PUBLISHABLE_KEY), secret(operatorId, SecretName.STRIPE_SIGNING_SECRET),
                cart.stripeAllowRefund(), cart.enabled());
    }

    /** Test or live mode of the actor's operator (console, dashboard). */
    public PaymentStatus status(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return status(actor.operatorId());
    }

    /** Test or live mode of the operator's providers, for pages that already checked the actor (the guest page). */
    public PaymentStatus status(long operatorId) {
        StripeAccount account = stripeAccount(operatorId);
        Sections.PayPal paypal = settings.section(operatorId, Section.PAYPAL);
        boolean paypalConnected = paypal.enabled() && settings.secret(operatorId, SecretName.PAYPAL_CLIENT_ID).isPresent()
                && settings.secret(operatorId, SecretName.PAYPAL_CLIENT_SECRET).isPresent();
        PaymentMode paypalMode = !paypalConnected ? PaymentMode.NOT_CONFIGURED : paypal.sandbox() ? PaymentMode.TEST : PaymentMode.LIVE;
        return new PaymentStatus(account.mode(), account.canTakePayments(), account.allowRefund(), paypalMode);
    }

    /** The PayPal settings with only whether each secret is set (dashboard; DomainAdministrators). */
    public PayPalSettings payPalSettings(Actor actor) {
        actor.require(Permission.MANAGE_OPERATOR);
        long operatorId = actor.operatorId();
        Sections.PayPal paypal = settings.section(operatorId, Section.PAYPAL);
        return new PayPalSettings(paypal.enabled(), paypal.sandbox(), settings.secret(operatorId, SecretName.PAYPAL_CLIENT_ID).isPresent(),
                settings.secret(operatorId, SecretName.PAYPAL_CLIENT_SECRET).isPresent(),
                settings.secret(operatorId, SecretName.PAYPAL_WEBHOOK_ID).isPresent());
    }

    /**
     * Changes the PayPal settings (DomainAdministrators): new secrets are sealed, blank ones kept;
     * the operator log says which secrets were replaced or removed, never their values. PayPal
     * cannot be turned on without a client id and secret (400).
     */
    @Transactional
    public PayPalSettings configurePayPal(Actor actor, PayPalSettingsChange change) {
        actor.require(Permission.MANAGE_OPERATOR);
        Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
        if (change.removeCredentials()) {
            List.of(SecretName.PAYPAL_CLIENT_ID, SecretName.PAYPAL_CLIENT_SECRET, SecretName.PAYPAL_WEBHOOK_ID)
                    .forEach(name -> secrets.put(name, ""));
        }
        putIfGiven(secrets, SecretName.PAYPAL_CLIENT_ID, change.clientId());
        putIfGiven(secrets, SecretName.PAYPAL_CLIENT_SECRET, change.clientSecret());
        putIfGiven(secrets, SecretName.PAYPAL_WEBHOOK_ID, change.webhookId());
        boolean credentials = !change.removeCredentials()
                && (change.clientId() != null || settings.secret(actor.operatorId(), SecretName.PAYPAL_CLIENT_ID).isPresent())
                && (change.clientSecret() != null || settings.secret(actor.operatorId(), SecretName.PAYPAL_CLIENT_SECRET).isPresent());
        if (change.enabled() && !credentials) {
            throw PorticoException.invalid("paypalClientId", "PayPal needs its {paypalClientId} and secret before it can be turned on.");
        }
        settings.update(actor, Section.PAYPAL, new Sections.PayPal(change.enabled(), change.sandbox()), secrets);
        return payPalSettings(actor);
    }

    private static void putIfGiven(Map<SecretName, String> secrets, SecretName name, @Nullable String value) {
        if (value != null) {
            secrets.put(name, value);
        }
    }

    private String secret(long operatorId, SecretName name) {
        return settings.secret(operatorId, name).orElse("");
    }
}
