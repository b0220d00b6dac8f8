package io.portico.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One delivery attempt: event type, target URL, the payload sent and the receiver's responses. */
public record WebhookDelivery(Instant occurredAt, String type, String url, Map<String, Object> payload,
                              List<String> responses) {

    public WebhookDelivery {
        if (type == null || type.isBlank() || type.length() > 100) {
            throw new IllegalArgumentException("webhook type is required (at most 100 characters)");
        }
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
        responses = List.copyOf(responses);
    }
}
