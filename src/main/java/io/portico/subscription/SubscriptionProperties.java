package io.portico.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscription engine settings ({@code portico.subscription.*}).
 *
 * @param transitionInterval  how often subscriptions whose start or end has come are looked for
 * @param transitionBatchSize subscriptions handled per run
 * @param passwordLinkValidity how long a subscriber's password set/reset link works
 */
@ConfigurationProperties("portico.subscription")
public record SubscriptionProperties(@DefaultValue("5s") Duration transitionInterval,
                                     @DefaultValue("200") int transitionBatchSize,
                                     @DefaultValue("24h") Duration passwordLinkValidity) {
}
