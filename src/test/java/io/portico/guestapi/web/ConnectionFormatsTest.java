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
    void bufferedFormatsAgreeWithTheStringOnes() {
        char[] buffer = new char[40];
        for (long s = -62_000_000_000L; s < 260_000_000_000L; s += 987_654_321L) {
            Instant t = Instant.ofEpochSecond(s, Math.floorMod(s * 7919, 1_000_000_000L));
            int n = ConnectionsController.date(t, buffer);
            if (n < 0) {
                int year = OffsetDateTime.ofInstant(t, ZoneOffset.UTC).getYear();
                assertThat(year < 1000 || year > 9999).as("year %d", year).isTrue();
            } else {
                assertThat(new String(buffer, 0, n)).isEqualTo(DATE_FORMAT.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
            }
        }
        for (long s : new long[] {0, 9, 59, 60, 3599, 3600, 35_999, 36_000, 86_399, 86_400, 442_859, 3_600_000_000L}) {
            int n = ConnectionsController.onlineTime(s, buffer);
            assertThat(new String(buffer, 0, n)).isEqualTo(ConnectionsController.onlineTime(Duration.ofSeconds(s)));
        }
    }

    private static final java.time.format.DateTimeFormatter DATE_FORMAT = ConnectionsController.DATE;

    @Test
    void onlineTimeHoursDoNotWrap() {
        assertThat(ConnectionsController.onlineTime(Duration.ofSeconds(314))).isEqualTo("00:05:14");
        assertThat(ConnectionsController.onlineTime(Duration.ZERO)).isEqualTo("00:00:00");
        assertThat(ConnectionsController.onlineTime(Duration.ofHours(123).plusSeconds(59))).isEqualTo("123:00:59");
    }
}
