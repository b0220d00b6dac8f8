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
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.JsonAssert;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Every guest API endpoint answers with the document's example: its keys in their order, nesting,
 * types and values. Each test builds the data its example shows (names, MACs, counters, times);
 * only per-test ids and tokens are ignored, by path, and checked against the data instead.
 */
@PorticoIntegrationTest
class GuestApiGoldenTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    /** The device of the document's list examples. */
    static final String DOC_MAC = "AA-BB-CC-DD-EE-FF";
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 11; DN2101 Build/RP1A.200720.011; wv) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.58 Mobile Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    Http http;
    GuestWorld world;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.fix(NOW);
        world = new GuestWorld(context, "TECH DEPT");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode ok(String pathAndQuery) {
        var r = http.get(pathAndQuery);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    @Test
    void guestPlansMatchTheDocument() {
        Guest guest = world.guest(DOC_MAC, GuestProfile.EMPTY);
        SessionProfile profile = world.plans().addSessionProfile(new SessionProfile(0, world.client.id(),
                "The name of the session profile", Duration.ofHours(1), Duration.ofMinutes(10), 10_000L, 2_000L, null, Instant.EPOCH));
        GuestPlan plan = world.plans().addGuestPlan(new GuestPlan(0, world.client.id(), profile.id(),
                "The name of the Guest Plan purchased", Duration.ofDays(1), 500, "USD", Instant.EPOCH));
        world.plans().recordPayment(world.client.id(), guest.id(), plan.id(), "Voucher",
                "The Voucher Code or Payment Reference code", NOW.minus(Duration.ofHours(2)));

        JsonNode body = ok("/v2/client/guests-guest-plans?" + world.auth());
        // The document shows the date format ("yyyy-mm-dd hh:mm:ss") where the values go.
        JsonAssert.matchesGolden("guests-guest-plans.json").keysInOrder()
                .ignoringValuesAt("/0/token", "/0/guest_plan_start", "/0/guest_plan_expire").assertMatches(body);
        assertThat(body.get(0).get("token").asString()).isEqualTo(guest.token().toString());
        assertThat(body.get(0).get("guest_plan_start").asString()).isEqualTo("2026-03-10 10:00:00");
        assertThat(body.get(0).get("guest_plan_expire").asString()).isEqualTo("2026-03-11 10:00:00");
    }

    @Test
    void aVoucherPlanNamesTheVoucherCode() {
        Guest guest = world.guest(DOC_MAC, GuestProfile.EMPTY);
        GuestPlan plan = world.plan("Day Pass", Duration.ofDays(1));
        world.plans().createVouchers(new NewVouchers(world.client.id(), plan.id(), 1, "GOLD-2026", 1, null), new java.util.Random(1));
        world.plans().redeemVoucher(world.client.id(), "gold-2026", guest.macAddress());

        JsonNode plans = ok("/v2/client/guests-guest-plans?" + world.auth()).get(0);
        assertThat(plans.get("payment_gateway").asString()).isEqualTo("Voucher");
        assertThat(plans.get("gateway_transaction_id").asString()).isEqualTo("GOLD-2026");
        assertThat(plans.get("session_profile_name").asString()).isEqualTo("Day Pass profile");
    }

    @Test
    void hotspotsMatchTheDocumentSortedByName() {
        Hotspot second = world.hotspot("ExampleHotspot2");
        Hotspot first = world.hotspot("ExampleHotspot");
        JsonNode body = ok("/v2/zapier/client/dropdown/hotspots?" + world.auth());
        JsonAssert.matchesGolden("hotspots.json").keysInOrder().ignoringValuesAt("/*/id").assertMatches(body);
        assertThat(body.get(0).get("id").asLong()).isEqualTo(first.id());
        assertThat(body.get(1).get("id").asLong()).isEqualTo(second.id());
    }

    @Test
    void guestProfileMatchesTheDocument() {
        Hotspot hotspot = world.hotspot("TECHHOTSPOT");
        Guest guest = world.guest("4a:4a:ea:4a:4a:fa", new GuestProfile("myemail@gmail.com", null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(), null));
        world.session(hotspot, "4A-4A-EA-4A-4A-FA", "S1", NOW.minus(Duration.ofMinutes(90)), Duration.ofSeconds(314),
                481_731, 1_641_142, TerminateCause.IDLE_TIMEOUT, IPHONE);

        JsonNode body = ok("/v2/guests/get?" + world.auth() + "&guest_token=" + guest.token());
        // Hotspot NAS identifiers are unique across tests, so the document's cannot be reused.
        JsonAssert.matchesGolden("guest.json").keysInOrder().ignoringValuesAt("/client/id", "/last_connection/nasidentifier")
                .assertMatches(body);
        assertThat(body.get("client").get("id").asLong()).isEqualTo(world.client.id());
        assertThat(body.get("last_connection").get("nasidentifier").asString()).isEqualTo(hotspot.nasIdentifier());
    }

    @Test
    void guestProfileShowsTheCustomFields() {
        Guest guest = world.guest("4a:4a:ea:4a:4a:fa", GuestWorld.profile("myemail@gmail.com", "Ada", "Lovelace", IPHONE));
        JsonNode body = ok("/v2/guests/get?" + world.auth() + "&guest_token=" + guest.token());
        assertThat(body.get("custom1").asString()).isEqualTo("c1");
        assertThat(body.get("profile").get("firstname").asString()).isEqualTo("Ada");
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
    void zapierGuestsMatchTheDocument() {
        Guest guest = world.guest(DOC_MAC, GuestProfile.EMPTY);
        JsonNode body = ok("/v2/zapier/client/guests?" + world.auth());
        JsonAssert.matchesGolden("zapier-guests.json").keysInOrder().ignoringValuesAt("/0/id").assertMatches(body);
        assertThat(body.get(0).get("id").asLong()).isEqualTo(guest.id());
    }

    @Test
    void zapierGuestsAreNewestFirst() {
        Guest older = world.guest(DOC_MAC, GuestProfile.EMPTY);
        clock.advance(Duration.ofMinutes(1));
        Guest newer = world.guest("AB-CD-EF-12-34-56", GuestProfile.EMPTY);
        JsonNode body = ok("/v2/zapier/client/guests?" + world.auth());
        assertThat(body).extracting(g -> g.get("id").asLong()).containsExactly(newer.id(), older.id());
    }

    @Test
    void pingMatchesTheDocument() {
        var r = http.get("/v2/zapier/client/ping", "Authorization", "Bearer " + world.token.token());
        assertThat(r.status()).isEqualTo(200);
        JsonAssert.matchesGolden("ping.json").assertMatches(r.json());
    }

    @Test
    void connectionsMatchTheDocument() {
        Hotspot hotspot = world.hotspot("Hotspot_1");
        Guest guest = world.guest(DOC_MAC, GuestProfile.EMPTY);
        world.session(hotspot, DOC_MAC, "S1", Instant.parse("2019-12-30T14:14:44.493576Z"), Duration.ofSeconds(314),
                481_731, 1_641_142, TerminateCause.IDLE_TIMEOUT, ANDROID);

        JsonNode body = ok("/v2/client/connections?" + world.auth() + "&from=2019-12-30&to=2019-12-31");
        // The document pairs an Android user agent with device "Apple"; Portico reads the agent.
        JsonAssert.matchesGolden("connections.json").keysInOrder().ignoringValuesAt("/0/guesttoken", "/0/device")
                .assertMatches(body);
        assertThat(body.get(0).get("guesttoken").asString()).isEqualTo(guest.token().toString());
        assertThat(body.get(0).get("device").asString()).isEqualTo("Android");
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
