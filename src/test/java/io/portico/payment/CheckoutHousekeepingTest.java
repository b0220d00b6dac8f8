package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.guest.Guest;
import io.portico.guest.MacAddress;
import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.GuestCheckout.State;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.payment.paypal.PayPalAccounts;
import io.portico.platform.PorticoException;
import io.portico.support.Fixtures;
import io.portico.support.PayPalFake;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkouts nobody pays are expired by the housekeeping task after portico.payment.checkout-expiry
 * (30 minutes): a Stripe session is expired at Stripe too, a PayPal order is no longer captured.
 * Money taken still gives access: a paid webhook that comes after the expiry grants the plan.
 */
@PorticoIntegrationTest
class CheckoutHousekeepingTest {

    static final String SIGNING_SECRET = "whsec_housekeeping_0123456789";

    @Autowired ApplicationContext context;
    @Autowired OperatorSettingsService settings;
    @Autowired GuestCheckouts checkouts;
    @Autowired PayPalCheckout paypal;
    @Autowired PayPalAccounts paypalAccounts;
    @Autowired PayPalOrderRepository orders;
    @Autowired CheckoutHousekeeping housekeeping;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();
    final PayPalFake paypalFake = PayPalFake.shared();
    PortalWorld world;
    MacAddress device;
    Guest guest;

    @BeforeEach
    void connectBothProviders() {
        world = new PortalWorld(context, "Housekeeping " + Fixtures.unique(), GatewayKind.MIKROTIK);
        long operatorId = world.world.operator.id();
        settings.initialise(operatorId, Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_housekeeping_0123456789", SecretName.STRIPE_SIGNING_SECRET,
                        SIGNING_SECRET));
        String clientId = "AYhouse" + Fixtures.unique();
        String webhookId = "WH" + Fixtures.unique().toUpperCase().replaceAll("[^A-Z0-9]", "");
        paypalFake.register(clientId, "secret-" + clientId, webhookId);
        settings.initialise(operatorId, Section.PAYPAL, new Sections.PayPal(true, true), Map.of(SecretName.PAYPAL_CLIENT_ID, clientId,
                SecretName.PAYPAL_CLIENT_SECRET, "secret-" + clientId, SecretName.PAYPAL_WEBHOOK_ID, webhookId));
        String suffix = Fixtures.unique().replaceAll("[^0-9a-f]", "c");
        device = MacAddress.parse("02:00:00:" + suffix.substring(0, 2) + ":" + suffix.substring(2, 4) + ":31");
        guest = world.world.guests().findOrCreate(world.world.client.id(), device);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String cardCheckout() {
        URI pay = checkouts.start(new GuestCheckoutRequest(world.world.operator.id(), world.world.client.id(), world.hotspot.id(),
                device, world.dayPlan.id(), Optional.empty(), "en-us", "http://portal.example/paid", "http://portal.example/"));
        return pay.getPath().substring("/pay/".length());
    }

    private String paypalOrder() {
        URI approve = paypal.startGuestOrder(world.world.client.id(), guest.id(), world.dayPlan.id(),
                URI.create("http://portal.example/return"), URI.create("http://portal.example/cancel"));
        return approve.getQuery().replace("token=", "");
    }

    private State cardState(String sessionId) {
        return checkouts.find(world.world.client.id(), sessionId).orElseThrow().state();
    }

    private String orderStatus(String orderId) {
        return paypal.order(world.world.client.id(), orderId).orElseThrow().status();
    }

    private long purchases() {
        return jdbc.sql("select count(*) from guest_plan_purchase where guest_id = ?").params(guest.id()).query(Long.class).single();
    }

    @Test
    void theRecurringTaskIsScheduledInTheDatabase() {
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'payment-checkout-expiry'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unpaidCheckoutsExpireAfterTheExpiryTimeAndOnlyThen() {
        String session = cardCheckout();
        String order = paypalOrder();

        clock.advance(Duration.ofMinutes(29));
        housekeeping.expireStale();
        assertThat(cardState(session)).isEqualTo(State.OPEN);
        assertThat(orderStatus(order)).isEqualTo("CREATED");

        clock.advance(Duration.ofMinutes(2));
        housekeeping.expireStale();

        assertThat(cardState(session)).isEqualTo(State.EXPIRED);
        assertThat(stripe.session(session).path("status").asString()).as("expired at Stripe too").isEqualTo("expired");
        assertThat(orderStatus(order)).isEqualTo("EXPIRED");
        paypalFake.approve(order);
        assertThatThrownBy(() -> paypal.buyerReturned(world.world.client.id(), order)).isInstanceOf(PorticoException.class)
                .hasMessageContaining("nothing was charged");
        assertThat(paypalFake.order(order).captureId()).as("an expired order is never captured").isNull();
        assertThat(purchases()).isZero();
    }

    @Test
    void aLateStripeWebhookForAnExpiredButPaidCheckoutStillGrantsThePlan() {
        String session = cardCheckout();
        ObjectNode paid = stripe.pay(session);
        clock.advance(Duration.ofMinutes(31));

        housekeeping.expireStale();
        assertThat(cardState(session)).as("Stripe refused to expire a paid session; Portico gave up on it").isEqualTo(State.EXPIRED);

        var delivered = stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.world.operator.id(),
                stripe.event("checkout.session.completed", paid, clock.instant()), SIGNING_SECRET, clock);

        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(cardState(session)).isEqualTo(State.PAID);
        assertThat(purchases()).isEqualTo(1);
    }

    @Test
    void aLatePayPalCaptureForAnExpiredOrderStillGrantsThePlan() {
        String order = paypalOrder();
        paypalFake.approve(order);
        clock.advance(Duration.ofMinutes(31));
        housekeeping.expireStale();
        assertThat(orderStatus(order)).isEqualTo("EXPIRED");

        // The guest's return captured at PayPal while the task expired the order (the two raced): the money is taken.
        String captureId = paypalAccounts.account(world.world.operator.id()).orElseThrow().api().capture(order).captureId();
        clock.reset();
        int delivered = paypalFake.deliver("http://127.0.0.1:" + port + "/payments/paypal/webhook/" + world.world.operator.id(),
                paypalFake.captureCompletedEvent(captureId));

        assertThat(delivered).isEqualTo(200);
        assertThat(orderStatus(order)).isEqualTo("COMPLETED");
        assertThat(purchases()).isEqualTo(1);
    }
}
