package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.operator.OperatorSettingsService;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.SelfSignup;
import io.portico.subscription.SelfSignupRequest;
import io.portico.subscription.SubscriptionProperties;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.FormClient;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.TestClock;
import io.portico.unit.Unit;

/**
 * Self sign-up at a venue through the real pages and routes: staff hand out the venue's link,
 * a resident signs up for a plan with AllowSelfSignup and is signed in; the subscription is made
 * as staff make one (KeyStart/SubscriptionStarted webhooks, welcome email), the acceptance of the
 * terms is recorded, and every refusal is explained without storing anything.
 */
@PorticoIntegrationTest
class SelfSignupTest {

    static final String LINK = "/preview/networkoperatorconsole/venues/getSelfSignupLink";

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired SelfSignup signup;
    @Autowired TestClock clock;
    @Autowired SubscriptionProperties properties;
    @LocalServerPort int port;

    ResidentWorld world;
    ConsoleSession admin;
    FormClient browser;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        admin = ConsoleSession.login(new Http(port), fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
        context.getBean(OperatorSettingsService.class).configureTandC(actor(), "en-us",
                "<p>Be kind to your <strong>neighbours</strong>.</p>");
        browser = new FormClient(new Http(port));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private io.portico.platform.Actor actor() {
        return new io.portico.platform.Actor(world.operator.id(), 1, "staff@example.com", "Staff",
                java.util.Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    private String signupPath(String code) {
        Http.Response r = admin.post(LINK, "VenueID", world.venue.key(), "SignupCode", code);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        String url = r.json().get("SignupURL").asString();
        return url.substring(url.indexOf("/subscriber/signup/"));
    }

    private Http.Response submit(String path, String unit, String plan, String email, String password, boolean terms, String... more) {
        browser.get(path);
        String[] fields = {"unit", unit, "plan", plan, "givenName", "Lena", "familyName", "Rivera", "email", email,
                "password", password, "terms", terms ? "accepted" : ""};
        String[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return browser.post(path, all);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aResidentSignsUpForAFreePlanAsStaffWouldAndIsSignedIn() {
        String path = signupPath("");
        Unit unit = world.unit("204");
        String email = "lena-" + Fixtures.unique().toLowerCase() + "@example.com";

        Http.Response page = browser.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Sign up for WiFi at Harbor Lofts", "Resident", "Free", "Be kind to your <strong>neighbours</strong>.")
                .doesNotContain("signupCode");

        Http.Response done = submit(path, " 204 ", world.plan.key(), email.toUpperCase(), "a long resident password", true);
        assertThat(done.status()).as(done.raw()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/subscriber/wifi");
        assertThat(browser.get("/subscriber/wifi").raw()).contains(email);

        assertThat(count("select count(*) from subscription s join subscriber r on r.id = s.subscriber_id "
                + "where s.unit_id = ? and s.plan_id = ? and r.email = ? and s.ends_at is null", unit.id(), world.plan.id(), email)).isEqualTo(1L);
        assertThat(count("select count(*) from subscription_enrolment e join subscriber r on r.id = e.subscriber_id "
                + "where r.email = ? and e.kind = 'FREE'", email)).isEqualTo(1L);
        assertThat(jdbc.sql("select payload_json from webhook_delivery where operator_id = ? and event_type = 'LoginPasswordCreated'")
                .param(world.operator.id()).query(String.class).list())
                .anySatisfy(p -> assertThat(p).contains(email, "Subscriber accepted TandC.").doesNotContain("a long resident password"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select event_type from webhook_delivery where operator_id = ? and payload_json like ?")
                .params(world.operator.id(), "%" + email + "%").query(String.class).list()).contains("KeyStart", "SubscriptionStarted"));
        assertThat(count("select count(*) from email_outbox where recipient = ? and kind = 'WelcomeEmail'", email)).isEqualTo(1L);

        Http.Response login = new Http(port).postJson("/preview/subscriberconsole/login",
                Map.of("EmailAddress", email, "Password", "a long resident password"));
        assertThat(login.json().get("AuthenticationResult").get("Principal").asString()).isEqualTo("Subscriber");
    }

    @Test
    void refusalsAreExplainedInTheResidentsLanguageAndStoreNothing() {
        String path = signupPath("HARBOR-42");
        Unit unit = world.unit("305");
        ServicePlan paid = world.plan("Premium", true, Map.of("USD", 4500L));
        ServicePlan staffOnly = world.plan("Staff only", false, Map.of("USD", 0L));
        String email = "nora-" + Fixtures.unique().toLowerCase() + "@example.com";
        String password = "a long resident password";

        assertThat(browser.get(path).raw()).contains("Sign-up code", "Premium", "Card payment is not available yet")
                .doesNotContain("Staff only");
        Http.Response noCode = submit(path, "305", world.plan.key(), email, password, true);
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.raw()).contains("The sign-up code is not right.").contains("value=\"" + email + "\"")
                .doesNotContain(password);
        assertThat(submit(path, "999", world.plan.key(), email, password, true, "signupCode", "harbor-42").raw())
                .contains("There is no unit with this number here.");
        assertThat(submit(path, "305", paid.key(), email, password, true, "signupCode", "HARBOR-42").raw())
                .contains("Card payment is not available yet; ask the property");
        assertThat(submit(path, "305", staffOnly.key(), email, password, true, "signupCode", "HARBOR-42").raw())
                .contains("Choose one of the plans shown.");
        assertThat(submit(path, "305", world.plan.key(), email, password, false, "signupCode", "HARBOR-42").raw())
                .contains("Accept the terms and conditions to sign up.");
        assertThat(submit(path, "305", world.plan.key(), email, "short", true, "signupCode", "HARBOR-42").raw())
                .contains("The password must be 12 to 128 characters long.");
        browser.get(path + "?lang=es-xl");
        Http.Response spanish = submit(path, "305", paid.key(), email, password, true, "signupCode", "HARBOR-42");
        assertThat(spanish.raw()).contains("El pago con tarjeta aún no está disponible");

        assertThat(count("select count(*) from subscription where unit_id = ?", unit.id())).isZero();
        assertThat(count("select count(*) from subscriber where email = ?", email)).isZero();
        assertThat(browser.cookies()).doesNotContainKey("portico_subscriber");
    }

    @Test
    void freeAndTrialEnrolmentsAreLimitedAndAnExistingAccountNeedsItsPassword() {
        PlanService plans = context.getBean(PlanService.class);
        ServicePlan oneFree = plans.add(world.operator.id(), new PlanChanges("One free", 50_000L, 10_000L, 5, true, true, "", "",
                null, "", "", 0, 730.5, java.util.List.of("USD"), Map.of("USD", 0L), 0, 1, 3600));
        ServicePlan trial = plans.add(world.operator.id(), new PlanChanges("Trial", 50_000L, 10_000L, 5, true, true, "", "",
                null, "", "", 1, 730.5, java.util.List.of("USD"), Map.of("USD", 3000L), 1, 0, 3600));
        String path = signupPath("");
        String email = "omar-" + Fixtures.unique().toLowerCase() + "@example.com";
        String password = "omar's long password";

        assertThat(submit(path, world.unit("401").name(), oneFree.key(), email, password, true).status()).isEqualTo(302);
        browser = new FormClient(new Http(port));
        world.unit("402");
        Http.Response second = submit(path, "402", oneFree.key(), email, password, true);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.raw()).contains("You have used all the free sign-ups allowed for this plan.");
        Http.Response wrongPassword = submit(path, "402", trial.key(), email, "somebody else's password", true);
        assertThat(wrongPassword.raw()).contains("You already have an account here.");

        Instant before = clock.instant();
        Http.Response trialSignup = submit(path, "402", trial.key(), email, password, true);
        assertThat(trialSignup.status()).as(trialSignup.raw()).isEqualTo(302);
        OffsetDateTime ends = jdbc.sql("select s.ends_at from subscription s join unit u on u.id = s.unit_id "
                + "where u.venue_id = ? and u.unit_name = '402'").param(world.venue.id()).query(OffsetDateTime.class).single();
        assertThat(Duration.between(before, ends.toInstant()).toHours()).isBetween(730L, 731L);
        browser = new FormClient(new Http(port));
        world.unit("403");
        assertThat(submit(path, "403", trial.key(), email, password, true).raw())
                .contains("You have used the free trial allowed for this plan.");
        assertThat(count("select count(*) from subscription_enrolment e join subscriber r on r.id = e.subscriber_id where r.email = ?",
                email)).isEqualTo(2L);
    }

    @Test
    void staffReplaceTheLinkAndOnlyTheirOperatorsVenueHasOne() {
        String old = signupPath("");
        Http.Response replaced = admin.post(LINK, "VenueID", world.venue.key(), "Regenerate", true);
        String fresh = replaced.json().get("SignupURL").asString();
        assertThat(fresh).doesNotEndWith(old);
        assertThat(browser.get(old).status()).isEqualTo(404);
        assertThat(browser.get(old).raw()).contains("This page does not exist, or the link is no longer valid.");
        assertThat(browser.get(fresh.substring(fresh.indexOf("/subscriber/"))).status()).isEqualTo(200);
        assertThat(admin.post("/preview/networkoperatorconsole/equipment/listOperatorLog").json().get("log"))
                .anySatisfy(e -> assertThat(e.get("function_name").asString()).isEqualTo("/venues/selfSignupLink"));

        ResidentWorld other = new ResidentWorld(context);
        assertThat(admin.post(LINK, "VenueID", other.venue.key()).status()).isEqualTo(404);
        Http.Response start = browser.get("/subscriber/signup?link=" + fresh);
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).endsWith(fresh.substring(fresh.indexOf("/subscriber/")));
    }

    @Test
    void signUpsAreLimitedPerClientAddress() {
        RequestOrigin origin = new RequestOrigin("203.0.113." + (1 + Math.abs(Fixtures.unique().hashCode()) % 250), "en-us", "test");
        SelfSignupRequest unknownVenue = new SelfSignupRequest("no-such-link", "1", null, null, null, null, null, null, "en-us", null, true);
        for (int i = 0; i < properties.signupsPerAddressPerHour(); i++) {
            assertThatThrownBy(() -> signup.signUp(unknownVenue, origin))
                    .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
        assertThatThrownBy(() -> signup.signUp(unknownVenue, origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
    }
}
