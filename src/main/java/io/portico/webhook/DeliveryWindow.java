package io.portico.webhook;

import java.time.Instant;
import java.util.List;

/** Deliveries in [from, to], newest first, at most {@link #MAX_RETURNED}; {@code total} counts the whole window. */
public record DeliveryWindow(Instant from, Instant to, long total, List<WebhookDelivery> deliveries) {

    public static final int MAX_RETURNED = 1000;

    public DeliveryWindow {
        deliveries = List.copyOf(deliveries);
    }
}
