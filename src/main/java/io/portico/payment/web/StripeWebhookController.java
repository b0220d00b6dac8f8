package io.portico.payment.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.portico.payment.StripeWebhooks;
import io.portico.payment.WebhookOutcome;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Stripe's webhook endpoint, one URL per operator (registered in the operator's Stripe
 * dashboard). The raw body is read as text: the signature is over the exact bytes Stripe sent.
 */
@RestController
@Hidden
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/payments/stripe/webhook/{operatorId}")
    Map<String, Object> receive(@PathVariable long operatorId,
                                @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature,
                                @RequestBody String payload) {
        WebhookOutcome outcome = webhooks.receive(operatorId, payload, signature);
        return Map.of("received", true, "duplicate", outcome == WebhookOutcome.DUPLICATE);
    }
}
