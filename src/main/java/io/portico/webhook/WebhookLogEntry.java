package io.portico.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One webhook of the delivery log as the dashboard shows it: its id (for keyset paging and the
 * detail view), when, the event type, the target, the delivery state (PENDING, DELIVERED,
 * FAILED), the attempts made, the payload sent and the receiver's responses.
 */
public record WebhookLogEntry(long id, Instant occurredAt, String type, String url, String status, int attempts,
                              Map<String, Object> payload, List<String> responses) {

    public WebhookLogEntry {
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
        responses = List.copyOf(responses);
    }
}
