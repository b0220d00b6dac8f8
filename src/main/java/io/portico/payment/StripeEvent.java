package io.portico.payment;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A Stripe event whose signature and timestamp were verified: its id, type, when Stripe created
 * it, whether it is a live-mode event, and {@code data.object} (a Checkout Session, an invoice, a
 * subscription...) as JSON, read with {@link #text}.
 */
public record StripeEvent(String id, String type, Instant created, boolean livemode, JsonNode object) {

    public StripeEvent {
        if (id == null || !id.startsWith("evt_") || id.length() > 255) {
            throw new IllegalArgumentException("not a Stripe event id");
        }
        if (type == null || type.isBlank() || type.length() > 100) {
            throw new IllegalArgumentException("not a Stripe event type");
        }
    }

    /** A text field of {@code data.object} by dotted path ({@code metadata.plan}); "" when absent or null. */
    public String value(String path) {
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() ? "" : node.asString();
    }

    /**
     * For a Checkout Session in subscription mode that created a subscription: the value of the
     * metadata key Portico put on it; "" for any other session or event.
     */
    public String subscriptionCheckout(String metadataKey) {
        return "subscription".equals(value("mode")) && !value("subscription").isEmpty() ? value("metadata." + metadataKey) : "";
    }
}
