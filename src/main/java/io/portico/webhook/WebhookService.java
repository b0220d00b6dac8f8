package io.portico.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.SecretBox;
import io.portico.webhook.persistence.WebhookRepository;

/**
 * Entry point of the webhook module. The console sets the endpoint and reads the delivery log;
 * the webhook engine (issue 6) reads the URL and signing secret and records every attempt.
 */
@Service
public class WebhookService {

    /** The listWebhookLog default window, as the operator log's. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(15);
    /** The event type of the dashboard's "send a test event". */
    public static final String TEST_EVENT = "Test";

    private final WebhookRepository repository;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookService(WebhookRepository repository, SecretBox box, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.events = events;
        this.clock = clock;
    }

    public WebhookEndpoint endpoint(long operatorId) {
        return repository.find(operatorId)
                .map(row -> new WebhookEndpoint(row.url(), row.sealedSecret() == null ? "" : SecretBox.mask(box.open(row.sealedSecret()))))
                .orElse(WebhookEndpoint.NONE);
    }

    /** The signing secret in clear, for the engine that signs deliveries; never for an API response. */
    @Transactional(readOnly = true)
    public Optional<String> signingSecret(long operatorId) {
        return repository.find(operatorId).map(WebhookRepository.Row::sealedSecret).map(box::open);
    }

    /**
     * Sets, when given, the URL (https, or http for local receivers; "" turns webhooks off), the
     * signing secret ("" removes it) and whether private, loopback and link-local targets are allowed (unchanged when null).
     */
    @Transactional
    public WebhookEndpoint configure(Actor actor, @Nullable String url, @Nullable String signingSecret,
                                     @Nullable Boolean allowPrivateTargets) {
        actor.require(Permission.MANAGE_OPERATOR);
        String keptUrl = repository.find(actor.operatorId()).map(WebhookRepository.Row::url).orElse("");
        configure(actor.operatorId(), url == null ? keptUrl : url, signingSecret);
        if (allowPrivateTargets != null) {
            repository.allowPrivateTargets(actor.operatorId(), allowPrivateTargets);
        }
        events.publishEvent(AdministratorActed.by(actor, "/operator/configureWebhook", Map.of("message",
                (url == null ? "" : "Updated WebhookURL = " + url.strip() + ". ")
                        + (signingSecret == null ? "" : "Replaced webhook signing secret. ")
                        + (allowPrivateTargets == null ? "" : "Updated WebhookAllowPrivateTargets = " + allowPrivateTargets + ". ")),
                clock.instant()));
        return endpoint(actor.operatorId());
    }

    /** Sets the endpoint without an acting administrator (demo data, tests). */
    @Transactional
    public void configure(long operatorId, @Nullable String url, @Nullable String signingSecret) {
        String clean = url == null ? "" : url.strip();
        if (!clean.isEmpty()) {
            try {
                URI uri = URI.create(clean);
                if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        || clean.length() > 2000) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw PorticoException.invalid("webhookUrl", "{webhookUrl} must be an absolute http or https URL.");
            }
        }
        if (signingSecret != null && (signingSecret.length() > 500 || !signingSecret.isEmpty() && signingSecret.length() < 16)) {
            throw PorticoException.invalid("signingSecret", "{signingSecret} must be 16 to 500 characters.");
        }
        String sealed = signingSecret == null ? repository.find(operatorId).map(WebhookRepository.Row::sealedSecret).orElse(null)
                : signingSecret.isEmpty() ? null : box.seal(signingSecret);
        repository.save(operatorId, clean, sealed, clock.instant());
    }

    /**
     * Lets deliveries go to private, loopback and link-local addresses (a receiver on the
     * operator's own network), or refuses them again, without an acting administrator (demo
     * start-up, tests); the console uses {@link #configure(Actor, String, String, Boolean)}.
     */
    @Transactional
    public void allowPrivateTargets(long operatorId, boolean allow) {
        if (repository.find(operatorId).isEmpty()) {
            repository.save(operatorId, "", null, clock.instant());
        }
        repository.allowPrivateTargets(operatorId, allow);
    }

    /** Whether the operator allows private targets (shown in the console). */
    @Transactional(readOnly = true)
    public boolean allowsPrivateTargets(long operatorId) {
        return repository.find(operatorId).map(WebhookRepository.Row::allowPrivateTargets).orElse(false);
    }

    /** Delivery state (PENDING, DELIVERED, FAILED) of one message by its webhook-id. */
    @Transactional(readOnly = true)
    public Optional<String> deliveryStatus(String messageId) {
        return repository.status(messageId);
    }

    /** Records one delivery attempt and the receiver's responses; the webhook engine calls this. */
    @Transactional
    public void recordDelivery(long operatorId, WebhookDelivery delivery) {
        repository.insertDelivery(operatorId, delivery);
    }

    /**
     * Records the operator's queued webhooks as delivered with {@code response}, without sending
     * them: the demo loads its past this way, so its history is delivered history and nothing is
     * queued for a receiver that does not exist. Returns how many rows it settled.
     */
    @Transactional
    public int recordQueuedAsDelivered(long operatorId, String response) {
        return repository.markPendingDelivered(operatorId, List.of(response));
    }

    /** listWebhookLog: deliveries in the window (defaults: now and 15 days before), newest first, capped. */
    @Transactional(readOnly = true)
    public DeliveryWindow window(Actor actor, @Nullable Instant from, @Nullable Instant to) {
        actor.require(Permission.READ_LOGS);
        Instant max = to == null ? clock.instant() : to;
        Instant min = from == null ? max.minus(DEFAULT_SPAN) : from;
        if (min.isAfter(max)) {
            throw PorticoException.invalid("windowStart",
                    "{windowStart} must not be after {windowEnd}.");
        }
        return new DeliveryWindow(min, max, repository.count(actor.operatorId(), min, max),
                repository.list(actor.operatorId(), min, max, DeliveryWindow.MAX_RETURNED));
    }

    /** The dashboard's webhook log: a keyset page of the window, newest first, optionally one event type. */
    @Transactional(readOnly = true)
    public List<WebhookLogEntry> page(Actor actor, Instant from, Instant to, @Nullable String type,
                                      @Nullable Instant beforeAt, long beforeId, int limit) {
        actor.require(Permission.READ_LOGS);
        if (from.isAfter(to)) {
            throw PorticoException.invalid("windowStart", "{windowStart} must not be after {windowEnd}.");
        }
        return repository.page(actor.operatorId(), from, to, type == null || type.isBlank() ? null : type.strip(), beforeAt, beforeId,
                Math.max(1, Math.min(limit, DeliveryWindow.MAX_RETURNED)));
    }

    /** One webhook with its payload and the receiver's responses. */
    @Transactional(readOnly = true)
    public WebhookLogEntry entry(Actor actor, long id) {
        actor.require(Permission.READ_LOGS);
        return repository.findEntry(actor.operatorId(), id)
                .orElseThrow(() -> PorticoException.notFound("Unknown webhook " + id + "."));
    }

    /**
     * Queues a {@code Test} webhook to the configured URL, signed and delivered (with retries) like
     * any other, so an operator can check the receiver; audited. 409 when no URL is configured.
     */
    @Transactional
    public String sendTestEvent(Actor actor) {
        actor.require(Permission.MANAGE_OPERATOR);
        String url = repository.find(actor.operatorId()).map(WebhookRepository.Row::url).filter(u -> !u.isBlank())
                .orElseThrow(() -> PorticoException.conflict("No webhook URL is configured; set one first."));
        Instant now = clock.instant();
        String messageId = "msg_" + java.util.UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("Type", TEST_EVENT);
        payload.put("dateAddedUTC.ISO8601", java.time.format.DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        payload.put("message", "A test event sent from the dashboard by " + actor.label() + ".");
        repository.enqueue(actor.operatorId(), messageId, "test-" + messageId, TEST_EVENT, url, payload, now);
        events.publishEvent(AdministratorActed.by(actor, "/webhooks/sendTestEvent",
                Map.of("message", "Test webhook " + messageId + " queued for " + url + "."), now));
        return messageId;
    }
}
