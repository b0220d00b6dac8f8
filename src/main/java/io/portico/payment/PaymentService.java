package io.portico.payment;

import org.springframework.stereotype.Service;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.Permission;

/**
 * Entry point of the payment module for settings: the operator's Stripe account (from the
 * ShoppingCart section and its sealed secrets) for checkouts, refunds and webhook verification,
 * and the account's mode for the console and dashboard.
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
        StripeAccount account = stripeAccount(actor.operatorId());
        return new PaymentStatus(account.mode(), account.canTakePayments(), account.allowRefund());
    }

    private String secret(long operatorId, SecretName name) {
        return settings.secret(operatorId, name).orElse("");
    }
}
