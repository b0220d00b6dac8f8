package io.portico.guestapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The connections report's hand-written formats agree with the documented ones. */
class ConnectionFormatsTest {

    @Test
    void dateHasMicrosecondsAndAUtcOffset() {
        assertThat(ConnectionsController.date(Instant.parse("2019-12-30T14:14:44.493576Z")))
                .isEqualTo("2019-12-30T14:14:44.493576+00:00");
        assertThat(ConnectionsController.date(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000+00:00");
        assertThat(ConnectionsController.date(Instant.parse("2026-01-02T03:04:05.000007999Z")))
                .isEqualTo("2026-01-02T03:04:05.000007+00:00");
        for (long s = 0; s < 4_000_000_000L; s += 123_456_789L) {
            Instant t = Instant.ofEpochSecond(s, s % 1_000_000_000L);
            assertThat(ConnectionsController.date(t))
                    .isEqualTo(ConnectionsController.DATE.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
        }
    }

    @Test
    void onlineTimeHoursDoNotWrap() {
        assertThat(ConnectionsController.onlineTime(Duration.ofSeconds(314))).isEqualTo("00:05:14");
        assertThat(ConnectionsController.onlineTime(Duration.ZERO)).isEqualTo("00:00:00");
        assertThat(ConnectionsController.onlineTime(Duration.ofHours(123).plusSeconds(59))).isEqualTo("123:00:59");
    }
}
