package io.portico.guestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** The documented parameter rules, at their edges, with 400s in the guest API's error format. */
@PorticoIntegrationTest
class GuestApiParameterRulesTest {

    static final Instant NOW = Instant.parse("2026-04-20T12:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    Http http;
    GuestWorld world;
    Hotspot hotspot;
    Guest guest;
    GuestPlan plan;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.fix(NOW);
        world = new GuestWorld(context, "Rules Inc");
        hotspot = world.hotspot("Rules Lobby");
        guest = world.guest("02-00-00-00-00-01", GuestProfile.EMPTY);
        plan = world.plan("Hour", Duration.ofHours(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http.Response get(String path, String query) {
        return http.get(path + "?" + world.auth() + (query.isEmpty() ? "" : "&" + query));
    }

    private static void assertBadParameter(Http.Response r, String parameter, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains(messagePart);
        assertThat(r.json().get("errors").get(parameter).get(0).asString()).contains(messagePart);
    }

    private void purchaseStartedAgo(Duration ago) {
        world.plans().recordPayment(world.client.id(), guest.id(), plan.id(), "Card", "ch_" + ago.toSeconds(), NOW.minus(ago));
    }

    private int plans(String query) {
        var r = get("/v2/client/guests-guest-plans", query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().size();
    }

    @Test
    void stateAcceptsActiveOrExpiredOnly() {
        assertBadParameter(get("/v2/client/guests-guest-plans", "state=pending"), "state", "active or expired");
        assertThat(plans("state=active")).isZero();
        assertThat(plans("state=EXPIRED")).isZero();
    }

    @Test
    void activeAndExpiredAreJudgedAtRequestTime() {
        purchaseStartedAgo(Duration.ofMinutes(30));
        purchaseStartedAgo(Duration.ofHours(3));
        assertThat(plans("")).isEqualTo(1);
        var expired = get("/v2/client/guests-guest-plans", "state=expired");
        assertThat(expired.json()).hasSize(1);
        assertThat(expired.json().get(0).get("guest_plan_state").asString()).isEqualTo("Expired");
        clock.fix(NOW.plus(Duration.ofMinutes(31)));
        assertThat(plans("state=expired&started_since_relative=4h")).isEqualTo(2);
    }

    @Test
    void startedSinceDefaultsToTwelveHours() {
        purchaseStartedAgo(Duration.ofHours(12).minusSeconds(1));
        purchaseStartedAgo(Duration.ofHours(12).plusSeconds(1));
        assertThat(plans("state=expired")).isEqualTo(1);
    }

    @Test
    void startedSinceTimestampMayBeSevenDaysAgoButNotOneSecondMore() {
        purchaseStartedAgo(Duration.ofDays(7));
        assertThat(plans("state=expired&started_since_timestamp=2026-04-13%2012:00:00")).isEqualTo(1);
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_timestamp=2026-04-13%2011:59:59"),
                "started_since_timestamp", "7 days");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_timestamp=2026-04-13T12:00:00"),
                "started_since_timestamp", "yyyy-mm-dd hh:mm:ss");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_timestamp=2026-02-30%2012:00:00"),
                "started_since_timestamp", "yyyy-mm-dd hh:mm:ss");
    }

    @Test
    void startedSinceRelativeIsAtMostSevenDays() {
        purchaseStartedAgo(Duration.ofDays(7));
        assertThat(plans("state=expired&started_since_relative=7d")).isEqualTo(1);
        assertThat(plans("state=expired&started_since_relative=168h")).isEqualTo(1);
        assertThat(plans("state=expired&started_since_relative=10080m")).isEqualTo(1);
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_relative=8d"), "started_since_relative", "7 days");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_relative=169h"), "started_since_relative", "7 days");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_relative=10081m"), "started_since_relative", "7 days");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_relative=4x"), "started_since_relative", "10m, 4h, 2d");
        assertBadParameter(get("/v2/client/guests-guest-plans", "started_since_relative=-4h"), "started_since_relative", "10m, 4h, 2d");
    }

    @Test
    void startedSinceTimestampAndRelativeTogetherAre400() {
        assertBadParameter(get("/v2/client/guests-guest-plans",
                "started_since_relative=4h&started_since_timestamp=2026-04-20%2000:00:00"), "started_since_timestamp", "not both");
    }

    @Test
    void unsubscribedFiltersGuestsAndAcceptsOnlyTrueOrFalse() {
        Guest other = world.guest("02-00-00-00-00-02", GuestProfile.EMPTY);
        var staff = new io.portico.platform.Actor(world.operator.id(), 1, "staff@example.com", "Staff",
                java.util.Set.of(io.portico.platform.Role.ACCOUNT_MANAGERS), io.portico.platform.RequestOrigin.SYSTEM);
        world.guests().setUnsubscribed(staff, world.client.id(), other.id(), true);
        var unsubscribed = get("/v2/zapier/client/guests", "unsubscribed=true");
        assertThat(unsubscribed.json()).hasSize(1);
        assertThat(unsubscribed.json().get(0).get("id").asLong()).isEqualTo(other.id());
        assertThat(get("/v2/zapier/client/guests", "unsubscribed=false").json().get(0).get("id").asLong()).isEqualTo(guest.id());
        assertThat(get("/v2/zapier/client/guests", "").json()).hasSize(2);
        assertBadParameter(get("/v2/zapier/client/guests", "unsubscribed=maybe"), "unsubscribed", "true or false");
    }

    private void sessionAt(Instant start) {
        world.session(hotspot, "02-00-00-00-00-01", "S" + start.getEpochSecond(), start, Duration.ofMinutes(1), 10, 20,
                TerminateCause.USER_REQUEST, "curl/8.0");
    }

    private int connections(String query) {
        var r = get("/v2/client/connections", query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json().size();
    }

    @Test
    void connectionsRangeMayBeThirtyDaysButNotOneSecondMore() {
        sessionAt(Instant.parse("2026-03-21T00:00:00Z"));
        assertThat(connections("from=2026-03-21&to=2026-04-20")).isEqualTo(1);
        assertThat(connections("from=2026-03-21T00:00:00&to=2026-04-20T00:00:00")).isEqualTo(1);
        assertBadParameter(get("/v2/client/connections", "from=2026-03-21T00:00:00&to=2026-04-20T00:00:01"), "to", "30 days");
        assertBadParameter(get("/v2/client/connections", "from=2026-03-20&to=2026-04-20"), "to", "30 days");
    }

    @Test
    void connectionsFromIsInclusiveAndToExclusiveInUtc() {
        sessionAt(Instant.parse("2026-04-19T10:30:00Z"));
        assertThat(connections("from=2026-04-19T10:30:00&to=2026-04-19T10:30:01")).isEqualTo(1);
        assertThat(connections("from=2026-04-19T10:30:01&to=2026-04-20")).isZero();
        assertThat(connections("from=2026-04-19&to=2026-04-19T10:30:00")).isZero();
        var r = get("/v2/client/connections", "from=2026-04-19&to=2026-04-20");
        assertThat(r.json().get(0).get("date").asString()).isEqualTo("2026-04-19T10:30:00.000000+00:00");
    }

    @Test
    void connectionsDefaultToThePastDay() {
        sessionAt(NOW.minus(Duration.ofHours(23)));
        sessionAt(NOW.minus(Duration.ofHours(25)));
        assertThat(connections("")).isEqualTo(1);
    }

    @Test
    void malformedConnectionDatesAre400() {
        assertBadParameter(get("/v2/client/connections", "from=2026-13-01"), "from", "yyyy-mm-dd");
        assertBadParameter(get("/v2/client/connections", "from=yesterday"), "from", "yyyy-mm-dd");
        assertBadParameter(get("/v2/client/connections", "to=2026-04-19%2010:00:00"), "to", "yyyy-mm-dd");
        assertBadParameter(get("/v2/client/connections", "from=2026-04-19&to=2026-04-19"), "to", "after from");
    }

    @Test
    void hotspotIdLimitsToThePastTwelveHoursWhateverFromAndToSay() {
        sessionAt(NOW.minus(Duration.ofHours(12)));
        sessionAt(NOW.minus(Duration.ofHours(12)).minusSeconds(1));
        sessionAt(NOW.minus(Duration.ofHours(2)));
        Hotspot other = world.hotspot("Rules Patio");
        world.session(other, "02-00-00-00-00-09", "P1", NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(1), 1, 1,
                TerminateCause.LOST_SERVICE, "curl/8.0");
        assertThat(connections("hotspotid=" + hotspot.id() + "&from=2026-04-01&to=2026-04-20")).isEqualTo(2);
        assertThat(connections("hotspotid=" + hotspot.id() + "," + other.id())).isEqualTo(3);
        assertThat(connections("hotspotid=" + other.id())).isEqualTo(1);
        assertBadParameter(get("/v2/client/connections", "hotspotid=abc"), "hotspotid", "hotspot id");
        assertBadParameter(get("/v2/client/connections", "hotspotid=1,,2"), "hotspotid", "hotspot id");
    }
}
