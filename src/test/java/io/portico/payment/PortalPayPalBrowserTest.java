package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PayPalFake;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A guest on a MikroTik hotspot (loopback simulator, real RADIUS) buys a plan with PayPal in a
 * real headless Chromium: the portal's "Pay with PayPal" button sends the browser to PayPal's
 * approval page (the loopback fake), which sends it back to the portal; the portal captures the
 * order and waits; only PayPal's verified PAYMENT.CAPTURE.COMPLETED webhook starts the plan, after
 * which the waiting page logs the phone in at its gateway. Cancelling on PayPal comes back to the
 * sign-in page, saying so, with nothing granted.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPayPalBrowserTest {

    private static final String SECRET = "portal-paypal-secret-1";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired OperatorSettingsService settings;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();
    private final PayPalFake paypal = PayPalFake.shared();

    /** A MikroTik hotspot whose operator takes PayPal (and no cards). */
    private PortalWorld payPalHotspot(String company) {
        PortalWorld world = new PortalWorld(context, company + " " + Fixtures.unique(), GatewayKind.MIKROTIK);
        long operatorId = world.world.operator.id();
        radius.register(NewNasClient.forHotspot(operatorId, world.hotspot.name(), "127.0.0.1",
                world.hotspot.nasIdentifier(), SECRET, world.hotspot.id()));
        String clientId = "AYportal" + Fixtures.unique();
        String webhookId = "WH" + Fixtures.unique().toUpperCase().replaceAll("[^A-Z0-9]", "");
        paypal.register(clientId, "paypal-secret-" + clientId, webhookId);
        settings.initialise(operatorId, Section.PAYPAL, new Sections.PayPal(true, true),
                Map.of(SecretName.PAYPAL_CLIENT_ID, clientId, SecretName.PAYPAL_CLIENT_SECRET, "paypal-secret-" + clientId,
                        SecretName.PAYPAL_WEBHOOK_ID, webhookId));
        return world;
    }

    private GatewaySettings gateway(PortalWorld world) {
        return new GatewaySettings(world.hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), world.hotspot.nasIdentifier()), Optional.empty());
    }

    /** Picks the day plan, accepts the terms and presses "Pay with PayPal": answers PayPal's order id. */
    private String payWithPayPal(Browser browser, PortalWorld world) {
        browser.click(By.id("plan-" + world.dayPlan.id()));
        browser.click(By.id("pay-terms"));
        browser.clickAndWaitForPage(By.id("paypal-submit"));
        browser.waitForText("Pay Now");
        assertThat(browser.url()).startsWith(paypal.url() + "/checkoutnow?token=");
        return browser.url().substring((paypal.url() + "/checkoutnow?token=").length());
    }

    private JsonNode purchases(PortalWorld world) {
        return new Http(port).get("/v2/client/guests-guest-plans?started_since_relative=1h&" + world.world.auth()).json();
    }

    @Test
    void mikroTikGuestPaysWithPayPalAndGetsOnlineOnlyAfterPayPalsVerifiedWebhook() {
        PortalWorld world = payPalHotspot("PayPal Portal");
        Phone phone = new Phone("02-B0-00-00-0F-11", "10.5.50.51");
        try (var gateway = new MikroTikHotspotSimulator(gateway(world), phone); var browser = Browser.start()) {
            browser.open(gateway.internetUrl());
            browser.waitForText("Buy Wi-Fi time");
            assertThat(browser.text()).contains("Day pass", "5.00 USD", "Pay with PayPal").doesNotContain("Pay by card");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-paypal");

            String orderId = payWithPayPal(browser, world);
            assertThat(browser.text()).contains("5.00 USD");

            browser.clickAndWaitForPage(By.id("paypal-approve"));
            browser.waitForText("Waiting for payment confirmation");
            assertThat(browser.url()).startsWith("http://127.0.0.1:" + port + "/portal/" + world.hotspot.nasIdentifier() + "/paypal/return?");
            PayPalFake.Order captured = paypal.order(orderId);
            assertThat(captured.status()).isEqualTo("COMPLETED");
            assertThat(captured.captureId()).isNotBlank();
            assertThat(gateway.session(phone)).isEmpty();
            assertThat(purchases(world)).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();

            String event = paypal.captureCompletedEvent(captured.captureId());
            assertThat(paypal.deliver("http://127.0.0.1:" + port + "/payments/paypal/webhook/" + world.world.operator.id(), event))
                    .isEqualTo(200);

            browser.waitForText("You are online");
            assertThat(browser.text()).contains("Day pass");
            assertThat(gateway.session(phone)).isPresent();
            assertThat(purchases(world)).singleElement().satisfies(p -> {
                assertThat(p.path("payment_gateway").asString()).isEqualTo("Paypal");
                assertThat(p.path("gateway_transaction_id").asString()).isEqualTo(captured.captureId());
            });
        }
    }

    @Test
    void aGuestWhoCancelsOnPayPalIsBackOnTheSignInPageWithNothingGranted() {
        PortalWorld world = payPalHotspot("PayPal Cancel");
        Phone phone = new Phone("02-B0-00-00-0F-12", "10.5.50.52");
        try (var gateway = new MikroTikHotspotSimulator(gateway(world), phone); var browser = Browser.start()) {
            browser.open(gateway.internetUrl());
            browser.waitForText("Buy Wi-Fi time");
            String orderId = payWithPayPal(browser, world);

            browser.open(URI.create(paypal.order(orderId).cancelUrl() + "&token=" + orderId));
            browser.waitForText("You cancelled the PayPal payment");
            assertThat(browser.url()).contains("/portal/" + world.hotspot.nasIdentifier() + "/paypal/cancel?");
            assertThat(browser.text()).contains("Pay with PayPal", "Day pass");
            assertThat(browser.accessibilityProblems()).isEmpty();
            assertThat(gateway.session(phone)).isEmpty();
            assertThat(purchases(world)).isEmpty();
        }
    }
}
