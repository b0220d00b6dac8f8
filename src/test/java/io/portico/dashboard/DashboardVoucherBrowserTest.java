package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.platform.Role;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.LoopbackRadius;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;

/**
 * Vouchers in a real Chromium: an account manager creates a batch, opens its printable page,
 * a guest's phone redeems one printed code on the portal behind a simulated MikroTik gateway
 * (which logs it in over Portico's real RADIUS server), and the batch page shows it redeemed,
 * with the device and the hotspot.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardVoucherBrowserTest {

    private static final String SECRET = "voucher-browser-secret-1";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired Fixtures fixtures;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static void signIn(Browser browser, URI signIn, String email) {
        browser.open(signIn);
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), Fixtures.PASSWORD);
        browser.click(By.id("signin-submit"));
    }

    @Test
    void aPrintedVoucherRedeemedOnThePortalShowsAsRedeemed() {
        PortalWorld world = new PortalWorld(context, "Voucher Browser Hotel", GatewayKind.MIKROTIK);
        radius.register(NewNasClient.forHotspot(world.world.operator.id(), world.hotspot.name(), "127.0.0.1",
                world.hotspot.nasIdentifier(), SECRET, world.hotspot.id()));
        String email = fixtures.administrator(world.world.operator, Role.ACCOUNT_MANAGERS);
        long client = world.world.client.id();
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            signIn(browser, url("/dashboard/signin?next=/dashboard/vouchers"), email);
            browser.waitForText("Create a batch");

            browser.type(By.id("batch-label"), "Lobby desk");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("batch-plan"))).selectByVisibleText("Day pass");
            browser.type(By.id("batch-count"), "3");
            browser.click(By.id("create-submit"));
            browser.waitForText("3 vouchers created");
            assertThat(browser.find(By.id("batch-plan")).getText()).isEqualTo("Day pass");
            List<String> codes = browser.driver().findElements(By.cssSelector("#vouchers tbody td.mono")).stream()
                    .map(WebElement::getText).toList();
            assertThat(codes).hasSize(3).allMatch(c -> c.matches("[2-9A-Z]{10}"));
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.open(url("/dashboard/vouchers?client=" + client));
            assertThat(browser.text()).contains("Lobby desk", "Day pass");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-vouchers");

            browser.click(By.linkText("Lobby desk"));
            browser.click(By.id("print-batch"));
            browser.waitForText("Join the WiFi");
            List<WebElement> cards = browser.driver().findElements(By.cssSelector("#voucher-cards .voucher-card"));
            assertThat(cards).hasSize(3);
            assertThat(browser.text()).contains(codes.get(0), codes.get(1), codes.get(2), "Day pass · 1 day");
            assertThat(browser.find(By.cssSelector("#voucher-cards svg.qr")).getAttribute("aria-label")).contains(codes.get(0));
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-voucher-print");

            // A guest redeems the second printed code on the portal behind the gateway.
            Phone phone = new Phone("02-B0-00-00-16-01", "10.5.50.61");
            GatewaySettings gateway = new GatewaySettings(world.hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                    GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), world.hotspot.nasIdentifier()), Optional.empty());
            try (var mikrotik = new MikroTikHotspotSimulator(gateway, phone); var guest = Browser.start()) {
                guest.open(mikrotik.internetUrl());
                guest.waitForText("Welcome to the Wi-Fi of Portal Lobby");
                guest.type(By.id("voucher-code"), codes.get(1));
                guest.click(By.id("voucher-terms"));
                guest.click(By.id("voucher-submit"));
                guest.waitForText("You are online");
                assertThat(mikrotik.lastAccessReply().orElseThrow().accepted()).isTrue();
            }

            browser.open(url("/dashboard/vouchers/batches/" + batchIdFrom(browser, client) + "?client=" + client));
            assertThat(browser.find(By.id("voucher-" + codes.get(1))).getText()).contains("Redeemed", "1 / 1");
            assertThat(browser.find(By.id("voucher-" + codes.get(0))).getText()).contains("Unused");
            assertThat(browser.find(By.id("redemptions")).getText()).contains(codes.get(1), "02-B0-00-00-16-01", "Portal Lobby");
            assertThat(browser.find(By.id("batch-redeemed")).getText()).isEqualTo("1");
        }
    }

    /** The batch id from the voucher list's link (the page after printing is the print page). */
    private long batchIdFrom(Browser browser, long client) {
        browser.open(url("/dashboard/vouchers?client=" + client));
        String href = browser.find(By.linkText("Lobby desk")).getAttribute("href");
        return Long.parseLong(href.replaceAll(".*/batches/(\\d+).*", "$1"));
    }
}
