package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import io.portico.subscription.PaidSignup;
import io.portico.subscription.SelfSignup;
import io.portico.subscription.SelfSignupRequest;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * Residents' priced plans billed as Stripe subscriptions, driven only by signed webhooks: the
 * checkout creates the subscription once, renewals extend it, a failed renewal ends it with the
 * paid period, events out of order lose nothing, and cancelling stops renewal at the period end.
 */
@PorticoIntegrationTest
class ResidentBillingTest {

    static final String SIGNING_SECRET = "whsec_test_residents_0123456789";

    @Autowired ApplicationContext context;
    @Autowired PaidSignup signups;
    @Autowired ResidentBilling billing;
    @Autowired SubscriptionService subscriptions;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();
    ResidentWorld world;
    ServicePlan premium;
    String token;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.SHOPPING_CART,
                new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_residents_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        premium = world.plan("Premium", true, Map.of("USD", 4500L));
        Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "Staff", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        token = context.getBean(SelfSignup.class).link(staff, world.venue.key(), false, "").token();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A resident prepares a paid sign-up for a new unit and pays on Stripe's page; the paid session. */
    private ObjectNode paidSession(String unit) {
        world.unit(unit);
        RequestOrigin origin = new RequestOrigin("192.0.2." + (1 + Math.abs(Fixtures.unique().hashCode()) % 250), "en-us", "test");
        PaidSignup.Checkout checkout = signups.prepare(new SelfSignupRequest(token, unit, "", premium.key(),
                "stripe-" + Fixtures.unique().toLowerCase() + "@example.com", "Ada", "Lovelace", "", "en-us", ResidentWorld.PASSWORD, true),
                origin);
        URI page = billing.checkout(checkout, URI.create("http://portal.example/ok"), URI.create("http://portal.example/cancel"));
        String sessionId = page.getPath().substring("/pay/".length());
        return stripe.pay(sessionId);
    }

    private int deliver(String type, ObjectNode object) {
        return deliverEvent(stripe.event(type, object, clock.instant()));
    }

    private int deliverEvent(String event) {
        return stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.operator.id(), event, SIGNING_SECRET, clock)
                .statusCode();
    }

    private long subscriptionsOf(ObjectNode session) {
        return jdbc.sql("select count(*) from subscription s join subscriber r on r.id = s.subscriber_id where r.email = ?")
                .params(session.path("customer_email").asString()).query(Long.class).single();
    }

    private Instant endOf(ObjectNode session) {
        long id = jdbc.sql("select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email = ?")
                .params(session.path("customer_email").asString()).query(Long.class).single();
        return subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt();
    }

    @Test
    void theCheckoutIsASubscriptionWithThePlansPriceAndCycleAndItsWebhookCreatesTheSubscriptionOnce() {
        ObjectNode session = paidSession("801");
        Map<String, String> sent = stripe.sessionRequests().stream()
                .filter(r -> session.path("id").asString().equals(r.get("$id"))).findFirst().orElseThrow();
        assertThat(sent).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "4500")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("line_items[0][price_data][recurring][interval_count]", "1")
                .doesNotContainKey("subscription_data[trial_period_days]");
        assertThat(subscriptionsOf(session)).isZero();

        String event = stripe.event("checkout.session.completed", session, clock.instant());
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);

        assertThat(subscriptionsOf(session)).isEqualTo(1);
        assertThat(endOf(session)).isCloseTo(clock.instant().plus(Duration.ofMinutes(Math.round(730.5 * 60))), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aPaidRenewalExtendsTheSubscriptionAndAFailedOneEndsItWithThePaidPeriod() {
        ObjectNode session = paidSession("802");
        deliver("checkout.session.completed", session);
        String sub = session.path("subscription").asString();
        Instant periodEnd = clock.instant().plus(Duration.ofDays(61)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(deliver("invoice.paid", stripe.invoice(sub, "paid", clock.instant().plus(Duration.ofDays(30)), periodEnd))).isEqualTo(200);
        assertThat(endOf(session)).isEqualTo(periodEnd.plus(ResidentBilling.RENEWAL_GRACE));

        Instant nextEnd = periodEnd.plus(Duration.ofDays(30));
        assertThat(deliver("invoice.payment_failed", stripe.invoice(sub, "open", periodEnd, nextEnd))).isEqualTo(200);
        assertThat(endOf(session)).isEqualTo(periodEnd);
    }

    @Test
    void anInvoicePaidBeforeTheCheckoutCompletedIsKeptAndNothingIsCreatedTwice() {
        ObjectNode session = paidSession("803");
        String sub = session.path("subscription").asString();
        Instant periodEnd = clock.instant().plus(Duration.ofDays(31)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(deliver("invoice.paid", stripe.invoice(sub, "paid", clock.instant(), periodEnd))).isEqualTo(200);
        assertThat(subscriptionsOf(session)).isZero();
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);

        assertThat(subscriptionsOf(session)).isEqualTo(1);
        assertThat(endOf(session)).isEqualTo(periodEnd.plus(ResidentBilling.RENEWAL_GRACE));
    }

    @Test
    void cancellingAtThePeriodEndTellsStripeAndEndsTheSubscriptionThere() {
        ObjectNode session = paidSession("804");
        deliver("checkout.session.completed", session);
        String sub = session.path("subscription").asString();
        long subscriptionId = jdbc.sql("select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email = ?")
                .params(session.path("customer_email").asString()).query(Long.class).single();
        assertThat(billing.renewsOnline(world.operator.id(), subscriptionId)).isTrue();

        Instant end = billing.cancelAtPeriodEnd(world.operator.id(), subscriptionId);

        assertThat(stripe.subscription(sub).path("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(end).isEqualTo(Instant.ofEpochSecond(stripe.subscription(sub).path("items").path("data").path(0)
                .path("current_period_end").asLong()));
        assertThat(endOf(session)).isEqualTo(end);
        assertThat(billing.renewsOnline(world.operator.id(), subscriptionId)).isFalse();
    }

    @Test
    void billingCyclesBecomeStripeIntervals() {
        assertThat(StripeRecurring.of(730.5)).isEqualTo(new StripeRecurring(
                com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH, 1));
        assertThat(StripeRecurring.of(8766).count()).isEqualTo(1);
        assertThat(StripeRecurring.of(336).interval().getValue()).isEqualTo("week");
        assertThat(StripeRecurring.of(48).count()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StripeRecurring.of(5))
                .isInstanceOf(io.portico.platform.PorticoException.class);
    }
}
