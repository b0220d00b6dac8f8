package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.SelfSignup;
import io.portico.support.Fixtures;
import io.portico.support.FormClient;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resident signs up for a paid plan through the real pages: Portico sends them to Stripe
 * Checkout, the return page waits until the signed webhook has created the subscription, then the
 * resident is signed in and sees their WiFi key.
 */
@PorticoIntegrationTest
class PaidSelfSignupTest {

    static final String SIGNING_SECRET = "whsec_test_paid_signup_0123456789";

    @Autowired ApplicationContext context;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();
    ResidentWorld world;
    ServicePlan premium;
    String path;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.SHOPPING_CART,
                new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_paid_signup_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        premium = world.plan("Premium", true, Map.of("USD", 4500L));
        Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "Staff", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        path = "/subscriber/signup/" + context.getBean(SelfSignup.class).link(staff, world.venue.key(), false, "").token();
    }

    @Test
    void aResidentPaysOnStripeAndIsSignedInOnceTheSignedWebhookHasCome() {
        world.unit("901");
        String email = "paying-" + Fixtures.unique().toLowerCase() + "@example.com";
        FormClient browser = new FormClient(new Http(port));
        Http.Response form = browser.get(path);
        assertThat(form.raw()).contains("USD 45.00 per billing cycle, paid by card.");
        assertThat(form.header("Content-Security-Policy")).as("Chromium would block the redirect to Stripe Checkout")
                .contains("default-src 'none'").doesNotContain("form-action");

        Http.Response sent = browser.post(path, "unit", "901", "plan", premium.key(), "givenName", "Lena", "familyName", "Rivera",
                "email", email, "password", ResidentWorld.PASSWORD, "terms", "accepted");
        assertThat(sent.status()).as(sent.raw()).isEqualTo(302);
        URI pay = URI.create(sent.header("Location"));
        assertThat(pay.toString()).startsWith(stripe.apiBase() + "/pay/cs_test_");

        ObjectNode session = stripe.pay(pay.getPath().substring("/pay/".length()));
        String back = URI.create(session.path("success_url").asString()).getPath();
        Http.Response waiting = browser.get(back);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.raw()).contains("waiting for the payment provider to confirm");
        assertThat(waiting.header("Refresh")).isEqualTo("3");
        assertThat(waiting.raw()).contains("<a href=\"" + back + "\" id=\"check-again\">Check again</a>").doesNotContain("http-equiv");
        assertThat(new FormClient(new Http(port)).get(back).status()).isEqualTo(404);

        String event = stripe.event("checkout.session.completed", session, clock.instant());
        assertThat(stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.operator.id(), event,
                SIGNING_SECRET, clock).statusCode()).isEqualTo(200);

        Http.Response done = browser.get(back);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/subscriber/wifi");
        assertThat(browser.get("/subscriber/wifi").raw()).contains(email, "Harbor Lofts · 901", "Your WiFi key", "class=\"psk\"");
        Http.Response plan = browser.get("/subscriber/plan");
        assertThat(plan.raw()).contains("Premium");

        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=\"plan-(\\d+)\"").matcher(plan.raw());
        assertThat(id.find()).isTrue();
        Http.Response cancelled = browser.post("/subscriber/plan/cancel", "subscriptionId", id.group(1));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(302);
        assertThat(stripe.subscription(session.path("subscription").asString()).path("cancel_at_period_end").asBoolean()).isTrue();
    }
}
