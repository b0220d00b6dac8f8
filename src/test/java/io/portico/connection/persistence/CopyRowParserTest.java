package io.portico.connection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.portico.connection.persistence.ConnectionRepository.SessionRow;

/** The report's COPY text parser reads what PostgreSQL prints (TimeZone UTC, DateStyle ISO). */
class CopyRowParserTest {

    private final CopyRowParser parser = new CopyRowParser();

    private SessionRow parse(String line) {
        return parser.parse((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryColumn() {
        UUID token = UUID.randomUUID();
        SessionRow row = parse(String.join("\t", "42", "Lobby Café", "AA-BB-CC-DD-EE-FF", "2026-03-10 14:14:44.493576+00",
                "2026-03-10 15:00:00+00", "2716", "-1", "9000000000", "4", "Mozilla/5.0 (iPhone)", token.toString(),
                "a@example.com", "+15551234567", "Zoë", "O'Neil", "Zoë O."));
        assertThat(row).isEqualTo(new SessionRow(42, "Lobby Café", "AA-BB-CC-DD-EE-FF",
                Instant.parse("2026-03-10T14:14:44.493576Z"), Instant.parse("2026-03-10T15:00:00Z"), 2716, -1, 9_000_000_000L,
                4, "Mozilla/5.0 (iPhone)", token, "a@example.com", "+15551234567", "Zoë", "O'Neil", "Zoë O."));
    }

    @Test
    void readsNullsAndEscapes() {
        SessionRow row = parse(String.join("\t", "1", "tab\\there\\\\back\\nline", "AA-BB-CC-DD-EE-FF",
                "2026-03-10 14:14:44.5+00", "2026-03-10 14:14:44.000001+00", "0", "0", "0", "\\N", "\\N", "\\N", "\\N",
                "\\N", "", "\\\\N", "\\101\\x42"));
        assertThat(row.hotspotName()).isEqualTo("tab\there\\back\nline");
        assertThat(row.startedAt()).isEqualTo(Instant.parse("2026-03-10T14:14:44.500Z"));
        assertThat(row.endedAt()).isEqualTo(Instant.parse("2026-03-10T14:14:44.000001Z"));
        assertThat(row.terminateCause()).isNull();
        assertThat(row.userAgent()).isNull();
        assertThat(row.guestToken()).isNull();
        assertThat(row.email()).isNull();
        assertThat(row.phone()).isNull();
        assertThat(row.firstName()).isEmpty();
        assertThat(row.lastName()).isEqualTo("\\N");
        assertThat(row.displayName()).isEqualTo("AB");
    }

    @Test
    void daysFromCivilAgreesWithJavaTime() {
        for (long day = -800_000; day < 800_000; day += 997) {
            LocalDate date = LocalDate.ofEpochDay(day);
            assertThat(CopyRowParser.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(day);
        }
        SessionRow row = parse(String.join("\t", "1", "h", "m", "0999-12-31 23:59:59+00", "12345-01-01 00:00:00+00",
                "0", "0", "0", "1", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N"));
        assertThat(row.startedAt()).isEqualTo(Instant.parse("0999-12-31T23:59:59Z"));
        assertThat(row.endedAt()).isEqualTo(Instant.parse("+12345-01-01T00:00:00Z"));
    }
}
