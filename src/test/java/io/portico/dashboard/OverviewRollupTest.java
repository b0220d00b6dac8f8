package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.portico.connection.internal.DailyRollup;
import io.portico.connection.persistence.RollupRepository;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;

/**
 * The overview's chart JSON is the same whether its closed days come from the sessions or from the daily
 * rollup; only today's returning guests, then merged from hourly device sketches, are marked estimated,
 * on the page as in the JSON.
 */
@PorticoIntegrationTest
class OverviewRollupTest {

    private static final Instant NOW = Instant.parse("2026-11-02T15:30:00Z"); // the day after New York went back to standard time (a 25-hour day)

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired RollupRepository rollups;
    @Autowired DailyRollup rollup;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void chartJsonIsTheSameFromTheRollupAsFromTheSessions() {
        clock.fix(NOW);
        Operator operator = fixtures.operator();
        Client client = fixtures.client(operator, "Overview rollup " + Fixtures.unique());
        String venueKey = "OR" + Fixtures.unique();
        jdbc.update("insert into venue (operator_id, client_id, venue_key, name, address_line1, city, state, postal_code, country,"
                + " time_zone, created_at) values (?, ?, ?, 'V', '1 Main St', 'Boston', 'MA', '02110', 'USA', 'America/New_York', current_timestamp)",
                operator.id(), client.id(), venueKey);
        jdbc.update("insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)"
                + " select operator_id, client_id, id, 'Overview spot', ?, current_timestamp from venue where venue_key = ?", "nas-" + venueKey, venueKey);
        long hotspot = jdbc.queryForObject("select id from hotspot where nas_identifier = ?", Long.class, "nas-" + venueKey);
        for (int i = 0; i < 400; i++) {
            Instant start = NOW.minusSeconds(6_607L * i + 1);
            jdbc.update("insert into connection_session (session_key, client_id, hotspot_id, mac_address, started_at, start_reported,"
                            + " last_seen_at, ended_at, session_seconds, input_octets, output_octets, closed_by) values (?, ?, ?, ?, ?, true, ?, ?, 60, ?, ?, 'nas')",
                    String.format("%064x", (long) i * 1_000_003 + hotspot), client.id(), hotspot, String.format("02-00-00-00-%02X-%02X", i % 7, i % 13),
                    start.atOffset(ZoneOffset.UTC), start.plusSeconds(60).atOffset(ZoneOffset.UTC), start.plusSeconds(60).atOffset(ZoneOffset.UTC),
                    i * 1_234_567L, i * 7_654_321L);
        }
        Http http = new Http(port);
        String cookie = DashboardSessionTest.signIn(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS)).cookieHeader();

        rollups.forgetFrom(LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(60));
        String fromSessions = http.get("/dashboard/overview.json?client=" + client.id(), "Cookie", cookie).raw();
        rollup.run();
        assertThat(rollups.rolledDays("America/New_York", LocalDate.of(2026, 10, 4), LocalDate.of(2026, 11, 1))).hasSize(29);
        String fromRollup = http.get("/dashboard/overview.json?client=" + client.id(), "Cookie", cookie).raw();

        assertThat(fromSessions).contains("\"zone\":\"America/New_York\"", "\"id\":\"activity\"");
        String exact = "\"estimated\":{\"returningGuests\":[" + "false,".repeat(29) + "false]}";
        String estimatedToday = "\"estimated\":{\"returningGuests\":[" + "false,".repeat(29) + "true]}";
        assertThat(fromSessions).contains(exact);
        assertThat(fromRollup).contains(estimatedToday);
        assertThat(fromRollup.replace(estimatedToday, exact)).isEqualTo(fromSessions);
        String page = http.get("/dashboard/overview?client=" + client.id(), "Cookie", cookie).raw();
        assertThat(page).contains("id=\"overview-estimated\"", "id=\"busiest-estimated\"", "≈");
    }
}
