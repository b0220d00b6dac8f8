package io.portico.payment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.portico.payment.PayPalCheckout;
import io.portico.payment.WebhookOutcome;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * PayPal's webhook endpoint, one URL per operator (registered on the operator's PayPal REST app).
 * The raw body is passed on as text: PayPal verifies the exact bytes it sent.
 */
@RestController
@Hidden
class PayPalWebhookController {

    private static final List<String> TRANSMISSION = List.of("PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-TIME",
            "PAYPAL-TRANSMISSION-SIG", "PAYPAL-CERT-URL", "PAYPAL-AUTH-ALGO");

    private final PayPalCheckout paypal;

    PayPalWebhookController(PayPalCheckout paypal) {
        this.paypal = paypal;
    }

    @PostMapping(path = "/payments/paypal/webhook/{operatorId}")
    Map<String, Object> receive(@PathVariable long operatorId, @RequestHeader HttpHeaders headers, @RequestBody String payload) {
        Map<String, String> transmission = new LinkedHashMap<>();
        TRANSMISSION.forEach(name -> {
            String value = headers.getFirst(name);
            if (value != null) {
                transmission.put(name, value);
            }
        });
        WebhookOutcome outcome = paypal.receiveWebhook(operatorId, payload, transmission);
        return Map.of("received", true, "duplicate", outcome == WebhookOutcome.DUPLICATE);
    }
}
