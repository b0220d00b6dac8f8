package io.portico.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code portico.webhook.*}).
 *
 * @param deliveryEnabled  deliver from the outbox on this deployment (rows are written either way)
 * @param dispatchInterval how often due deliveries are looked for
 * @param firstRetry       wait after the first failed attempt; doubles (with up to 25% jitter) up to {@code maxRetryDelay}
 * @param giveUpAfter      a delivery still failing this long after its event is marked FAILED (at least 24 hours)
 * @param connectTimeout   TCP connect timeout per attempt
 * @param readTimeout      time the receiver has to answer
 * @param batchSize        deliveries per dispatcher run
 */
@ConfigurationProperties("portico.webhook")
public record WebhookProperties(@DefaultValue("true") boolean deliveryEnabled, @DefaultValue("1s") Duration dispatchInterval,
                                @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
                                @DefaultValue("72h") Duration giveUpAfter, @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("10s") Duration readTimeout, @DefaultValue("50") int batchSize) {

    public WebhookProperties {
        if (giveUpAfter.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("portico.webhook.give-up-after must be at least 24h");
        }
    }
}
