package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.support.Browser;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resident on a free plan moves to a paid plan from My plan, in a real headless Chromium: the
 * plan list says "paid by card", Change plan goes to the (fake) Stripe Checkout, paying brings
 * the resident back to My plan, which waits (and looks again by itself) until Stripe's signed
 * webhook has come, then shows the new plan; the paid invoice then shows on Billing.
 * Screenshots: docs/img/subscriber-plan-change.png, docs/img/subscriber-billing.png.
 */
@PorticoIntegrationTest
class PlanChangeBrowserTest {

    static final String SIGNING_SECRET = "whsec_test_plan_change_browser_0123456789";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();

    @Test
    void aResidentChangesToAPaidPlanThroughCheckoutAndSeesTheInvoiceOnBilling() {
        ResidentWorld world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.SHOPPING_CART,
                new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_plan_change_browser_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        ServicePlan premium = world.plan("Premium", true, Map.of("USD", 4500L));
        String email = world.residentWithPassword();
        long id = jdbc.sql("select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email = ?")
                .param(email).query(Long.class).single();
        String base = "http://127.0.0.1:" + port;
        String webhook = base + "/payments/stripe/webhook/" + world.operator.id();

        try (var browser = Browser.start()) {
            browser.open(URI.create(base + "/subscriber/plan"));
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), ResidentWorld.PASSWORD);
            browser.click(By.id("signin"));
            browser.waitForText("Contact preferences");
            assertThat(browser.find(By.id("plan-name-" + id)).getText()).isEqualTo("Resident");
            Select choice = new Select(browser.find(By.id("plan-choice-" + id)));
            assertThat(choice.getOptions()).anySatisfy(o -> assertThat(o.getText()).contains("Premium", "paid by card"));
            choice.selectByValue(premium.key());
            browser.clickAndWaitForPage(By.id("change-" + id));

            // Stripe Checkout (the loopback fake plays the hosted page); paying alone changes nothing
            assertThat(browser.url()).startsWith(stripe.apiBase() + "/pay/cs_test_");
            String sessionId = URI.create(browser.url()).getPath().substring("/pay/".length());
            assertThat(browser.find(By.id("amount")).getText()).isEqualToIgnoringCase("4500 usd");
            browser.clickAndWaitForPage(By.id("pay"));

            browser.waitForText("waiting for the payment provider to confirm");
            String waiting = browser.url();
            assertThat(URI.create(waiting).getPath()).isEqualTo("/subscriber/plan");
            assertThat(browser.driver().findElements(By.cssSelector("meta[http-equiv]"))).isEmpty();
            // the same page without the return marker does not reload itself: axe and the screenshot look at it still
            browser.open(URI.create(base + "/subscriber/plan"));
            browser.waitForText("waiting for the payment provider to confirm");
            assertThat(browser.find(By.id("plan-name-" + id)).getText()).isEqualTo("Resident");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-plan-change");
            browser.open(URI.create(waiting));

            // the signed webhook comes; the page, looking again by itself, shows the new plan
            ObjectNode session = stripe.session(sessionId);
            assertThat(stripe.deliver(webhook, stripe.event("checkout.session.completed", session, clock.instant()), SIGNING_SECRET, clock)
                    .statusCode()).isEqualTo(200);
            browser.waitForText("Your plan is changed.");
            assertThat(browser.find(By.id("plan-name-" + id)).getText()).isEqualTo("Premium");
            assertThat(browser.driver().findElements(By.id("pending-" + id))).isEmpty();

            // Stripe's first invoice is paid: Billing lists it
            Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            ObjectNode invoice = stripe.invoice(session.path("subscription").asString(), "paid", start, start.plus(Duration.ofDays(30)));
            assertThat(stripe.deliver(webhook, stripe.event("invoice.paid", invoice, clock.instant()), SIGNING_SECRET, clock)
                    .statusCode()).isEqualTo(200);
            browser.clickAndWaitForPage(By.id("nav-billing"));
            browser.waitForText("Your paid invoices");
            assertThat(browser.find(By.id("invoices")).getText()).contains("$45.00", "Premium");
            assertThat(browser.driver().findElements(By.id("billing-older"))).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("subscriber-billing");
        }
    }
}
