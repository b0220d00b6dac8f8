package io.portico.guestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.connection.TerminateCause;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestProfile;
import io.portico.guest.MacAddress;
import io.portico.guest.NewVouchers;
import io.portico.guest.Voucher;
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** Every guest API endpoint answers with exactly the document's keys, nesting, types and formats. */
@PorticoIntegrationTest
class GuestApiGoldenTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    Http http;
    GuestWorld world;
    Guest guest;
    Hotspot hotspot;
    Voucher voucher;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.fix(NOW);
        world = new GuestWorld(context, "TECH DEPT");
        hotspot = world.hotspot("TECHHOTSPOT");
        world.hotspot("ALPHA LOBBY");
        guest = world.guest("4a:4a:ea:4a:4a:fa", GuestWorld.profile("myemail@gmail.com", "Ada", "Lovelace", IPHONE));
        GuestPlan plan = world.plan("Day Pass", Duration.ofDays(1));
        voucher = world.plans().createVouchers(new NewVouchers(world.client.id(), plan.id(), 1, "GOLD-2026", 1, null),
                new java.util.Random(1)).getFirst();
        clock.fix(NOW.minus(Duration.ofHours(2)));
        world.plans().redeemVoucher(world.client.id(), "gold-2026", guest.macAddress());
        world.session(hotspot, "4A-4A-EA-4A-4A-FA", "S1", NOW.minus(Duration.ofMinutes(90)), Duration.ofSeconds(314),
                481_731, 1_641_142, TerminateCause.IDLE_TIMEOUT, IPHONE);
        clock.fix(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void guestPlansMatchTheDocument() {
        var r = http.get("/v2/client/guests-guest-plans?" + world.auth());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        GoldenShape.assertMatches("guests-guest-plans.json", r.json());
        var plan = r.json().get(0);
        assertThat(plan.get("token").asString()).isEqualTo(guest.token().toString());
        assertThat(plan.get("macaddress").asString()).isEqualTo("4A-4A-EA-4A-4A-FA");
        assertThat(plan.get("guest_plan_start").asString()).isEqualTo("2026-03-10 10:00:00");
        assertThat(plan.get("guest_plan_expire").asString()).isEqualTo("2026-03-11 10:00:00");
        assertThat(plan.get("guest_plan_state").asString()).isEqualTo("Active");
        assertThat(plan.get("session_profile_name").asString()).isEqualTo("Day Pass profile");
        assertThat(plan.get("payment_gateway").asString()).isEqualTo("Voucher");
        assertThat(plan.get("gateway_transaction_id").asString()).isEqualTo("GOLD-2026");
    }

    @Test
    void hotspotsMatchTheDocumentSortedByName() {
        var r = http.get("/v2/zapier/client/dropdown/hotspots?" + world.auth());
        assertThat(r.status()).isEqualTo(200);
        GoldenShape.assertMatches("hotspots.json", r.json());
        assertThat(r.json().get(0).get("name").asString()).isEqualTo("ALPHA LOBBY");
        assertThat(r.json().get(1).get("id").asLong()).isEqualTo(hotspot.id());
    }

    @Test
    void guestProfileMatchesTheDocument() {
        var r = http.get("/v2/guests/get?" + world.auth() + "&guest_token=" + guest.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        GoldenShape.assertMatches("guest.json", r.json());
        assertThat(r.json().get("client").get("company").asString()).isEqualTo("TECH DEPT");
        assertThat(r.json().get("client").get("id").asLong()).isEqualTo(world.client.id());
        assertThat(r.json().get("profile").get("macaddress").asString()).isEqualTo("4A-4A-EA-4A-4A-FA");
        assertThat(r.json().get("last_connection").get("nasidentifier").asString()).isEqualTo(hotspot.nasIdentifier());
        assertThat(r.json().get("custom1").asString()).isEqualTo("c1");
    }

    @Test
    void guestProfileWithoutConnectionsHasNullLastConnection() {
        Guest quiet = world.guest("00-11-22-33-44-55", GuestProfile.EMPTY);
        var r = http.get("/v2/guests/get?" + world.auth() + "&guest_token=" + quiet.token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("last_connection").isNull()).isTrue();
        assertThat(r.json().get("profile").get("email").isNull()).isTrue();
    }

    @Test
    void unknownGuestTokenIs404() {
        assertThat(http.get("/v2/guests/get?" + world.auth() + "&guest_token=" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
        var malformed = http.get("/v2/guests/get?" + world.auth() + "&guest_token=nope");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("message").asString()).isEqualTo("Unknown guest token.");
    }

    @Test
    void zapierGuestsMatchTheDocumentNewestFirst() {
        Guest newer = world.guest("AB-CD-EF-12-34-56", GuestProfile.EMPTY);
        var r = http.get("/v2/zapier/client/guests?" + world.auth());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        GoldenShape.assertMatches("zapier-guests.json", r.json());
        assertThat(r.json().get(0).get("id").asLong()).isEqualTo(newer.id());
        assertThat(r.json().get(1).get("id").asLong()).isEqualTo(guest.id());
        assertThat(r.json().get(1).get("first_name").asString()).isEqualTo("Ada");
    }

    @Test
    void pingMatchesTheDocument() {
        var r = http.get("/v2/zapier/client/ping", "Authorization", "Bearer " + world.token.token());
        assertThat(r.status()).isEqualTo(200);
        GoldenShape.assertMatches("ping.json", r.json());
        assertThat(r.json().get("message").asString()).isEqualTo("success");
    }

    @Test
    void connectionsMatchTheDocument() {
        var r = http.get("/v2/client/connections?" + world.auth() + "&from=2026-03-10&to=2026-03-11");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        GoldenShape.assertMatches("connections.json", r.json());
        var c = r.json().get(0);
        assertThat(c.get("date").asString()).isEqualTo("2026-03-10T10:30:00.000000+00:00");
        assertThat(c.get("online_time").asString()).isEqualTo("00:05:14");
        assertThat(c.get("uploaded").asLong()).isEqualTo(481_731);
        assertThat(c.get("downloaded").asLong()).isEqualTo(1_641_142);
        assertThat(c.get("device").asString()).isEqualTo("Apple");
        assertThat(c.get("reason_for_termination").asString()).isEqualTo("Idle Timeout");
        assertThat(c.get("macaddress").asString()).isEqualTo("4A-4A-EA-4A-4A-FA");
        assertThat(c.get("identity").asString()).isEqualTo("myemail@gmail.com");
        assertThat(c.get("guesttoken").asString()).isEqualTo(guest.token().toString());
        assertThat(c.get("hotspotname").asString()).isEqualTo("TECHHOTSPOT");
    }

    @Test
    void emptyListsAreEmptyArrays() {
        GuestWorld empty = new GuestWorld(context, "Empty Co");
        for (String path : List.of("/v2/client/guests-guest-plans", "/v2/zapier/client/dropdown/hotspots",
                "/v2/zapier/client/guests", "/v2/client/connections")) {
            var r = http.get(path + "?" + empty.auth());
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.raw()).as(path).isEqualTo("[]");
        }
    }

    static MacAddress mac(String text) {
        return MacAddress.parse(text);
    }
}
