package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.guest.GuestPlanService;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.identity.IdentityService;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.radius.NewNasClient;
import io.portico.simulator.RadiusReply;
import io.portico.radius.RadiusService;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.TenantService;

/**
 * The dashboard's guest set-up pages in a real Chromium: an administrator adds a session profile,
 * a guest plan granting it and a hotspot with a MikroTik portal, and a phone behind a simulated
 * MikroTik then signs in on that portal over Portico's RADIUS server and gets the plan with the
 * profile's limits; a client's guest API token is shown once, works on /v2 and is refused once
 * revoked; refused input is shown on the form in the page's language with what was typed; a
 * CustomerSupport user sees the lists without any form and a forged POST is refused.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSetupBrowserTest {

    private static final String SECRET = "setup-browser-secret-1";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired HotspotService hotspots;
    @Autowired GuestPlanService plans;
    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired AuditService audit;
    @Autowired Fixtures fixtures;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Browser signedIn(String email, String next) {
        Browser browser = Browser.start();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), email);
        browser.waitForText("Sign out");
        browser.open(url(next));
        return browser;
    }

    @Test
    void aProfileAPlanAndAMikroTikHotspotSetUpHereServeAGuestOnThePortal() {
        GuestWorld world = new GuestWorld(context, "Setup Hotel " + Fixtures.unique());
        long client = world.client.id();
        String admin = fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS);
        String nas = "SETUP-" + Fixtures.unique();
        try (var browser = signedIn(admin, "/dashboard/setup/session-profiles?client=" + client)) {
            browser.waitForText("Add a session profile");
            assertThat(browser.find(By.id("nav-setup")).getAttribute("aria-current")).isEqualTo("page");

            // A refused profile keeps what was typed and writes nothing.
            browser.type(By.id("profile-name"), "Lobby half hour");
            browser.type(By.id("profile-session"), "thirty");
            browser.click(By.id("add-profile-submit"));
            browser.waitForText("must be a positive whole number");
            assertThat(browser.find(By.id("form-error")).getText())
                    .isEqualTo("Session limit (minutes) must be a positive whole number, or empty.");
            assertThat(browser.find(By.id("profile-name")).getAttribute("value")).isEqualTo("Lobby half hour");
            assertThat(browser.find(By.id("profile-session")).getAttribute("value")).isEqualTo("thirty");
            assertThat(plans.listSessionProfiles(actor(world), client)).isEmpty();

            browser.type(By.id("profile-session"), "30");
            browser.type(By.id("profile-down"), "8000");
            browser.type(By.id("profile-up"), "2000");
            browser.type(By.id("profile-cap"), "500");
            browser.click(By.id("add-profile-submit"));
            browser.waitForText("Session profile added.");
            assertThat(browser.find(By.id("profiles")).getText()).contains("Lobby half hour", "30 minutes", "8,000 kbit/s",
                    "2,000 kbit/s", "500 MB");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-session-profiles");

            // A plan refused in Spanish, then added in English.
            browser.open(url("/dashboard/setup/guest-plans?client=" + client + "&lang=es-xl"));
            browser.waitForText("Añadir un plan de invitado");
            browser.type(By.id("plan-name"), "Lobby hour");
            browser.type(By.id("plan-currency"), "U1");
            browser.click(By.id("add-plan-submit"));
            browser.waitForText("Escriba un código");
            assertThat(browser.find(By.id("form-error")).getText()).isEqualTo("Escriba un código de moneda ISO 4217, como USD.");
            assertThat(browser.find(By.id("plan-name")).getAttribute("value")).isEqualTo("Lobby hour");
            assertThat(plans.listGuestPlans(actor(world), client)).isEmpty();

            browser.open(url("/dashboard/setup/guest-plans?client=" + client + "&lang=en-us"));
            browser.waitForText("Add a guest plan");
            browser.type(By.id("plan-name"), "Lobby hour");
            new Select(browser.find(By.id("plan-profile"))).selectByVisibleText("Lobby half hour");
            browser.type(By.id("plan-duration"), "1");
            new Select(browser.find(By.id("plan-unit"))).selectByValue("hours");
            browser.type(By.id("plan-price"), "0");
            browser.type(By.id("plan-currency"), "usd");
            browser.click(By.id("add-plan-submit"));
            browser.waitForText("Guest plan added.");
            assertThat(browser.find(By.id("plans")).getText()).contains("Lobby hour", "Lobby half hour", "1 hour", "Free");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-guest-plans");

            // Both changed afterwards: the plan renamed, the profile's session limit shortened to 20 minutes.
            browser.click(By.linkText("Lobby hour"));
            browser.waitForText("Change the guest plan");
            assertThat(browser.find(By.id("plan-duration")).getAttribute("value")).isEqualTo("1");
            assertThat(browser.find(By.id("plan-currency")).getAttribute("value")).isEqualTo("USD");
            browser.type(By.id("plan-name"), "Lobby free hour");
            browser.click(By.id("save-plan"));
            browser.waitForText("Guest plan saved.");
            assertThat(browser.find(By.id("plans")).getText()).contains("Lobby free hour").doesNotContain("Lobby hour ");
            browser.open(url("/dashboard/setup/session-profiles?client=" + client));
            browser.click(By.linkText("Lobby half hour"));
            browser.waitForText("Change the session profile");
            assertThat(browser.find(By.id("profile-session")).getAttribute("value")).isEqualTo("30");
            browser.type(By.id("profile-session"), "20");
            browser.click(By.id("save-profile"));
            browser.waitForText("Session profile saved.");
            assertThat(browser.find(By.id("profiles")).getText()).contains("20 minutes", "8,000 kbit/s");

            // The hotspot, then its MikroTik portal with click-through granting the plan.
            browser.open(url("/dashboard/setup/hotspots?client=" + client));
            browser.waitForText("Add a hotspot");
            browser.type(By.id("hotspot-name"), "Setup Lobby");
            browser.type(By.id("hotspot-nas"), nas);
            browser.click(By.id("add-hotspot-submit"));
            browser.waitForText("Hotspot added.");
            assertThat(browser.find(By.id("no-portal")).getText()).contains("No captive portal yet");
            new Select(browser.find(By.id("portal-kind"))).selectByValue("MIKROTIK");
            new Select(browser.find(By.id("plan-click"))).selectByVisibleText("Lobby free hour");
            browser.type(By.id("login-host"), "not a host!");
            browser.click(By.id("save-portal"));
            browser.waitForText("The router login host is only for MikroTik");
            assertThat(browser.find(By.id("portal-error")).getText()).startsWith("The router login host is only for MikroTik");
            assertThat(browser.find(By.id("login-host")).getAttribute("value")).isEqualTo("not a host!");
            Hotspot hotspot = hotspots.list(actor(world), client).getFirst();
            assertThat(hotspots.findPortal(hotspot.id())).isEmpty();

            browser.type(By.id("login-host"), "");
            browser.click(By.id("save-portal"));
            browser.waitForText("Captive portal saved.");
            assertThat(browser.find(By.id("portal-url")).getText()).isEqualTo("http://127.0.0.1:" + port + "/portal/" + nas);
            assertThat(browser.find(By.id("uam-secret-state")).getText()).isEqualTo("not set");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-hotspot-portal");

            browser.open(url("/dashboard/setup/hotspots?client=" + client));
            assertThat(browser.find(By.id("hotspots")).getText()).contains("Setup Lobby", nas, "MikroTik");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-hotspots");

            // A phone behind the MikroTik signs in on that portal and gets the plan with the profile's limits.
            radius.register(NewNasClient.forHotspot(world.operator.id(), hotspot.name(), "127.0.0.1", nas, SECRET, hotspot.id()));
            Phone phone = new Phone(String.format("02-5E-%02X-00-00-01", world.operator.id() % 256), "10.5.50.71");
            GatewaySettings gateway = new GatewaySettings(nas, portico.auth(), portico.acct(), SECRET,
                    GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), nas), Optional.empty());
            try (var mikrotik = new MikroTikHotspotSimulator(gateway, phone); var guest = Browser.start()) {
                guest.open(mikrotik.internetUrl());
                guest.waitForText("Welcome to the Wi-Fi of Setup Lobby");
                guest.click(By.id("click-terms"));
                guest.click(By.id("click-submit"));
                guest.waitForText("You are online");
                assertThat(guest.find(By.id("plan")).getText()).isEqualTo("Lobby free hour");
                RadiusReply accept = mikrotik.lastAccessReply().orElseThrow();
                assertThat(accept.accepted()).isTrue();
                assertThat(accept.first("Session-Timeout").map(Long::parseLong).orElseThrow()).isBetween(1100L, 1200L);
                assertThat(accept.first("Mikrotik-Rate-Limit")).isPresent();
            }
        }
        assertThat(functions(world)).contains("/guests/addSessionProfile", "/guests/addGuestPlan", "/hotspots/addHotspot",
                "/hotspots/configurePortal", "/guests/updateSessionProfile", "/guests/updateGuestPlan");
    }

    @Test
    void aClientsTokenIsShownOnceWorksOnTheGuestApiAndIsRefusedOnceRevoked() {
        GuestWorld world = new GuestWorld(context, "Setup Owner " + Fixtures.unique());
        String admin = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        String company = "Setup Client " + Fixtures.unique();
        Http http = new Http(port);
        try (var browser = signedIn(admin, "/dashboard/setup/clients")) {
            browser.waitForText("Add a client");
            browser.type(By.id("client-company"), company);
            browser.click(By.id("add-client-submit"));
            browser.waitForText("Client added.");
            long client = Long.parseLong(browser.url().replaceAll(".*/clients/(\\d+).*", "$1"));

            browser.type(By.id("token-label"), "Zapier");
            browser.click(By.id("issue-token-submit"));
            browser.waitForText("Token \"Zapier\" issued");
            String token = browser.find(By.id("issued-token")).getAttribute("value");
            assertThat(token).hasSizeGreaterThan(20);
            assertThat(browser.text()).contains("it is shown only once");
            assertThat(browser.find(By.id("copy-token")).isDisplayed()).isTrue();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-clients");

            assertThat(http.get("/v2/zapier/client/ping", "Authorization", "Bearer " + token).status()).isEqualTo(200);

            browser.open(url("/dashboard/setup/clients/" + client));
            browser.waitForText("Guest API tokens");
            assertThat(browser.driver().getPageSource()).doesNotContain(token);
            assertThat(browser.driver().findElements(By.id("issued-token"))).isEmpty();
            long tokenId = identity.listApiTokens(actor(world), client).getFirst().id();
            assertThat(browser.find(By.id("token-" + tokenId)).getText()).contains("Zapier", token.substring(0, 6), "Active");

            browser.click(By.id("revoke-" + tokenId));
            browser.waitForText("Token revoked");
            assertThat(browser.find(By.id("token-" + tokenId)).getText()).contains("Revoked");
            assertThat(http.get("/v2/zapier/client/ping", "Authorization", "Bearer " + token).status()).isEqualTo(401);

            browser.open(url("/dashboard/setup/clients"));
            assertThat(browser.find(By.id("clients")).getText()).contains(company);
            assertThat(browser.accessibilityProblems()).isEmpty();

            // A second client under the same key is refused on the form, in Spanish, with the fields kept.
            String key = tenants.findClient(world.operator.id(), client).orElseThrow().key();
            browser.open(url("/dashboard/setup/clients?lang=es-xl"));
            browser.type(By.id("client-company"), company + " bis");
            browser.type(By.id("client-key"), key);
            browser.click(By.id("add-client-submit"));
            browser.waitForText("Ya existe un cliente");
            assertThat(browser.find(By.id("form-error")).getText()).isEqualTo("Ya existe un cliente con la clave '" + key + "'.");
            assertThat(browser.find(By.id("client-company")).getAttribute("value")).isEqualTo(company + " bis");
        }
        assertThat(functions(world)).contains("/clients/addClient", "/clients/addAPIToken", "/clients/revokeAPIToken");
    }

    @Test
    void customerSupportSeesTheListsWithoutFormsAndAForgedPostIsRefused() {
        GuestWorld world = new GuestWorld(context, "Setup Support " + Fixtures.unique());
        long client = world.client.id();
        Hotspot hotspot = world.hotspot("Support Lobby");
        world.plan("Support day", Duration.ofDays(1));
        String support = fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT);
        try (var browser = signedIn(support, "/dashboard/setup/hotspots?client=" + client)) {
            browser.waitForText("Support Lobby");
            assertThat(browser.driver().findElements(By.id("add-hotspot"))).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.open(url("/dashboard/setup/hotspots/" + hotspot.id()));
            browser.waitForText("Captive portal");
            assertThat(browser.driver().findElements(By.id("save-hotspot"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("save-portal"))).isEmpty();
            assertThat(browser.find(By.id("hotspot-name")).isEnabled()).isFalse();
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.open(url("/dashboard/setup/guest-plans?client=" + client));
            browser.waitForText("Support day");
            assertThat(browser.driver().findElements(By.id("add-plan"))).isEmpty();
            browser.open(url("/dashboard/setup/session-profiles?client=" + client));
            assertThat(browser.driver().findElements(By.id("add-profile"))).isEmpty();
            browser.open(url("/dashboard/setup/clients/" + client));
            browser.waitForText("Guest API tokens");
            assertThat(browser.driver().findElements(By.id("issue-token"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("button[id^='revoke-']"))).isEmpty();

            // A form forged in the page with the session's own form token is still refused by role.
            browser.driver().executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = '/dashboard/setup/session-profiles';
                    for (const [name, value] of [['_csrf', document.querySelector('input[name=_csrf]').value],
                            ['client', arguments[0]], ['name', 'Forged']]) {
                        const input = document.createElement('input');
                        input.type = 'hidden'; input.name = name; input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""", Long.toString(client));
            browser.waitForText("Not allowed");
            assertThat(plans.listSessionProfiles(actor(world), client)).extracting(p -> p.name()).doesNotContain("Forged");
        }
    }

    private static Actor actor(GuestWorld world) {
        return new Actor(world.operator.id(), 1, "test@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    private List<String> functions(GuestWorld world) {
        Instant now = Instant.now();
        return audit.page(actor(world), now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)), null, null, 100).stream()
                .map(LogEntry::functionName).toList();
    }
}
