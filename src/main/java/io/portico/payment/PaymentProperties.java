package io.portico.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings ({@code portico.payment.*}).
 *
 * @param stripeApiBase      where Stripe's API is; tests point it at a loopback fake
 * @param webhookTolerance   how old a signed webhook may be (Stripe's own default: 5 minutes);
 *                           older deliveries are refused as replays
 * @param checkoutExpiry     how long a guest's Checkout Session stays open (Stripe allows 30 min to 24 h)
 * @param stripeTimeout      connect and read timeout of calls to Stripe
 * @param housekeepingInterval how often open checkouts and PayPal orders older than
 *                           {@code checkoutExpiry} are expired (a db-scheduler task)
 */
@ConfigurationProperties("portico.payment")
public record PaymentProperties(@DefaultValue("https://api.stripe.com") String stripeApiBase,
                                @DefaultValue("300s") Duration webhookTolerance,
                                @DefaultValue("30m") Duration checkoutExpiry,
                                @DefaultValue("20s") Duration stripeTimeout,
                                @DefaultValue("5m") Duration housekeepingInterval) {

    public PaymentProperties {
        if (!stripeApiBase.matches("https?://\\S+")) {
            throw new IllegalArgumentException("portico.payment.stripe-api-base must be an http(s) URL");
        }
        if (!webhookTolerance.isPositive() || checkoutExpiry.compareTo(Duration.ofMinutes(30)) < 0
                || checkoutExpiry.compareTo(Duration.ofHours(24)) > 0 || !stripeTimeout.isPositive()
                || !housekeepingInterval.isPositive()) {
            throw new IllegalArgumentException("portico.payment: tolerance and timeout must be positive, checkout expiry 30m..24h");
        }
    }
}
