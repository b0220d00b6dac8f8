package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.ServicePlan;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.Subscription;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.SubscriptionService;
import io.portico.support.LoopbackParts;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resident changes plan on My plan and pays through Stripe (stripe-java against the loopback
 * fake, signed webhooks): free to paid through Checkout, paid to paid by updating the Stripe
 * subscription's price, paid to free at the period end; the plan changes only when Stripe's
 * webhook confirms it, once, whatever the duplicates and the order. Each paid invoice is kept
 * once, listed on Billing and e-mailed as a receipt in the resident's language (GreenMail).
 */
@PorticoIntegrationTest
class ResidentPlanChangeTest {

    static final String SIGNING_SECRET = "whsec_test_plan_changes_0123456789";
    static GreenMail smtp = LoopbackParts.smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired ApplicationContext context;
    @Autowired ResidentPlanChanges changes;
    @Autowired ResidentBilling billing;
    @Autowired ResidentInvoices invoices;
    @Autowired SubscriptionService subscriptions;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();
    ResidentWorld world;
    ServicePlan premium;
    ServicePlan plus;
    ServicePlan max;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.SHOPPING_CART,
                new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_plan_changes_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        premium = world.plan("Premium", true, Map.of("USD", 4500L));
        plus = world.plan("Premium Plus", true, Map.of("USD", 6500L));
        max = world.plan("Max", true, Map.of("USD", 9900L));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A resident on the free plan: their console principal and subscription. */
    private record Resident(SubscriberPrincipal principal, long subscriptionId) {
    }

    private Resident resident(String locale) {
        String email = world.resident(locale);
        long subscriberId = jdbc.sql("select id from subscriber where operator_id = ? and email = ?").params(world.operator.id(), email)
                .query(Long.class).single();
        long subscriptionId = jdbc.sql("select id from subscription where subscriber_id = ?").param(subscriberId).query(Long.class).single();
        return new Resident(new SubscriberPrincipal(world.operator.id(), subscriberId, email, RequestOrigin.SYSTEM), subscriptionId);
    }

    private ResidentPlanChanges.Result request(Resident r, ServicePlan plan) {
        return changes.request(r.principal(), r.subscriptionId(), plan.key(), URI.create("http://portico.example/subscriber/plan?done=paying"),
                URI.create("http://portico.example/subscriber/plan"));
    }

    /** The resident asks for Premium and pays on the fake Checkout page; the paid session (no webhook yet). */
    private ObjectNode paidCheckout(Resident r) {
        ResidentPlanChanges.Result result = request(r, premium);
        assertThat(result.outcome()).isEqualTo(ResidentPlanChanges.Outcome.CHECKOUT);
        return stripe.pay(result.checkoutUrl().getPath().substring("/pay/".length()));
    }

    /** A resident billed by Stripe on Premium (checkout completed); the Stripe subscription id. */
    private String billedOnPremium(Resident r) {
        ObjectNode session = paidCheckout(r);
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);
        return session.path("subscription").asString();
    }

    private int deliver(String type, ObjectNode object) {
        return deliverEvent(stripe.event(type, object, clock.instant()));
    }

    private int deliverEvent(String event) {
        return stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.operator.id(), event, SIGNING_SECRET, clock)
                .statusCode();
    }

    private Subscription subscription(Resident r) {
        return subscriptions.findSubscription(world.operator.id(), r.subscriptionId()).orElseThrow();
    }

    private long planUpdates(Resident r) {
        return jdbc.sql("select count(*) from webhook_delivery where operator_id = ? and event_type = 'SubscriptionPlanUpdated' and ordering_key = ?")
                .params(world.operator.id(), "subscription:" + r.subscriptionId()).query(Long.class).single();
    }

    @Test
    void aFreeResidentPaysThroughCheckoutAndThePlanChangesOnceWhenStripeConfirms() {
        Resident r = resident("en-us");
        ObjectNode session = paidCheckout(r);
        Map<String, String> sent = stripe.sessionRequests().stream().filter(q -> session.path("id").asString().equals(q.get("$id")))
                .findFirst().orElseThrow();
        assertThat(sent).containsEntry("mode", "subscription").containsEntry("line_items[0][price_data][unit_amount]", "4500")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("customer_email", r.principal().email()).containsKey("metadata[portico_plan_change]")
                .containsKey("subscription_data[metadata][portico_plan_change]").containsKey("expires_at");
        assertThat(subscription(r).planId()).as("paying alone changes nothing").isEqualTo(world.plan.id());
        assertThat(changes.pending(r.principal(), r.subscriptionId())).hasValueSatisfying(p -> assertThat(p.planName()).isEqualTo("Premium"));

        String event = stripe.event("checkout.session.completed", session, clock.instant());
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);

        assertThat(subscription(r).planId()).isEqualTo(premium.id());
        assertThat(planUpdates(r)).isEqualTo(1);
        assertThat(subscription(r).endsAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(Math.round(730.5 * 60))),
                within(1, ChronoUnit.MINUTES));
        assertThat(billing.renewsOnline(world.operator.id(), r.subscriptionId())).isTrue();
        assertThat(changes.pending(r.principal(), r.subscriptionId())).isEmpty();
        assertThat(jdbc.sql("select count(*) from operator_log where operator_id = ? and function_name = '/resident/changeServicePlan'")
                .param(world.operator.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aResidentWhoOpenedTwoCheckoutsAndPaysTheOlderOneGetsThePlanItPaidFor() {
        Resident r = resident("en-us");
        ResidentPlanChanges.Result older = request(r, plus);
        ResidentPlanChanges.Result newer = request(r, premium);
        assertThat(changes.pending(r.principal(), r.subscriptionId())).hasValueSatisfying(p -> assertThat(p.planName()).isEqualTo("Premium"));

        ObjectNode paid = stripe.pay(older.checkoutUrl().getPath().substring("/pay/".length()));
        assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);
        assertThat(deliver("checkout.session.completed", paid)).isEqualTo(200);

        assertThat(subscription(r).planId()).isEqualTo(plus.id());
        assertThat(planUpdates(r)).isEqualTo(1);
        assertThat(changes.pending(r.principal(), r.subscriptionId())).as("the unpaid newer checkout is dropped").isEmpty();
        assertThat(newer.outcome()).isEqualTo(ResidentPlanChanges.Outcome.CHECKOUT);
    }

    @Test
    void aBilledResidentsPriceChangesAtStripeAndTheLatestConfirmedChangeWinsWhateverTheEventOrder() {
        Resident r = resident("en-us");
        String sub = billedOnPremium(r);

        assertThat(request(r, plus).outcome()).isEqualTo(ResidentPlanChanges.Outcome.PENDING);
        ObjectNode toPlus = stripe.subscription(sub);
        assertThat(toPlus.path("items").path("data").path(0).path("price").path("unit_amount").asLong()).isEqualTo(6500);
        Map<String, String> update = stripe.subscriptionUpdates().getLast();
        assertThat(update).containsKeys("items[0][id]", "items[0][price]", "metadata[portico_plan_change]")
                .as("Stripe's default proration").doesNotContainKey("proration_behavior");
        assertThat(subscription(r).planId()).as("nothing changes before Stripe confirms").isEqualTo(premium.id());

        assertThat(request(r, max).outcome()).isEqualTo(ResidentPlanChanges.Outcome.PENDING);
        ObjectNode toMax = stripe.subscription(sub);

        String maxEvent = stripe.event("customer.subscription.updated", toMax, clock.instant());
        assertThat(deliverEvent(maxEvent)).isEqualTo(200);
        assertThat(subscription(r).planId()).isEqualTo(max.id());
        // the older change's event arrives late, and the newer one again under another event id
        assertThat(deliver("customer.subscription.updated", toPlus)).isEqualTo(200);
        assertThat(deliverEvent(maxEvent)).isEqualTo(200);
        assertThat(deliver("customer.subscription.updated", toMax)).isEqualTo(200);

        assertThat(subscription(r).planId()).isEqualTo(max.id());
        assertThat(planUpdates(r)).as("free -> Premium, Premium -> Max").isEqualTo(2);
    }

    @Test
    void aPaidResidentMovingToAFreePlanStopsRenewingAndMovesWhenStripeEndsTheSubscription() {
        Resident r = resident("en-us");
        String sub = billedOnPremium(r);
        Instant paidEnd = subscription(r).endsAt();

        assertThat(request(r, world.plan).outcome()).isEqualTo(ResidentPlanChanges.Outcome.AT_PERIOD_END);
        assertThat(stripe.subscription(sub).path("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(subscription(r).planId()).isEqualTo(premium.id());
        assertThat(subscription(r).endsAt()).as("the paid period is kept").isEqualTo(paidEnd);
        assertThat(changes.pending(r.principal(), r.subscriptionId())).hasValueSatisfying(p -> {
            assertThat(p.planName()).isEqualTo("Resident");
            assertThat(p.atPeriodEnd()).isTrue();
        });
        assertThat(billing.stopsRenewing(world.operator.id(), r.subscriptionId())).isTrue();

        ObjectNode ended = stripe.endSubscription(sub);
        String event = stripe.event("customer.subscription.deleted", ended, clock.instant());
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliverEvent(event)).isEqualTo(200);
        assertThat(deliver("customer.subscription.deleted", ended)).isEqualTo(200);

        assertThat(subscription(r).planId()).isEqualTo(world.plan.id());
        assertThat(subscription(r).endsAt()).as("a free plan runs on").isNull();
        assertThat(planUpdates(r)).isEqualTo(2);
        assertThat(billing.renewsOnline(world.operator.id(), r.subscriptionId())).isFalse();
        assertThat(changes.pending(r.principal(), r.subscriptionId())).isEmpty();

        // paying again later starts a new Stripe subscription through Checkout
        assertThat(request(r, premium).outcome()).isEqualTo(ResidentPlanChanges.Outcome.CHECKOUT);
    }

    @Test
    void eachPaidInvoiceIsKeptOnceAndEmailedAsAReceiptInTheResidentsLanguageEvenWhenItCameBeforeTheCheckout() throws Exception {
        Resident r = resident("es-xl");
        ObjectNode session = paidCheckout(r);
        String sub = session.path("subscription").asString();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode invoice = stripe.invoice(sub, "paid", start, start.plus(Duration.ofDays(30)));
        String invoiceEvent = stripe.event("invoice.paid", invoice, clock.instant());

        assertThat(deliverEvent(invoiceEvent)).as("the invoice before checkout.session.completed").isEqualTo(200);
        assertThat(invoices.page(r.principal(), 0).invoices()).isEmpty();
        assertThat(deliver("checkout.session.completed", session)).isEqualTo(200);
        assertThat(deliverEvent(invoiceEvent)).isEqualTo(200);
        assertThat(deliver("invoice.paid", invoice)).isEqualTo(200);

        ResidentInvoices.InvoicePage page = invoices.page(r.principal(), 0);
        assertThat(page.invoices()).singleElement().satisfies(i -> {
            assertThat(i.amount()).isEqualTo(new Money(4500, "USD"));
            assertThat(i.planName()).isEqualTo("Premium");
            assertThat(i.periodStart()).isEqualTo(start);
            assertThat(i.reference()).isEqualTo(invoice.path("id").asString());
        });

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receipts(r).length > 0);
        MimeMessage receipt = receipts(r)[0];
        assertThat(receipt.getSubject()).startsWith("Su recibo de WiFi de ");
        assertThat(GuestCardPaymentTest.text(receipt.getContent())).contains("Gracias por su pago", "Premium: 45,00\u00a0US$",
                invoice.path("id").asString(), start.toString().substring(0, 10));
        assertThat(jdbc.sql("select count(*) from email_outbox where recipient = ? and kind = 'ResidentReceipt'").param(r.principal().email()).query(Long.class).single())
                .as("one receipt for the invoice, whatever the duplicates").isEqualTo(1);
    }

    @Test
    void theBillingListPagesTheResidentsOwnInvoicesOnly() {
        Resident r = resident("en-us");
        String sub = billedOnPremium(r);
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < ResidentInvoices.PAGE_SIZE + 1; i++) {
            Instant from = start.plus(Duration.ofDays(30L * i));
            assertThat(deliver("invoice.paid", stripe.invoice(sub, "paid", from, from.plus(Duration.ofDays(30))))).isEqualTo(200);
        }
        ResidentInvoices.InvoicePage first = invoices.page(r.principal(), 0);
        assertThat(first.invoices()).hasSize(ResidentInvoices.PAGE_SIZE);
        assertThat(first.hasOlder()).isTrue();
        assertThat(first.invoices().getFirst().periodStart()).as("newest first").isEqualTo(start.plus(Duration.ofDays(300)));
        ResidentInvoices.InvoicePage second = invoices.page(r.principal(), 1);
        assertThat(second.invoices()).singleElement().satisfies(i -> assertThat(i.periodStart()).isEqualTo(start));
        assertThat(second.hasOlder()).isFalse();

        Resident neighbour = resident("en-us");
        assertThat(invoices.page(neighbour.principal(), 0).invoices()).isEmpty();
        ResidentWorld elsewhere = new ResidentWorld(context);
        assertThat(invoices.page(new SubscriberPrincipal(elsewhere.operator.id(), r.principal().subscriberId(), r.principal().email(),
                RequestOrigin.SYSTEM), 0).invoices()).as("another operator's console never sees them").isEmpty();
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private MimeMessage[] receipts(Resident r) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> GuestCardPaymentTest.recipient(m).equals(r.principal().email()))
                .filter(m -> subject(m).contains("recibo") || subject(m).contains("receipt"))
                .toArray(MimeMessage[]::new);
    }
}
