package io.portico.webhook.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.gateway.GatewayChangeFailed;
import io.portico.guest.GuestCreated;
import io.portico.guest.GuestPlanPurchased;
import io.portico.payment.GuestPlanRefunded;
import io.portico.subscription.LoginPasswordCreated;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionStarted;
import io.portico.unit.VenueUnitAdded;
import io.portico.unit.VenueUnitUpdated;
import io.portico.webhook.internal.WebhookPayloads.Webhook;
import io.portico.webhook.persistence.WebhookRepository;

/**
 * Turns domain events into webhook outbox rows, inside the publisher's transaction (a plain
 * listener with MANDATORY propagation, like the audit module's): the row exists exactly when the
 * change commits. It only listens: each event carries what its payload shows, and
 * {@link WebhookPayloads} maps it; every payload starts with {@code Type} and
 * {@code dateAddedUTC.ISO8601}. Operators without a WebhookURL get no rows. The
 * {@link WebhookDispatcher} delivers them.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener({SubscriptionAdded.class, SubscriptionStarted.class, SubscriptionEnded.class, SubscriptionKeyReset.class,
            SubscriptionAdjusted.class, SubscriptionPlanUpdated.class, LoginPasswordCreated.class, VenueUnitAdded.class,
            VenueUnitUpdated.class, GuestCreated.class, GuestPlanPurchased.class, GatewayChangeFailed.class,
            GuestPlanRefunded.class})
    @Transactional(propagation = Propagation.MANDATORY)
    void on(Object event) {
        List<Webhook> webhooks = WebhookPayloads.of(event);
        if (webhooks.isEmpty()) {
            return;
        }
        String url = repository.urlInTransaction(webhooks.getFirst().operatorId());
        if (url.isBlank()) {
            return;
        }
        for (Webhook webhook : webhooks) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("Type", webhook.type());
            payload.put("dateAddedUTC.ISO8601", WebhookPayloads.ISO.format(clock.instant()));
            payload.putAll(webhook.fields());
            repository.enqueue(webhook.operatorId(), "msg_" + UUID.randomUUID().toString().replace("-", ""),
                    webhook.orderingKey(), webhook.type(), url, payload, clock.instant());
        }
    }
}
