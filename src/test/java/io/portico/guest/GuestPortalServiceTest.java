package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.SignInMethod;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Captive portal sign-in rules through the real services and database, checked where integrators
 * see them: the guest API's profiles and purchases, the published events, the stored credential.
 */
@PorticoIntegrationTest
@RecordApplicationEvents
class GuestPortalServiceTest {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

    @Autowired ApplicationContext context;
    @Autowired GuestPortalService portal;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @LocalServerPort int port;

    private PortalWorld w;
    private Http http;

    @BeforeEach
    void setUp() {
        w = new PortalWorld(context, "Portal Cafe", GatewayKind.MIKROTIK);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PortalSignIn signIn(String mac, SignInMethod method, GuestProfile profile, Optional<String> voucher,
                                Optional<MarketingConsent> consent, String address) {
        return new PortalSignIn(w.world.client.id(), w.hotspot.id(), MacAddress.parse(mac), method, profile, voucher, consent,
                IPHONE, address);
    }

    private static GuestProfile form(String email, String firstName, String lastName, String custom1) {
        return new GuestProfile(email, firstName, lastName, null, null, null, null, null, null, null, null, null, null,
                java.util.Arrays.asList(custom1), null);
    }

    @Test
    void clickThroughRecordsGuestFreePurchaseUserAgentAndEvents() {
        PortalGrant grant = portal.signIn(signIn("02-00-00-00-01-01", SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY,
                Optional.empty(), Optional.empty(), "198.51.100.7"));

        assertThat(grant.planName()).isEqualTo("Free hour");
        assertThat(grant.radiusUsername()).startsWith("p-");
        assertThat(grant.radiusPassword()).hasSize(20);
        assertThat(grant.toString()).doesNotContain(grant.radiusPassword());
        assertThat(grant.sessionTimeout()).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(grant.downloadKbps()).contains(10_000L);
        assertThat(grant.credentialExpiresAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(5)), within());

        assertThat(events.stream(GuestCreated.class).filter(e -> e.guestId() == grant.guestId())).hasSize(1);
        assertThat(events.stream(GuestPlanPurchased.class).filter(e -> e.purchaseId() == grant.purchaseId()))
                .singleElement().extracting(GuestPlanPurchased::paymentGateway).isEqualTo("Free");

        JsonNode plans = http.get("/v2/client/guests-guest-plans?" + w.world.auth()).json();
        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.get("macaddress").asString()).isEqualTo("02-00-00-00-01-01");
            assertThat(p.get("payment_gateway").asString()).isEqualTo("Free");
            assertThat(p.get("gateway_transaction_id").asString()).startsWith("PORTAL-" + w.hotspot.id() + "-");
            assertThat(p.get("guest_plan_name").asString()).isEqualTo("Free hour");
        });
        Guest guest = w.world.guests().findByMac(w.world.client.id(), MacAddress.parse("02-00-00-00-01-01")).orElseThrow();
        assertThat(guest.profile().userAgent()).isEqualTo(IPHONE);
        assertThat(guest.unsubscribed()).as("no marketing consent, no marketing").isTrue();
        // the credential's password is stored sealed, never in clear
        assertThat(jdbc.sql("select password_sealed from guest_portal_credential where username = ?").param(grant.radiusUsername())
                .query(String.class).single()).startsWith("v1:").doesNotContain(grant.radiusPassword());
    }

    @Test
    void formKeepsOnlyAskedFieldsRecordsConsentAndShowsInGuestApi() {
        Instant consentAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        GuestProfile entered = new GuestProfile("ann@example.com", "Ann", "NotAsked", null, null, "+1 617 555 0100", null, null,
                null, null, null, null, null, List.of("loyal", "not asked"), null);
        PortalGrant grant = portal.signIn(signIn("02-00-00-00-02-01", SignInMethod.FORM, entered, Optional.empty(),
                Optional.of(new MarketingConsent(consentAt, "marketing-v3")), "198.51.100.7"));

        Guest guest = w.world.guests().findByMac(w.world.client.id(), MacAddress.parse("02-00-00-00-02-01")).orElseThrow();
        assertThat(guest.profile().email()).isEqualTo("ann@example.com");
        assertThat(guest.profile().firstName()).isEqualTo("Ann");
        assertThat(guest.profile().lastName()).as("not a field of this form").isNull();
        assertThat(guest.profile().mobilePhone()).isNull();
        assertThat(guest.profile().custom()).containsExactly("loyal", null, null, null, null, null, null, null, null, null);
        assertThat(guest.unsubscribed()).isFalse();
        assertThat(portal.consent(guest.id())).contains(new MarketingConsent(consentAt, "marketing-v3"));

        JsonNode profile = http.get("/v2/guests/get?" + w.world.auth() + "&guest_token=" + guest.token()).json();
        assertThat(profile.get("profile").get("email").asString()).isEqualTo("ann@example.com");
        assertThat(profile.get("custom1").asString()).isEqualTo("loyal");
        assertThat(profile.get("unsubscribed").asBoolean()).isFalse();
        JsonNode zapier = http.get("/v2/zapier/client/guests?" + w.world.auth()).json();
        assertThat(zapier).anySatisfy(g -> assertThat(g.get("email").asString()).isEqualTo("ann@example.com"));

        portal.unsubscribe(grant.unsubscribeToken());
        assertThat(http.get("/v2/guests/get?" + w.world.auth() + "&guest_token=" + guest.token()).json()
                .get("unsubscribed").asBoolean()).isTrue();
        assertThatThrownBy(() -> portal.unsubscribe("no-such-token")).isInstanceOf(PorticoException.class)
                .hasMessage("This unsubscribe link is not valid.");
    }

    @Test
    void formNeedsItsRequiredFieldsAndAReturningGuestKeepsWhatItLeavesEmpty() {
        assertThatThrownBy(() -> portal.signIn(signIn("02-00-00-00-03-01", SignInMethod.FORM, form(null, "Bo", null, null),
                Optional.empty(), Optional.empty(), "")))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.field()).contains("email"));
        assertThat(w.world.guests().findByMac(w.world.client.id(), MacAddress.parse("02-00-00-00-03-01")))
                .as("nothing recorded for a refused sign-in").isEmpty();

        PortalGrant first = portal.signIn(signIn("02-00-00-00-03-01", SignInMethod.FORM, form("bo@example.com", "Bo", null, "x"),
                Optional.empty(), Optional.empty(), ""));
        PortalGrant again = portal.signIn(signIn("02-00-00-00-03-01", SignInMethod.FORM, form("bo@example.com", null, null, null),
                Optional.empty(), Optional.empty(), ""));
        assertThat(again.guestId()).isEqualTo(first.guestId());
        assertThat(again.purchaseId()).as("the plan the device still has is reused").isEqualTo(first.purchaseId());
        assertThat(again.radiusUsername()).isNotEqualTo(first.radiusUsername());
        Guest guest = w.world.guests().findByMac(w.world.client.id(), MacAddress.parse("02-00-00-00-03-01")).orElseThrow();
        assertThat(guest.profile().firstName()).isEqualTo("Bo");
        assertThat(guest.profile().custom(1)).isEqualTo("x");
    }

    @Test
    void voucherIsRedeemedOnceThenRefusedWithAGuestFacingMessage() {
        String code = w.voucher();
        PortalGrant grant = portal.signIn(signIn("02-00-00-00-04-01", SignInMethod.VOUCHER, GuestProfile.EMPTY,
                Optional.of(code.toLowerCase()), Optional.empty(), "198.51.100.8"));
        assertThat(grant.planName()).isEqualTo("Day pass");
        assertThat(events.stream(GuestPlanPurchased.class).filter(e -> e.purchaseId() == grant.purchaseId()))
                .singleElement().extracting(GuestPlanPurchased::paymentGateway).isEqualTo("Voucher");
        JsonNode plans = http.get("/v2/client/guests-guest-plans?" + w.world.auth()).json();
        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.get("payment_gateway").asString()).isEqualTo("Voucher");
            assertThat(p.get("gateway_transaction_id").asString()).isEqualTo(code);
        });

        assertThatThrownBy(() -> portal.signIn(signIn("02-00-00-00-04-02", SignInMethod.VOUCHER, GuestProfile.EMPTY,
                Optional.of(code), Optional.empty(), "198.51.100.8")))
                .isInstanceOfSatisfying(PorticoException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("This voucher has already been used or has expired.");
                });
        assertThatThrownBy(() -> portal.signIn(signIn("02-00-00-00-04-02", SignInMethod.VOUCHER, GuestProfile.EMPTY,
                Optional.of("NOSUCHCODE"), Optional.empty(), "198.51.100.8")))
                .hasMessage("This voucher code is not valid.");
        assertThat(w.world.guests().findByMac(w.world.client.id(), MacAddress.parse("02-00-00-00-04-02"))).isEmpty();
    }

    @Test
    void voucherAttemptsAreLimitedPerDeviceAndPerAddress() {
        clock.fix(clock.instant());
        for (int i = 0; i < 5; i++) {
            assertThat(problem(signIn("02-00-00-00-05-01", SignInMethod.VOUCHER, GuestProfile.EMPTY, Optional.of("WRONG" + i),
                    Optional.empty(), "203.0.113.1"))).isEqualTo(Problem.INVALID_INPUT);
        }
        assertThatThrownBy(() -> portal.signIn(signIn("02-00-00-00-05-01", SignInMethod.VOUCHER, GuestProfile.EMPTY,
                Optional.of(w.voucher()), Optional.empty(), "203.0.113.2")))
                .isInstanceOfSatisfying(PorticoException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS);
                    assertThat(e.getMessage()).startsWith("Too many voucher attempts. Please try again in");
                    assertThat(e.retryAfter()).isPresent();
                });
        clock.advance(Duration.ofMinutes(10));
        assertThat(portal.signIn(signIn("02-00-00-00-05-01", SignInMethod.VOUCHER, GuestProfile.EMPTY, Optional.of(w.voucher()),
                Optional.empty(), "203.0.113.2")).planName()).as("the window refilled").isEqualTo("Day pass");

        // one address, many devices: 30 attempts, then the address waits too
        for (int i = 0; i < 30; i++) {
            problem(signIn(String.format("02-00-00-01-%02X-01", i), SignInMethod.VOUCHER, GuestProfile.EMPTY,
                    Optional.of("WRONG"), Optional.empty(), "203.0.113.9"));
        }
        assertThat(problem(signIn("02-00-00-02-00-01", SignInMethod.VOUCHER, GuestProfile.EMPTY, Optional.of("WRONG"),
                Optional.empty(), "203.0.113.9"))).isEqualTo(Problem.TOO_MANY_REQUESTS);
    }

    @Test
    void refusesAMethodTheHotspotDoesNotOfferOrAnotherClientsHotspot() {
        PortalWorld other = new PortalWorld(context, "Other Cafe", GatewayKind.COOVACHILLI);
        assertThat(problem(new PortalSignIn(w.world.client.id(), other.hotspot.id(), MacAddress.parse("02-00-00-00-06-01"),
                SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY, Optional.empty(), Optional.empty(), IPHONE, "")))
                .isEqualTo(Problem.NOT_FOUND);
        assertThat(problem(signIn("02-00-00-00-06-01", SignInMethod.VOUCHER, GuestProfile.EMPTY, Optional.empty(),
                Optional.empty(), ""))).isEqualTo(Problem.INVALID_INPUT);
    }

    @Test
    void returningDeviceWithActivePlanGetsAFreshCredentialAndStatusShowsTimeLeft() {
        MacAddress mac = MacAddress.parse("02-00-00-00-07-01");
        assertThat(portal.returningDevice(w.world.client.id(), mac)).isEmpty();
        assertThat(portal.status(w.world.client.id(), w.hotspot.id(), mac)).isEmpty();
        PortalGrant first = portal.signIn(signIn(mac.value(), SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY, Optional.empty(),
                Optional.empty(), ""));

        clock.advance(Duration.ofMinutes(20));
        PortalGrant back = portal.returningDevice(w.world.client.id(), mac).orElseThrow();
        assertThat(back.purchaseId()).isEqualTo(first.purchaseId());
        assertThat(back.radiusUsername()).isNotEqualTo(first.radiusUsername());
        PortalStatus status = portal.status(w.world.client.id(), w.hotspot.id(), mac).orElseThrow();
        assertThat(status.planName()).isEqualTo("Free hour");
        assertThat(status.timeLeft()).isBetween(Duration.ofMinutes(39), Duration.ofMinutes(40));
        assertThat(status.canExtend()).as("the hotspot takes vouchers").isTrue();
        assertThat(status.unsubscribeToken()).isEqualTo(first.unsubscribeToken());

        clock.advance(Duration.ofMinutes(41));
        assertThat(portal.returningDevice(w.world.client.id(), mac)).isEmpty();
        assertThat(portal.returningDevice(w.world.client.id() + 1_000_000, mac)).as("another client's device").isEmpty();
    }

    @Test
    void oneTimeCredentialWorksOnceForItsDeviceUntilItExpires() {
        MacAddress mac = MacAddress.parse("02-00-00-00-08-01");
        long client = w.world.client.id();
        PortalGrant grant = portal.signIn(signIn(mac.value(), SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY, Optional.empty(),
                Optional.empty(), ""));
        String user = grant.radiusUsername();
        assertThat(portal.useCredential(client, user, mac, "wrong"::equals)).isEqualTo(PortalCredentialCheck.WRONG_PASSWORD);
        assertThat(portal.useCredential(client, user, MacAddress.parse("02-00-00-00-08-02"), grant.radiusPassword()::equals))
                .isEqualTo(PortalCredentialCheck.OTHER_DEVICE);
        assertThat(portal.useCredential(client + 1_000_000, user, mac, grant.radiusPassword()::equals))
                .isEqualTo(PortalCredentialCheck.UNKNOWN);
        assertThat(portal.useCredential(client, user, mac, grant.radiusPassword()::equals)).isEqualTo(PortalCredentialCheck.ACCEPTED);
        assertThat(portal.useCredential(client, user, mac, grant.radiusPassword()::equals)).isEqualTo(PortalCredentialCheck.USED);

        PortalGrant later = portal.returningDevice(client, mac).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        assertThat(portal.useCredential(client, later.radiusUsername(), mac, later.radiusPassword()::equals))
                .isEqualTo(PortalCredentialCheck.EXPIRED);
    }

    @Test
    void signInWritesGuestCreatedAndGuestPlanPurchasedWebhooks() {
        context.getBean(io.portico.webhook.WebhookService.class).configure(w.world.operator.id(), "https://hooks.example/portico", null);
        PortalGrant grant = portal.signIn(signIn("02-00-00-00-0a-01", SignInMethod.FORM, form("hook@example.com", "Hook", null, null),
                Optional.empty(), Optional.empty(), ""));
        List<String> rows = jdbc.sql("select event_type || ' ' || payload_json from webhook_delivery where operator_id = ? order by id")
                .param(w.world.operator.id()).query(String.class).list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("GuestCreated ").contains("hook@example.com");
        assertThat(rows.get(1)).startsWith("GuestPlanPurchased ").contains("Free");
        assertThat(grant.guestId()).isPositive();
    }

    @Test
    void concurrentFirstSignInsOfOneDeviceMakeOneGuest() throws Exception {
        int parallel = 4;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
            List<java.util.concurrent.Future<PortalGrant>> grants = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                grants.add(pool.submit(() -> {
                    start.await();
                    return portal.signIn(signIn("02-00-00-00-0b-01", SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY,
                            Optional.empty(), Optional.empty(), ""));
                }));
            }
            start.countDown();
            java.util.Set<Long> guestIds = new java.util.HashSet<>();
            for (var grant : grants) {
                guestIds.add(grant.get(30, java.util.concurrent.TimeUnit.SECONDS).guestId());
            }
            assertThat(guestIds).hasSize(1);
        }
    }

    @Test
    void erasingASignedInGuestTakesItsConsentAndCredentialsWithIt() {
        Instant consentAt = clock.instant();
        PortalGrant grant = portal.signIn(signIn("02-00-00-00-09-01", SignInMethod.FORM, form("erase@example.com", null, null, null),
                Optional.empty(), Optional.of(new MarketingConsent(consentAt, "v1")), ""));
        w.world.guests().erase(w.admin, w.world.client.id(), grant.guestId());
        assertThat(jdbc.sql("select count(*) from guest_portal_credential where guest_id = ?").param(grant.guestId())
                .query(Long.class).single()).isZero();
        assertThat(portal.consent(grant.guestId())).isEmpty();
        assertThatThrownBy(() -> portal.unsubscribe(grant.unsubscribeToken())).isInstanceOf(PorticoException.class);
    }

    private Problem problem(PortalSignIn request) {
        try {
            portal.signIn(request);
            return null;
        } catch (PorticoException e) {
            return e.problem();
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(2, ChronoUnit.SECONDS);
    }
}
