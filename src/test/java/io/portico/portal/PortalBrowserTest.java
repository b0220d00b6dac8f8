package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.UniFiController;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.simulator.CoovaChilliSimulator;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.simulator.RadiusReply;
import io.portico.simulator.SimulatedGateway;
import io.portico.support.Browser;
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.gateway.UniFiControllerSimulator;

import tools.jackson.databind.JsonNode;

/**
 * A guest's whole way in a real headless Chromium, through the loopback gateway simulators and
 * Portico's real RADIUS server: the phone asks for a web page, the gateway hands it to the portal,
 * the guest signs in by clicking and typing, the gateway logs it in with the one-time credential
 * (Access-Accept with the plan's limits), accounts the session, and the guest API shows the guest,
 * the purchase and the connection with this browser's user agent. Screenshots go to docs/img.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    private static final String SECRET = "portal-browser-secret-1";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired HotspotService hotspots;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();

    private PortalWorld world(String company, GatewayKind kind) {
        PortalWorld world = new PortalWorld(context, company, kind);
        radius.register(NewNasClient.forHotspot(world.world.operator.id(), world.hotspot.name(), "127.0.0.1",
                world.hotspot.nasIdentifier(), SECRET, world.hotspot.id()));
        OperatorSettingsService settings = context.getBean(OperatorSettingsService.class);
        settings.configureTandC(world.admin, "en-us", "<h3>Terms of use</h3><p>Be kind to other guests. Fair use applies.</p>");
        settings.configureTandC(world.admin, "es-xl", "<h3>Términos de uso</h3><p>Sea amable con los demás. Se aplica el uso razonable.</p>");
        settings.update(world.admin, Section.DISPLAY, new Section.Display(Map.of("ThemeLight", Map.of("PrimaryColor", "#1a5fb4"))),
                Map.of());
        return world;
    }

    private GatewaySettings settings(PortalWorld world, Optional<String> uamSecret) {
        return new GatewaySettings(world.hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), world.hotspot.nasIdentifier()), uamSecret);
    }

    @Test
    void mikroTikPhoneAcceptsTheTermsAndGetsOnline() {
        PortalWorld world = world("Browser MikroTik", GatewayKind.MIKROTIK);
        Phone phone = new Phone("02-B0-00-00-00-01", "10.5.50.31");
        try (var gateway = new MikroTikHotspotSimulator(settings(world, Optional.empty()), phone);
             var browser = Browser.start()) {
            browser.open(gateway.internetUrl());
            browser.waitForText("Welcome to the Wi-Fi of Portal Lobby");
            assertThat(browser.url()).startsWith("http://127.0.0.1:" + port + "/portal/");
            assertThat(browser.text()).contains("Terms of use", "Be kind to other guests.");
            assertThat(browser.find(By.cssSelector("link[href*='theme.css']")).getAttribute("href")).contains("?v=");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-signin");

            browser.click(By.id("click-terms"));
            browser.click(By.id("click-submit"));
            browser.waitForText("You are online");
            assertThat(browser.text()).contains("Free hour", "Sign out");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-status");

            RadiusReply accept = gateway.lastAccessReply().orElseThrow();
            assertThat(accept.accepted()).isTrue();
            assertThat(accept.first("Session-Timeout").map(Long::parseLong).orElseThrow()).isBetween(3500L, 3600L);
            assertThat(accept.first("Mikrotik-Rate-Limit")).contains("2M/10M");
            assertThat(gateway.session(phone)).isPresent();

            gateway.addTraffic(phone, 4_000, 60_000);
            browser.click(By.id("logout"));
            browser.waitForText("You have just logged out");
            String userAgent = browser.userAgent();
            JsonNode connection = connection(world, "02-B0-00-00-00-01");
            assertThat(connection.get("useragent").asString()).isEqualTo(userAgent);
            assertThat(connection.get("device").asString()).isEqualTo("Linux");
            assertThat(connection.get("downloaded").asLong()).isEqualTo(60_000L);
            assertThat(connection.get("reason_for_termination").asString()).isEqualTo("User Request");
            JsonNode purchase = purchase(world, "02-B0-00-00-00-01");
            assertThat(purchase.get("payment_gateway").asString()).isEqualTo("Free");
            assertThat(purchase.get("guest_plan_name").asString()).isEqualTo("Free hour");
        }
    }

    @Test
    void coovaChilliPhoneFillsTheFormInSpanishAndGetsOnline() {
        PortalWorld world = world("Browser Chilli", GatewayKind.COOVACHILLI);
        Phone phone = new Phone("02-B0-00-00-00-02", "10.1.0.32");
        try (var gateway = new CoovaChilliSimulator(settings(world, Optional.of("uam-secret-123")), phone);
             var browser = Browser.start()) {
            // a long first URL: Chilli keeps 2047 characters of a logon query, so the status page must come back short
            browser.open(URI.create(gateway.internetUrl() + "?campaign=" + "x".repeat(1_500)));
            browser.waitForText("Welcome to the Wi-Fi of Portal Lobby");
            browser.click(By.cssSelector("a[hreflang='es-xl']"));
            browser.waitForText("Bienvenido al Wi-Fi de Portal Lobby");
            assertThat(browser.text()).contains("Sea amable con los demás.");
            browser.type(By.id("field-email"), "ana.garcia@example.com");
            browser.type(By.id("field-firstName"), "Ana");
            browser.type(By.id("field-custom1"), "Sala 4");
            browser.click(By.id("form-consent"));
            browser.click(By.id("form-terms"));
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-form-es");
            browser.click(By.id("form-submit"));
            browser.waitForText("Estás conectado");
            assertThat(browser.url()).matches(".*/status\\?s=[A-Za-z0-9_-]{22}&lang=es-xl");
            browser.screenshot("portal-status-es");

            assertThat(gateway.lastAccessReply().orElseThrow().accepted()).isTrue();
            assertThat(gateway.session(phone)).isPresent();
            JsonNode guest = guest(world, "02-B0-00-00-00-02");
            assertThat(guest.get("email").asString()).isEqualTo("ana.garcia@example.com");
            assertThat(guest.get("first_name").asString()).isEqualTo("Ana");
            assertThat(guest.get("custom1").asString()).isEqualTo("Sala 4");
            assertThat(guest.get("unsubscribed").asBoolean()).isFalse();

            browser.click(By.id("unsubscribe"));
            browser.waitForText("¿Quieres dejar de recibir novedades");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.click(By.id("unsubscribe-submit"));
            browser.waitForText("Ya no recibirás correos de marketing");
            assertThat(browser.accessibilityProblems()).isEmpty();
            assertThat(guest(world, "02-B0-00-00-00-02").get("unsubscribed").asBoolean()).isTrue();

            gateway.disconnect(phone, SimulatedGateway.TerminateCause.SESSION_TIMEOUT);
            assertThat(connection(world, "02-B0-00-00-00-02").get("useragent").asString()).isEqualTo(browser.userAgent());
        }
    }

    @Test
    void mikroTikPhoneRedeemsAVoucherAndAUsedOneIsRefused() {
        PortalWorld world = world("Browser Voucher", GatewayKind.MIKROTIK);
        Phone first = new Phone("02-B0-00-00-00-03", "10.5.50.33");
        Phone second = new Phone("02-B0-00-00-00-04", "10.5.50.34");
        String code = world.voucher();
        try (var gateway = new MikroTikHotspotSimulator(settings(world, Optional.empty()), first);
             var browser = Browser.start()) {
            browser.open(gateway.internetUrl());
            browser.waitForText("Voucher code");
            browser.type(By.id("voucher-code"), code);
            browser.click(By.id("voucher-terms"));
            browser.click(By.id("voucher-submit"));
            browser.waitForText("You are online");
            assertThat(browser.text()).contains("Day pass");
            assertThat(gateway.lastAccessReply().orElseThrow().accepted()).isTrue();
            assertThat(purchase(world, "02-B0-00-00-00-03").get("payment_gateway").asString()).isEqualTo("Voucher");

            gateway.usePhone(second);
            browser.driver().manage().deleteAllCookies();
            browser.open(gateway.internetUrl());
            browser.waitForText("Voucher code");
            browser.type(By.id("voucher-code"), code);
            browser.click(By.id("voucher-terms"));
            browser.click(By.id("voucher-submit"));
            browser.waitForText("This voucher code is not valid, or it has been used up.");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-voucher-refused");
            assertThat(gateway.session(second)).isEmpty();
        }
    }

    @Test
    void uniFiGuestIsAuthorizedAtTheControllerAfterSigningIn() throws Exception {
        PortalWorld world = world("Browser UniFi", GatewayKind.UNIFI);
        PortalSettings settings = hotspots.findPortal(world.hotspot.id()).orElseThrow().settings();
        String site = settings.unifiSite().orElseThrow();
        try (var controller = new UniFiControllerSimulator("portico", "controller-password", "api-key-123", site);
             var browser = Browser.start()) {
            world.portal().configurePortal(world.admin, world.hotspot.id(), new PortalConfiguration(settings, Optional.empty(),
                    Optional.of(new UniFiController(controller.url(), Optional.of("portico"), Optional.of("controller-password"),
                            Optional.empty(), Optional.empty()))));
            browser.open(URI.create("http://127.0.0.1:" + port + "/guest/s/" + site + "/?id=02:b0:00:00:00:06"
                    + "&ap=f0:9f:c2:00:00:01&t=1764590000&url=http%3A%2F%2Fexample.com%2F&ssid=Guest"));
            browser.waitForText("Welcome to the Wi-Fi of Portal Lobby");
            browser.click(By.id("click-terms"));
            browser.click(By.id("click-submit"));
            browser.waitForText("You are online");
            assertThat(browser.text()).contains("Continue to example.com");

            assertThat(controller.authorizations()).singleElement().satisfies(a -> {
                assertThat(a.mac()).isEqualTo("02:b0:00:00:00:06");
                assertThat(a.site()).isEqualTo(site);
                assertThat(a.minutes()).isBetween(59L, 60L);
            });
            assertThat(purchase(world, "02-B0-00-00-00-06").get("payment_gateway").asString()).isEqualTo("Free");
        }
    }

    @Test
    void friendlyErrorPageIsAccessible() {
        try (var browser = Browser.start()) {
            browser.open(URI.create("http://127.0.0.1:" + port + "/portal/no-such-hotspot"));
            browser.waitForText("This Wi-Fi network is not set up for signing in here.");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-error");
        }
    }

    @Test
    void worksWithJavaScriptOff() {
        PortalWorld world = world("Browser No Script", GatewayKind.MIKROTIK);
        Phone phone = new Phone("02-B0-00-00-00-05", "10.5.50.35");
        try (var gateway = new MikroTikHotspotSimulator(settings(world, Optional.empty()), phone);
             var browser = Browser.startWithoutJavaScript()) {
            browser.open(gateway.internetUrl());
            browser.click(By.cssSelector("input[type=submit][value=continue]")); // RouterOS's no-script button
            browser.waitForText("Welcome to the Wi-Fi of Portal Lobby");
            browser.click(By.id("click-terms"));
            browser.click(By.id("click-submit"));
            browser.waitForText("You are online");
            assertThat(gateway.session(phone)).isPresent();
        }
    }

    private JsonNode connection(PortalWorld world, String mac) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return only(get(world, "/v2/client/connections?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)), mac);
    }

    private JsonNode purchase(PortalWorld world, String mac) {
        return only(get(world, "/v2/client/guests-guest-plans?started_since_relative=1h"), mac);
    }

    private JsonNode guest(PortalWorld world, String mac) {
        return only(get(world, "/v2/zapier/client/guests"), mac);
    }

    private JsonNode get(PortalWorld world, String pathAndQuery) {
        Http.Response r = new Http(port).get(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + world.world.auth());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode only(JsonNode list, String mac) {
        List<JsonNode> mine = new ArrayList<>();
        list.forEach(item -> {
            if (item.get("macaddress").asString().equals(mac)) {
                mine.add(item);
            }
        });
        assertThat(mine).as(list.toString()).hasSize(1);
        return mine.getFirst();
    }
}
