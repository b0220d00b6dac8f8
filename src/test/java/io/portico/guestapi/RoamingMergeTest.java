package io.portico.guestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.connection.TerminateCause;
import io.portico.guest.GuestProfile;
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Accounting sessions of one device at one hotspot within the roaming gap (5 minutes) are one connection. */
@PorticoIntegrationTest
class RoamingMergeTest {

    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Http http;
    GuestWorld world;
    Hotspot lobby;
    Hotspot patio;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        world = new GuestWorld(context, "Roaming Ltd");
        lobby = world.hotspot("Lobby");
        patio = world.hotspot("Patio");
        world.guest("02-AA-00-00-00-01", GuestProfile.EMPTY);
    }

    private JsonNode report(String from, String to) {
        var r = http.get("/v2/client/connections?" + world.auth() + "&from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    @Test
    void mergesRoamingSessionsWithinGapSummingBytesAndTime() {
        world.session(lobby, "02-AA-00-00-00-01", "A", T0, Duration.ofMinutes(10), 100, 1_000, TerminateCause.LOST_CARRIER, ANDROID);
        world.session(lobby, "02-AA-00-00-00-01", "B", T0.plus(Duration.ofMinutes(15)), Duration.ofMinutes(20), 5_000_000_000L,
                2_000, TerminateCause.IDLE_TIMEOUT, ANDROID);
        JsonNode r = report("2026-02-01", "2026-02-02");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("date").asString()).isEqualTo("2026-02-01T08:00:00.000000+00:00");
        assertThat(r.get(0).get("uploaded").asLong()).isEqualTo(5_000_000_100L);
        assertThat(r.get(0).get("downloaded").asLong()).isEqualTo(3_000);
        assertThat(r.get(0).get("online_time").asString()).isEqualTo("00:30:00");
        assertThat(r.get(0).get("reason_for_termination").asString()).isEqualTo("Idle Timeout");
        assertThat(r.get(0).get("device").asString()).isEqualTo("Android");
    }

    @Test
    void keepsSessionsApartBeyondTheGapOrAtAnotherHotspot() {
        world.session(lobby, "02-AA-00-00-00-01", "A", T0, Duration.ofMinutes(10), 1, 1, TerminateCause.USER_REQUEST, ANDROID);
        world.session(lobby, "02-AA-00-00-00-01", "B", T0.plus(Duration.ofMinutes(15)).plusSeconds(1), Duration.ofMinutes(1), 1, 1,
                TerminateCause.USER_REQUEST, ANDROID);
        world.session(patio, "02-AA-00-00-00-01", "C", T0.plus(Duration.ofMinutes(17)), Duration.ofMinutes(1), 1, 1,
                TerminateCause.USER_REQUEST, ANDROID);
        world.session(lobby, "02-AA-00-00-00-02", "D", T0.plus(Duration.ofMinutes(11)), Duration.ofMinutes(1), 1, 1,
                TerminateCause.USER_REQUEST, ANDROID);
        assertThat(report("2026-02-01", "2026-02-02")).hasSize(4);
    }

    @Test
    void aTimeInTheRangeKeepsOnlyTheSessionsInsideIt() {
        world.session(lobby, "02-AA-00-00-00-01", "A", T0, Duration.ofMinutes(10), 100, 100, TerminateCause.LOST_CARRIER, ANDROID);
        world.session(lobby, "02-AA-00-00-00-01", "B", T0.plus(Duration.ofMinutes(12)), Duration.ofMinutes(10), 7, 7,
                TerminateCause.IDLE_TIMEOUT, ANDROID);
        JsonNode r = report("2026-02-01T08:05:00", "2026-02-02");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).get("uploaded").asLong()).isEqualTo(7);
        assertThat(r.get(0).get("online_time").asString()).isEqualTo("00:10:00");
    }

    @Test
    void onlineTimeHoursMayExceedTwentyFour() {
        world.session(lobby, "02-AA-00-00-00-01", "LONG", T0, Duration.ofHours(30).plusSeconds(5), 1, 1,
                TerminateCause.SESSION_TIMEOUT, ANDROID);
        assertThat(report("2026-02-01", "2026-02-02").get(0).get("online_time").asString()).isEqualTo("30:00:05");
    }
}
