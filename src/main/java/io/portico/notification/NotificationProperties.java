package io.portico.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery settings ({@code portico.notification.*}); the SMTP server itself is
 * {@code spring.mail.*} ({@code PORTICO_SMTP_HOST}, ...).
 *
 * @param firstRetry   wait after the first failed attempt; it doubles up to {@code maxRetryDelay}
 * @param giveUpAfter  an email still unsent this long after it was queued is marked FAILED
 * @param batchSize    emails sent per dispatcher run
 * @param subscriberPortalUrl Portico's public base URL for residents: password links are
 *                     {@code <subscriberPortalUrl>/subscriber/password?token=...} (the subscriber console)
 */
@ConfigurationProperties("portico.notification")
public record NotificationProperties(@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
                                     @DefaultValue("48h") Duration giveUpAfter, @DefaultValue("50") int batchSize,
                                     @DefaultValue("2s") Duration dispatchInterval,
                                     @DefaultValue("http://localhost:8080") String subscriberPortalUrl) {
}
