package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.SelfSignup;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resident signs up for a paid plan as a person does, in a real headless Chromium: the sign-up
 * form, the (fake) Stripe Checkout page, the waiting page that looks again by itself until the
 * signed {@code checkout.session.completed} webhook has come, then My WiFi with the key and its QR
 * code, and My plan with the paid plan. Screenshot: docs/img/subscriber-paid-signup.png.
 */
@PorticoIntegrationTest
class PaidSignupBrowserTest {

    static final String SIGNING_SECRET = "whsec_test_paid_browser_0123456789";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();

    @Test
    void aResidentChoosesAPaidPlanPaysOnCheckoutAndTheWaitingPageMovesOnToTheirKeyOnceStripeConfirms() throws Exception {
        ResidentWorld world = new ResidentWorld(context);
        OperatorSettingsService settings = context.getBean(OperatorSettingsService.class);
        settings.initialise(world.operator.id(), Section.NETWORK,
                new Sections.Network(new Sections.VlanRange(1000, 1999), new Sections.VlanRange(2000, 2999),
                        new Sections.VlanRange(3000, 3999), true, false, List.of(), new Sections.Radius("", "1812", "1813"),
                        List.of("Harbor Lofts"), List.of()), Map.of());
        settings.initialise(world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_paid_browser_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        ServicePlan premium = world.plan("Premium", true, Map.of("USD", 4500L));
        Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "Staff", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        String link = context.getBean(SelfSignup.class).link(staff, world.venue.key(), false, "").token();
        world.unit("902");
        String email = "paying-browser-" + Fixtures.unique().toLowerCase() + "@example.com";
        String base = "http://127.0.0.1:" + port;

        try (var browser = Browser.start()) {
            // the sign-up form: unit, the paid plan, name, email, password, terms
            browser.open(URI.create(base + "/subscriber/signup/" + link));
            browser.waitForText("USD 45.00 per billing cycle, paid by card.");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.type(By.id("unit"), "902");
            browser.click(By.cssSelector("input[name='plan'][value='" + premium.key() + "']"));
            browser.type(By.id("given-name"), "Lena");
            browser.type(By.id("family-name"), "Rivera");
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), ResidentWorld.PASSWORD);
            browser.click(By.id("terms"));
            browser.clickAndWaitForPage(By.id("signup"));

            // Portico hands the resident to Stripe Checkout (the loopback fake plays the hosted page)
            assertThat(browser.url()).startsWith(stripe.apiBase() + "/pay/cs_test_");
            String sessionId = URI.create(browser.url()).getPath().substring("/pay/".length());
            assertThat(browser.find(By.id("amount")).getText()).isEqualToIgnoringCase("4500 usd");
            assertThat(subscriptions(email)).as("nothing is created before Stripe confirms").isEmpty();
            browser.clickAndWaitForPage(By.id("pay"));

            // back on Portico: the waiting page, which looks again by itself (HTTP Refresh header) and offers a link
            browser.waitForText("waiting for the payment provider to confirm");
            String waiting = browser.url();
            assertThat(URI.create(waiting).getPath()).startsWith("/subscriber/signup/paid/");
            assertThat(browser.find(By.id("check-again")).getAttribute("href")).isEqualTo(waiting);
            assertThat(browser.driver().findElements(By.cssSelector("meta[http-equiv]"))).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-paid-signup");
            assertThat(subscriptions(email)).as("the payment alone creates nothing; the signed webhook does").isEmpty();

            // Stripe's signed webhook comes; the waiting page moves on to My WiFi without the resident doing anything
            ObjectNode session = stripe.session(sessionId);
            assertThat(session.path("mode").asString()).isEqualTo("subscription");
            String webhook = base + "/payments/stripe/webhook/" + world.operator.id();
            assertThat(stripe.deliver(webhook, stripe.event("checkout.session.completed", session, clock.instant()), SIGNING_SECRET, clock)
                    .statusCode()).isEqualTo(200);
            browser.waitForText("Your WiFi key");
            assertThat(URI.create(browser.url()).getPath()).isEqualTo("/subscriber/wifi");
            assertThat(browser.text()).contains(email, "Harbor Lofts · 902");

            List<Map<String, Object>> stored = subscriptions(email);
            assertThat(stored).hasSize(1);
            long subscriptionId = ((Number) stored.getFirst().get("id")).longValue();
            assertThat(((Number) stored.getFirst().get("plan_id")).longValue()).isEqualTo(premium.id());
            assertThat(stored.getFirst().get("unit_name")).isEqualTo("902");
            String psk = browser.find(By.id("psk-" + subscriptionId)).getText();
            assertThat(psk).hasSize(16);
            byte[] png = browser.find(By.cssSelector("#key-" + subscriptionId + " svg.qr")).getScreenshotAs(OutputType.BYTES);
            assertThat(ResidentPagesBrowserTest.decodeQr(png)).isEqualTo("WIFI:T:WPA;S:Harbor Lofts;P:" + psk + ";;");
            assertThat(browser.accessibilityProblems()).isEmpty();

            // the same checkout confirmed again (a second event for it) creates nothing more
            assertThat(stripe.deliver(webhook, stripe.event("checkout.session.completed", session, clock.instant()), SIGNING_SECRET, clock)
                    .statusCode()).isEqualTo(200);
            assertThat(subscriptions(email)).hasSize(1);
            assertThat(jdbc.sql("select subscription_id from payment_resident_billing where operator_id = ? and stripe_subscription_id = ?")
                    .params(world.operator.id(), session.path("subscription").asString()).query(Long.class).list())
                    .containsExactly(subscriptionId);

            // My plan shows the paid plan
            browser.clickAndWaitForPage(By.id("nav-plan"));
            browser.waitForText("Contact preferences");
            assertThat(browser.find(By.id("plan-name-" + subscriptionId)).getText()).isEqualTo("Premium");
        }
    }

    /** The resident's subscriptions as stored, with the plan and unit. */
    private List<Map<String, Object>> subscriptions(String email) {
        return jdbc.sql("select s.id, s.plan_id, u.unit_name from subscription s join subscriber r on r.id = s.subscriber_id "
                + "join unit u on u.id = s.unit_id where r.email = ?").param(email).query().listOfRows();
    }
}
