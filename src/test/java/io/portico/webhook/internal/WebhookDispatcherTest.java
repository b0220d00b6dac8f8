package io.portico.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.portico.webhook.WebhookProperties;

/** The retry schedule: exponential with jitter, capped, and retrying for at least a day. */
class WebhookDispatcherTest {

    final WebhookProperties defaults = new WebhookProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofHours(1), Duration.ofHours(72), Duration.ofSeconds(5), Duration.ofSeconds(10), 50);

    @Test
    void backoffDoublesWithAtMostAQuarterOfJitterAndStopsGrowingAtTheCap() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            Duration base = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempt - 1, 20));
            Duration capped = base.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : base;
            Duration delay = WebhookDispatcher.backoff(attempt, defaults);
            assertThat(delay).isBetween(capped, capped.plus(capped.dividedBy(4)).plusMillis(1));
        }
    }

    @Test
    void aFailingReceiverIsRetriedForMoreThanADayBeforeGivingUp() {
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (elapsed.compareTo(defaults.giveUpAfter()) < 0) {
            attempts++;
            elapsed = elapsed.plus(WebhookDispatcher.backoff(attempts, defaults));
        }
        assertThat(attempts).isGreaterThan(24);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesToGiveUpInLessThanADay() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebhookProperties(true, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(23), Duration.ofSeconds(5), Duration.ofSeconds(10), 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
