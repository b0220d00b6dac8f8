package io.portico.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.guest.GuestPlan;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The console's captive portal routes: set and read per hotspot, secrets sealed and masked, roles, errors, audit. */
@PorticoIntegrationTest
class HotspotPortalRoutesTest {

    static final String BASE = "/preview/networkoperatorconsole/hotspots";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired AuditService audit;
    @Autowired HotspotService hotspots;

    GuestWorld world;
    Hotspot hotspot;
    GuestPlan free;
    ConsoleSession manager;
    ConsoleSession support;

    @BeforeEach
    void setUp() {
        Http http = new Http(port);
        world = new GuestWorld(context, "Portal Console Cafe");
        hotspot = world.hotspot("Terrace");
        free = world.plan("Free 30", java.time.Duration.ofMinutes(30));
        manager = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS), Fixtures.PASSWORD);
        support = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);
    }

    private Object[] chilli(Object... more) {
        Object[] base = {"HotspotID", hotspot.id(), "GatewayKind", "COOVACHILLI", "SignInMethods", List.of("CLICK_THROUGH", "VOUCHER"),
                "FreeGuestPlanIDs", Map.of("CLICK_THROUGH", free.id()), "RequiredFields", List.of(), "OptionalFields", List.of("email")};
        return with(base, more);
    }

    @Test
    void setsAndReadsThePortalWithTheUamSecretSealedAndMasked() {
        JsonNode set = ok(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "chilli-uam-secret-2026")));
        assertThat(set.get("GatewayKind").asString()).isEqualTo("COOVACHILLI");
        assertThat(set.get("UAMSecret").asString()).endsWith("2026").doesNotContain("chilli");

        JsonNode read = ok(support.post(BASE + "/getPortal", "HotspotID", hotspot.id()));
        assertThat(read.get("SignInMethods").toString()).isEqualTo("[\"CLICK_THROUGH\",\"VOUCHER\"]");
        assertThat(read.get("FreeGuestPlanIDs").get("CLICK_THROUGH").asLong()).isEqualTo(free.id());
        assertThat(read.get("OptionalFields").toString()).isEqualTo("[\"email\"]");
        assertThat(hotspots.uamSecret(hotspot.id())).contains("chilli-uam-secret-2026");
        assertThat(hotspots.findPortal(hotspot.nasIdentifier()).orElseThrow().hotspot().id()).isEqualTo(hotspot.id());

        // leaving the secret out keeps it
        ok(manager.post(BASE + "/configurePortal", chilli("SignInMethods", List.of("CLICK_THROUGH"))));
        assertThat(hotspots.uamSecret(hotspot.id())).contains("chilli-uam-secret-2026");
        assertThat(hotspots.findPortal(hotspot.nasIdentifier()).orElseThrow().settings().methods())
                .as("the remembered portal is forgotten on change").containsExactly(io.portico.hotspot.SignInMethod.CLICK_THROUGH);
        assertThat(loggedFunctions()).contains("/hotspots/configurePortal");
    }

    @Test
    void unifiPortalNeedsItsSiteAndControllerAndIsFoundBySite() {
        String site = "site" + Fixtures.unique().toLowerCase();
        error(manager.post(BASE + "/configurePortal", "HotspotID", hotspot.id(), "GatewayKind", "UNIFI", "SignInMethods",
                List.of("VOUCHER")), 400, "UniFiSite");
        error(manager.post(BASE + "/configurePortal", "HotspotID", hotspot.id(), "GatewayKind", "UNIFI", "SignInMethods",
                List.of("VOUCHER"), "UniFiSite", site), 400, "UniFiControllerURL");
        JsonNode set = ok(manager.post(BASE + "/configurePortal", "HotspotID", hotspot.id(), "GatewayKind", "UNIFI",
                "SignInMethods", List.of("VOUCHER"), "UniFiSite", site, "UniFiControllerURL", "https://unifi.example.net:8443",
                "UniFiControllerUser", "portico", "UniFiControllerPassword", "controller-pass-9999"));
        assertThat(set.get("UniFiControllerPassword").asString()).endsWith("9999").doesNotContain("controller");
        assertThat(hotspots.findPortalByUnifiSite(site).orElseThrow().hotspot().id()).isEqualTo(hotspot.id());
        assertThat(hotspots.unifiController(hotspot.id()).orElseThrow().password()).contains("controller-pass-9999");
    }

    @Test
    void refusesBadSettingsNamingTheWireField() {
        error(manager.post(BASE + "/configurePortal", chilli()), 400, "UAMSecret");
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "SignInMethods", List.of())), 400, "SignInMethods");
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "FreeGuestPlanIDs", Map.of())), 400, "FreeGuestPlanIDs");
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "OptionalFields", List.of("shoeSize"))), 400,
                "OptionalFields");
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "GatewayKind", "CISCO")), 400, "GatewayKind");
        GuestWorld other = new GuestWorld(context, "Other Portal Co");
        GuestPlan otherPlan = other.plan("Theirs", java.time.Duration.ofMinutes(30));
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "FreeGuestPlanIDs",
                Map.of("CLICK_THROUGH", otherPlan.id()))), 400, "FreeGuestPlanIDs");
        error(support.post(BASE + "/configurePortal", chilli("UAMSecret", "s")), 403, "");
        error(manager.post(BASE + "/getPortal", "HotspotID", hotspot.id()), 404, "no captive portal");
        error(manager.post(BASE + "/getPortal", "HotspotID", other.hotspot("Elsewhere").id()), 404, "Unknown hotspot");
    }

    @Test
    void afterLoginIsTheStatusPageTheOriginalUrlOrAnOperatorsWebPage() {
        assertThat(ok(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s"))).get("AfterLogin").asString())
                .isEqualTo("STATUS");
        assertThat(ok(manager.post(BASE + "/configurePortal", chilli("AfterLogin", "original"))).get("AfterLogin").asString())
                .isEqualTo("ORIGINAL");
        ok(manager.post(BASE + "/configurePortal", chilli("AfterLogin", "https://cafe.example.com/welcome?from=wifi")));
        assertThat(ok(support.post(BASE + "/getPortal", "HotspotID", hotspot.id())).get("AfterLogin").asString())
                .isEqualTo("https://cafe.example.com/welcome?from=wifi");
        assertThat(hotspots.findPortal(hotspot.id()).orElseThrow().settings().afterLogin().url())
                .contains(java.net.URI.create("https://cafe.example.com/welcome?from=wifi"));

        for (String bad : List.of("javascript:alert(1)", "//evil.example/", "/welcome", "ftp://cafe.example.com/",
                "https://user:pw@cafe.example.com/", "https://", "http://exa mple.com/", "ELSEWHERE")) {
            Http.Response refused = manager.post(BASE + "/configurePortal", chilli("AfterLogin", bad));
            error(refused, 400, "AfterLogin");
            assertThat(refused.raw()).contains("STATUS, ORIGINAL or an absolute http(s) URL");
        }
        assertThat(hotspots.findPortal(hotspot.id()).orElseThrow().settings().afterLogin().text())
                .as("a refused value changes nothing").isEqualTo("https://cafe.example.com/welcome?from=wifi");
    }

    @Test
    void gatewayLoginHostIsAHostOrHostAndPortOfAMikroTikRouter() {
        Object[] mikrotik = {"HotspotID", hotspot.id(), "GatewayKind", "MIKROTIK", "SignInMethods", List.of("VOUCHER")};
        JsonNode set = ok(manager.post(BASE + "/configurePortal", with(mikrotik, "GatewayLoginHost", "Hotspot.Example.net:8080")));
        assertThat(set.get("GatewayLoginHost").asString()).isEqualTo("hotspot.example.net:8080");
        assertThat(ok(manager.post(BASE + "/configurePortal", with(mikrotik, "GatewayLoginHost", "10.5.50.1")))
                .get("GatewayLoginHost").asString()).isEqualTo("10.5.50.1");
        JsonNode two = ok(manager.post(BASE + "/configurePortal", with(mikrotik, "GatewayLoginHost", " Hotspot.Example.net,10.5.50.1:8080, ")));
        assertThat(two.get("GatewayLoginHost").asString()).isEqualTo("hotspot.example.net, 10.5.50.1:8080");
        assertThat(ok(manager.post(BASE + "/getPortal", "HotspotID", hotspot.id())).get("GatewayLoginHost").asString())
                .isEqualTo("hotspot.example.net, 10.5.50.1:8080");
        for (String bad : List.of("http://10.5.50.1/login", "evil.example/login", "host:99999", "host:", "a b",
                "hotspot.example.net, evil.example/login", "a.example, b.example, c.example, d.example, e.example")) {
            error(manager.post(BASE + "/configurePortal", with(mikrotik, "GatewayLoginHost", bad)), 400, "GatewayLoginHost");
        }
        error(manager.post(BASE + "/configurePortal", chilli("UAMSecret", "s", "GatewayLoginHost", "10.1.0.1")), 400,
                "GatewayLoginHost");
    }

    private static Object[] with(Object[] base, Object... more) {
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("errorProcessing").asBoolean()).isFalse();
        return r.json();
    }

    private static void error(Http.Response r, int status, String part) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.raw()).contains(part);
    }

    private List<String> loggedFunctions() {
        Actor reader = new Actor(world.operator.id(), 1, "r@example.com", "", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        return audit.window(reader, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), 1000).entries().stream()
                .map(LogEntry::functionName).toList();
    }
}
