package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.support.TestClock;

class PortalRateLimitTest {

    @Test
    void refusesAnAddressPastItsFormsPerMinuteUntilTheAllowanceRefills() {
        TestClock clock = new TestClock();
        PortalRateLimit limit = new PortalRateLimit(new PortalProperties(2), clock);

        limit.take("198.51.100.7");
        limit.take("198.51.100.7");
        assertThatThrownBy(() -> limit.take("198.51.100.7")).isInstanceOfSatisfying(PorticoException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
        });
        limit.take("198.51.100.8");

        clock.advance(Duration.ofSeconds(30));
        limit.take("198.51.100.7");
    }
}
