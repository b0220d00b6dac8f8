package io.portico.webhook.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.webhook.WebhookProperties;
import io.portico.webhook.WebhookService;
import io.portico.webhook.delivery.WebhookHttpSender;
import io.portico.webhook.delivery.WebhookTargetGuard;
import io.portico.webhook.persistence.WebhookRepository;
import io.portico.webhook.persistence.WebhookRepository.Pending;

/**
 * Delivers due outbox rows as a recurring db-scheduler task (one instance at a time across a
 * cluster, so a row is never sent by two instances at once): signed per Standard Webhooks with
 * the operator's secret, to targets the {@link WebhookTargetGuard} accepts, the oldest pending row
 * of each ordering key first. Each attempt's outcome is appended to the row's responses; failures
 * back off exponentially with jitter until {@code giveUpAfter}, then the row is FAILED.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    @Bean
    @ConditionalOnProperty(name = "portico.webhook.delivery-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> webhookDispatch(WebhookRepository repository, WebhookService webhooks, WebhookProperties properties,
                                        Clock clock) {
        WebhookHttpSender sender = new WebhookHttpSender(properties.connectTimeout(), properties.readTimeout());
        // No transaction around the sends: a slow receiver must not hold database locks.
        return Tasks.recurring("webhook-dispatch", Schedules.fixedDelay(properties.dispatchInterval()))
                .execute((instance, context) -> {
                    for (Pending row : repository.due(clock.instant(), properties.batchSize())) {
                        deliver(row, repository, webhooks, sender, properties, clock);
                    }
                });
    }

    static void deliver(Pending row, WebhookRepository repository, WebhookService webhooks, WebhookHttpSender sender,
                        WebhookProperties properties, Clock clock) {
        int attempts = row.attempts() + 1;
        boolean allowPrivate = repository.find(row.operatorId()).map(WebhookRepository.Row::allowPrivateTargets).orElse(false);
        String refusal = WebhookTargetGuard.refusal(row.url(), allowPrivate);
        String secret = webhooks.signingSecret(row.operatorId()).orElse(null);
        String response;
        boolean delivered = false;
        if (refusal != null) {
            response = "Not sent: " + refusal;
        } else if (secret == null) {
            response = "Not sent: the operator has no webhook signing secret.";
        } else {
            WebhookHttpSender.Attempt attempt = sender.send(row.url(), row.messageId(), clock.instant().getEpochSecond(),
                    row.body(), secret, null);
            delivered = attempt.delivered();
            response = attempt.status() == 0 ? attempt.responseExcerpt()
                    : (attempt.status() + " " + attempt.responseExcerpt()).strip();
        }
        List<String> responses = new ArrayList<>(row.responses());
        responses.add(response);
        Instant now = clock.instant();
        if (delivered) {
            repository.recordAttempt(row.id(), attempts, responses, "DELIVERED", now, now);
            log.info("Webhook {} ({}) delivered on attempt {}", row.messageId(), row.type(), attempts);
        } else if (Duration.between(row.occurredAt(), now).compareTo(properties.giveUpAfter()) >= 0) {
            repository.recordAttempt(row.id(), attempts, responses, "FAILED", now, now);
            log.warn("Webhook {} ({}) failed for good after {} attempts: {}", row.messageId(), row.type(), attempts, response);
        } else {
            repository.recordAttempt(row.id(), attempts, responses, "PENDING", now.plus(backoff(attempts, properties)), now);
            log.info("Webhook {} ({}) attempt {} failed, will retry: {}", row.messageId(), row.type(), attempts, response);
        }
    }

    /** Exponential backoff with up to 25% random jitter, so many failing receivers do not retry in step. */
    static Duration backoff(int attempts, WebhookProperties properties) {
        Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(properties.maxRetryDelay()) > 0) {
            delay = properties.maxRetryDelay();
        }
        return delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1));
    }
}
