package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The guests' CSV: what is written reads back to the same profile, formulas are defused, bad lines are named. */
class GuestCsvTest {

    @Test
    void writesAndReadsBackTrickyValuesUnchanged() throws Exception {
        GuestProfile profile = new GuestProfile("=1+1@example.com", "Zoë", "O'Brien, \"Jr\"", "+display", null, "+1 617 555 0100",
                LocalDate.of(1990, 2, 3), null, "USA", null, "Boston", "1 Main St\r\nApt 2", "02110",
                List.of("-x", "@y", "'z", "''=w", "plain"), null);
        Guest guest = new Guest(1, 1, UUID.randomUUID(), MacAddress.parse("02-00-00-00-00-0A"), profile, true, Instant.EPOCH, Instant.EPOCH);
        StringWriter out = new StringWriter();
        GuestCsv.writeHeader(out);
        GuestCsv.write(out, guest);
        assertThat(out.toString()).contains("'=1+1@example.com", "'+display", "'-x", "'@y", "''z");

        List<GuestCsv.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        GuestCsv.read(new StringReader(out.toString()), rows, errors);
        assertThat(errors).isEmpty();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.mac()).isEqualTo(guest.macAddress());
            assertThat(row.profile()).isEqualTo(profile);
            assertThat(row.unsubscribed()).isTrue();
        });
    }

    @Test
    void namesTheLinesItCannotRead() {
        String csv = String.join(",", GuestCsv.HEADER) + "\n02-00-00-00-00-01,a@example.com\n";
        List<GuestCsv.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        GuestCsv.read(new StringReader(csv), rows, errors);
        assertThat(errors).containsExactly("Line 2: expected " + GuestCsv.HEADER.size() + " columns, found 2.");
        GuestCsv.read(new StringReader("mac,email\n"), rows, errors);
        assertThat(errors).last().asString().startsWith("Line 1: the header must be");
    }
}
