package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.guest.Guest;
import io.portico.guest.MacAddress;
import io.portico.guest.Purchase;
import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.PayPalCheckout;
import io.portico.platform.Role;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PayPalFake;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/**
 * The payment settings page and the guest page's payment badges in a real Chromium: a
 * DomainAdministrator sees Stripe in test mode, connects a PayPal sandbox app (the secrets are
 * shown only as "Set", never in the page, and the operator log names them without their values),
 * then refunds a guest's PayPal purchase from the guest page, which says the payments are in test
 * mode. An AccountManager gets neither the page nor the form.
 */
@PorticoIntegrationTest
class DashboardPaymentBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired OperatorSettingsService settings;
    @Autowired PayPalCheckout paypal;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final PayPalFake fake = PayPalFake.shared();

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private PortalWorld world(String name) {
        PortalWorld world = new PortalWorld(context, name + " " + Fixtures.unique(), GatewayKind.MIKROTIK);
        settings.initialise(world.world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_dashboard_payments_0123", SecretName.STRIPE_SIGNING_SECRET,
                        "whsec_dashboard_payments_0123"));
        return world;
    }

    @Test
    void aDomainAdministratorConnectsPayPalInTestModeAndRefundsAPayPalPurchase() {
        PortalWorld world = world("Payment Settings Hotel");
        long operatorId = world.world.operator.id();
        String clientId = "AYdash" + Fixtures.unique().replaceAll("[^A-Za-z0-9]", "") + "client";
        String secret = "EPsecret" + Fixtures.unique().replaceAll("[^A-Za-z0-9]", "") + "value";
        String webhookId = "WH" + Fixtures.unique().toUpperCase().replaceAll("[^A-Z0-9]", "") + "7";
        fake.register(clientId, secret, webhookId);
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Signed in as");
            browser.clickAndWaitForPage(By.id("nav-settings"));
            browser.clickAndWaitForPage(By.id("open-payment"));
            assertThat(browser.find(By.id("stripe-mode")).getText()).isEqualTo("Test mode");
            assertThat(browser.find(By.id("paypal-mode")).getText()).isEqualTo("Not set up");
            assertThat(browser.find(By.id("paypal-client-secret-state")).getText()).isEqualTo("Not set.");

            browser.click(By.id("paypal-enabled"));
            browser.type(By.id("paypal-client-id"), clientId);
            browser.type(By.id("paypal-client-secret"), secret);
            browser.type(By.id("paypal-webhook-id"), webhookId);
            browser.clickAndWaitForPage(By.id("paypal-save"));
            browser.waitForText("Saved.");

            assertThat(browser.find(By.id("paypal-mode")).getText()).isEqualTo("Test mode");
            assertThat(browser.find(By.id("paypal-client-secret-state")).getText()).startsWith("Set.");
            assertThat(browser.find(By.id("paypal-webhook-id-state")).getText()).startsWith("Set.")
                    .contains("/payments/paypal/webhook/" + operatorId);
            assertThat(browser.driver().getPageSource()).doesNotContain(secret).doesNotContain(clientId);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-payment-settings");
            assertThat(jdbc.sql("select event_json from operator_log where operator_id = ? and function_name = '/operator/configurePayPal'")
                    .param(operatorId).query(String.class).list()).singleElement().satisfies(entry -> assertThat(entry)
                    .contains("Replaced PayPal_clientsecret", "Replaced PayPal_clientid", "Replaced PayPal_webhookid")
                    .doesNotContain(secret).doesNotContain(clientId));

            Purchase purchase = payPalPurchase(world);
            browser.open(url("/dashboard/guests/" + purchase.guestId()));
            assertThat(browser.find(By.id("payment-modes")).getText()).contains("Stripe Test mode", "PayPal Test mode");
            assertThat(browser.find(By.id("guest-purchases")).getText()).contains("Paypal");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(By.id("purchases-heading")));
            browser.screenshot("dashboard-guest-refund");
            browser.clickAndWaitForPage(By.id("refund-" + purchase.id()));

            assertThat(browser.find(By.id("guest-purchases")).getText()).contains("Revoked");
            assertThat(browser.driver().findElements(By.id("refund-" + purchase.id()))).isEmpty();
            assertThat(fake.refunds()).filteredOn(r -> r.captureId().equals(purchase.transactionId())).hasSize(1);
        }
    }

    /** A guest bought the day pass with PayPal: order, approval, capture and the verified webhook, against the fake. */
    private Purchase payPalPurchase(PortalWorld world) {
        MacAddress device = MacAddress.parse("02:00:00:" + Fixtures.unique().replaceAll("[^0-9a-f]", "d").substring(0, 2) + ":40:01");
        Guest guest = world.world.guests().findOrCreate(world.world.client.id(), device);
        URI approve = paypal.startGuestOrder(world.world.client.id(), guest.id(), world.dayPlan.id(),
                URI.create("http://portal.example/return"), URI.create("http://portal.example/cancel"), Optional.empty(), "en-us");
        String orderId = approve.getQuery().replace("token=", "");
        fake.approve(orderId);
        String captureId = paypal.buyerReturned(world.world.client.id(), orderId).orElseThrow().captureId();
        assertThat(fake.deliver(url("/payments/paypal/webhook/" + world.world.operator.id()).toString(),
                fake.captureCompletedEvent(captureId))).isEqualTo(200);
        return world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1))
                .orElseThrow().purchase();
    }

    @Test
    void anAccountManagerGetsNeitherThePaymentSettingsNorTheirForm() {
        PortalWorld world = world("Payment Roles Hotel");
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(world.world.operator, Role.ACCOUNT_MANAGERS));
        String guests = http.get("/dashboard/guests", "Cookie", session.cookieHeader()).raw();

        assertThat(http.get("/dashboard/settings/payment", "Cookie", session.cookieHeader()).status()).isEqualTo(403);
        Http.Response forged = http.send(http.builder("/dashboard/settings/payment/paypal", "Cookie", session.cookieHeader(),
                        "Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + DashboardSessionTest.formToken(guests)
                        + "&enabled=true&clientId=AYforgedclient0001&clientSecret=forged-secret-0001")).build());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(settings.secret(world.world.operator.id(), SecretName.PAYPAL_CLIENT_SECRET)).isEmpty();
    }
}
