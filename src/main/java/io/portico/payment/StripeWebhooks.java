package io.portico.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import io.portico.payment.internal.WebhookInbox;
import io.portico.platform.PorticoException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Stripe's webhook deliveries for one operator (the payment web facade calls
 * {@link #receive}): verifies the {@code Stripe-Signature} header with the operator's signing
 * secret and a timestamp tolerance on the injected clock, then, in one transaction, records the
 * event in the inbox and lets the {@link StripeEventHandler}s act on it only if it was new.
 */
@Service
public class StripeWebhooks {

    public static final String PROVIDER = "stripe";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final PaymentService payments;
    private final WebhookInbox inbox;
    private final List<StripeEventHandler> handlers;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhooks(PaymentService payments, WebhookInbox inbox, List<StripeEventHandler> handlers,
                   TransactionTemplate transactions, PaymentProperties properties, JsonMapper json, Clock clock) {
        this.payments = payments;
        this.inbox = inbox;
        this.handlers = List.copyOf(handlers);
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * 400 for a missing or wrong signature, a timestamp outside the tolerance (a replay) or a body
     * that is not an event; 404 when the operator has no signing secret.
     */
    public WebhookOutcome receive(long operatorId, String payload, @Nullable String signatureHeader) {
        StripeAccount account = payments.stripeAccount(operatorId);
        if (account.signingSecret().isEmpty()) {
            throw PorticoException.notFound("Stripe webhooks are not set up for this operator.");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw PorticoException.invalid("The Stripe-Signature header is missing.");
        }
        StripeEvent event = verified(payload, signatureHeader, account.signingSecret());
        WebhookOutcome outcome = transactions.execute(tx -> {
            if (!inbox.accept(PROVIDER, event.id(), operatorId, event.type(), clock.instant())) {
                return WebhookOutcome.DUPLICATE;
            }
            List<StripeEventHandler> acting = handlers.stream().filter(h -> h.supports(event.type())).toList();
            acting.forEach(h -> h.handle(event, operatorId));
            return acting.isEmpty() ? WebhookOutcome.IGNORED : WebhookOutcome.PROCESSED;
        });
        log.info("Stripe event {} ({}) for operator {}: {}", event.id(), event.type(), operatorId, outcome);
        return outcome;
    }

    private StripeEvent verified(String payload, String header, String secret) {
        try {
            // stripe-java checks the v1 HMAC and the t= timestamp against our clock (tests move it).
            Webhook.constructEvent(payload, header, secret, properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw PorticoException.invalid("The Stripe-Signature header does not match the payload, "
                    + "or its timestamp is outside the tolerance of " + properties.webhookTolerance().toSeconds() + " seconds.");
        } catch (RuntimeException e) {
            throw PorticoException.invalid("The webhook body is not a Stripe event.");
        }
        try {
            JsonNode root = json.readTree(payload);
            JsonNode object = root.path("data").path("object");
            return new StripeEvent(root.path("id").asString(), root.path("type").asString(),
                    Instant.ofEpochSecond(root.path("created").asLong()), root.path("livemode").asBoolean(),
                    object.isObject() ? object : json.createObjectNode());
        } catch (JacksonException | IllegalArgumentException e) {
            throw PorticoException.invalid("The webhook body is not a Stripe event.");
        }
    }
}
