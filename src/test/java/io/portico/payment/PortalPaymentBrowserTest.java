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
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guest on a MikroTik hotspot (loopback simulator, real RADIUS) buys a plan by card in a real
 * headless Chromium: the portal sends the browser to Stripe's checkout (the loopback fake), the
 * guest pays and comes back to a page that waits; only Stripe's signed webhook starts the plan,
 * after which that page logs the phone in at its gateway.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPaymentBrowserTest {

    private static final String SECRET = "portal-payment-secret-1";
    private static final String SIGNING_SECRET = "whsec_portal_browser_0123456789";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired OperatorSettingsService settings;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();
    private final StripeFake stripe = StripeFake.shared();

    @Test
    void mikroTikGuestPaysByCardAndGetsOnlineOnlyAfterStripesWebhook() {
        PortalWorld world = new PortalWorld(context, "Browser Pay", GatewayKind.MIKROTIK);
        long operatorId = world.world.operator.id();
        radius.register(NewNasClient.forHotspot(operatorId, world.hotspot.name(), "127.0.0.1",
                world.hotspot.nasIdentifier(), SECRET, world.hotspot.id()));
        settings.initialise(operatorId, Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_browser_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        Phone phone = new Phone("02-B0-00-00-0F-01", "10.5.50.41");
        GatewaySettings gatewaySettings = new GatewaySettings(world.hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), world.hotspot.nasIdentifier()), Optional.empty());
        try (var gateway = new MikroTikHotspotSimulator(gatewaySettings, phone); var browser = Browser.start()) {
            browser.open(gateway.internetUrl());
            browser.waitForText("Buy Wi-Fi time");
            assertThat(browser.text()).contains("Day pass", "5.00 USD");
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.click(By.id("plan-" + world.dayPlan.id()));
            browser.type(By.id("pay-email"), "guest@browser.example");
            browser.click(By.id("pay-terms"));
            browser.clickAndWaitForPage(By.id("pay-submit"));
            browser.waitForText("Test checkout");
            assertThat(browser.url()).startsWith(stripe.apiBase() + "/pay/cs_test_");
            String sessionId = browser.url().substring((stripe.apiBase() + "/pay/").length());

            browser.clickAndWaitForPage(By.id("pay"));
            browser.waitForText("Waiting for payment confirmation");
            assertThat(browser.url()).startsWith("http://127.0.0.1:" + port + "/portal/");
            assertThat(gateway.session(phone)).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("portal-payment");

            ObjectNode paid = stripe.session(sessionId);
            String event = stripe.event("checkout.session.completed", paid, clock.instant());
            assertThat(stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + operatorId, event,
                    SIGNING_SECRET, clock).statusCode()).isEqualTo(200);

            browser.waitForText("You are online");
            assertThat(browser.text()).contains("Day pass");
            assertThat(gateway.session(phone)).isPresent();
            JsonNode purchases = new Http(port).get("/v2/client/guests-guest-plans?started_since_relative=1h&" + world.world.auth()).json();
            assertThat(purchases).anySatisfy(p -> {
                assertThat(p.path("payment_gateway").asString()).isEqualTo("Stripe");
                assertThat(p.path("gateway_transaction_id").asString()).isEqualTo(paid.path("payment_intent").asString());
            });
        }
    }
}
