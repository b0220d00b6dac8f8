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
 * @param signupsPerAddressPerHour self sign-ups a client address may send per hour (subscriber console)
 * @param resetsPerAddressPerHour  password reset requests a client address may send per hour (a
 *                                 building's shared NAT address sends several)
 * @param resetsPerEmailPerHour    password reset requests per email address per hour: enough for a
 *                                 lost email, too few to flood a mailbox
 */
@ConfigurationProperties("portico.subscription")
public record SubscriptionProperties(@DefaultValue("5s") Duration transitionInterval,
                                     @DefaultValue("200") int transitionBatchSize,
                                     @DefaultValue("24h") Duration passwordLinkValidity,
                                     @DefaultValue("10") int signupsPerAddressPerHour,
                                     @DefaultValue("20") int resetsPerAddressPerHour,
                                     @DefaultValue("3") int resetsPerEmailPerHour) {

    public SubscriptionProperties {
        if (signupsPerAddressPerHour < 1 || resetsPerAddressPerHour < 1 || resetsPerEmailPerHour < 1) {
            throw new IllegalArgumentException("portico.subscription: the sign-up and password reset limits must be at least 1");
        }
    }
}
