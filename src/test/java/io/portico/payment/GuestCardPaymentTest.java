package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import io.portico.guest.MacAddress;
import io.portico.guest.Purchase;
import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.PorticoException;
import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.LoopbackParts;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guest buys a priced plan by card: Stripe's signed webhook, and only it, starts the plan, once,
 * whatever the order and number of deliveries; staff refund it; the guest gets a receipt by e-mail
 * in their language (through a real SMTP server).
 */
@PorticoIntegrationTest
class GuestCardPaymentTest {

    static final String SIGNING_SECRET = "whsec_guest_card_payments_0123456789";
    static GreenMail smtp = LoopbackParts.smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    OperatorSettingsService settings;
    @Autowired
    GuestCheckouts checkouts;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    final StripeFake stripe = StripeFake.shared();
    PortalWorld world;
    MacAddress device;

    @BeforeEach
    void setUp() {
        world = new PortalWorld(context, "Card Cafe " + Fixtures.unique(), GatewayKind.MIKROTIK);
        device = MacAddress.parse(String.format("02:00:00:%02x:%02x:%02x", (int) (Math.random() * 255),
                (int) (Math.random() * 255), (int) (Math.random() * 255)));
        connectStripe(true);
        settings.initialise(world.world.operator.id(), Section.NOTIFICATIONS,
                new Sections.Notifications(0, true, true, false, "", "wifi@cardcafe.example", true, ""), Map.of());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void connectStripe(boolean refunds) {
        settings.initialise(world.world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", refunds, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_cardcafe_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.world.operator.id();
    }

    /** The guest picks the day pass on the portal; returns the fake's session. */
    ObjectNode checkout(String locale, String email) {
        URI url = checkouts.start(new GuestCheckoutRequest(world.world.operator.id(), world.world.client.id(), world.hotspot.id(),
                device, world.dayPlan.id(), Optional.ofNullable(email), locale, "http://portal.example/paid?checkout={CHECKOUT_SESSION_ID}",
                "http://portal.example/"));
        String id = url.getPath().substring("/pay/".length());
        assertThat(url.toString()).startsWith(stripe.apiBase() + "/pay/cs_test_");
        return stripe.session(id);
    }

    HttpResponse<String> send(String type, ObjectNode session) {
        return stripe.deliver(webhookUrl(), stripe.event(type, session, clock.instant()), SIGNING_SECRET, clock);
    }

    JsonNode purchasesOverGuestApi() {
        return new Http(port).get("/v2/client/guests-guest-plans?" + world.world.auth()).json();
    }

    long stripePurchases() {
        return world.world.plans().purchasesStartedSince(world.world.client.id(), java.time.Instant.EPOCH,
                io.portico.guest.PlanState.ACTIVE).stream().filter(p -> "Stripe".equals(p.paymentGateway())).count()
                + world.world.plans().purchasesStartedSince(world.world.client.id(), java.time.Instant.EPOCH,
                io.portico.guest.PlanState.EXPIRED).stream().filter(p -> "Stripe".equals(p.paymentGateway())).count();
    }

    @Test
    void createsACheckoutSessionWithThePlansPriceAndTheGuestInItsMetadata() {
        ObjectNode session = checkout("en-us", null);

        Map<String, String> sent = stripe.sessionRequests().getLast();
        assertThat(sent).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "500")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][product_data][name]", "Day pass")
                .containsEntry("metadata[plan]", Long.toString(world.dayPlan.id()))
                .containsEntry("metadata[hotspot]", Long.toString(world.hotspot.id()))
                .containsEntry("metadata[mac]", device.value())
                .containsEntry("metadata[operator]", Long.toString(world.world.operator.id()))
                .containsKey("client_reference_id");
        assertThat(stripe.apiKeysSeen()).contains("sk_test_cardcafe_0123456789");
        assertThat(session.path("payment_status").asString()).isEqualTo("unpaid");
        assertThat(world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant())).isEmpty();
    }

    @Test
    void startsThePlanOnceWhenStripeConfirmsThePaymentAndListsItInTheGuestApi() {
        ObjectNode session = checkout("en-us", null);
        ObjectNode paid = stripe.pay(session.path("id").asString());
        String event = stripe.event("checkout.session.completed", paid, clock.instant());

        assertThat(stripe.deliver(webhookUrl(), event, SIGNING_SECRET, clock).statusCode()).isEqualTo(200);
        assertThat(stripe.deliver(webhookUrl(), event, SIGNING_SECRET, clock).body()).contains("\"duplicate\":true");
        // the same payment confirmed again by another event (the async one) grants nothing more
        assertThat(send("checkout.session.async_payment_succeeded", paid).statusCode()).isEqualTo(200);

        assertThat(stripePurchases()).isEqualTo(1);
        JsonNode listed = null;
        for (JsonNode p : purchasesOverGuestApi()) {
            if ("Stripe".equals(p.path("payment_gateway").asString())) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("gateway_transaction_id").asString()).isEqualTo(paid.path("payment_intent").asString());
        assertThat(world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1)))
                .map(a -> a.plan().id()).contains(world.dayPlan.id());
    }

    @Test
    void waitsForTheDelayedPaymentWhenTheSessionCompletesUnpaid() {
        ObjectNode session = checkout("en-us", null);
        ObjectNode unpaid = stripe.completeUnpaid(session.path("id").asString());

        send("checkout.session.completed", unpaid);
        assertThat(stripePurchases()).isZero();
        assertThat(checkouts.find(world.world.client.id(), session.path("id").asString()).orElseThrow().state())
                .isEqualTo(GuestCheckout.State.OPEN);

        send("checkout.session.async_payment_succeeded", stripe.pay(session.path("id").asString()));
        assertThat(stripePurchases()).isEqualTo(1);
    }

    @Test
    void aFailedDelayedPaymentStartsNothingAndALateSuccessEventCannotRevive() {
        ObjectNode session = checkout("en-us", null);
        ObjectNode unpaid = stripe.completeUnpaid(session.path("id").asString());

        send("checkout.session.async_payment_failed", unpaid);
        send("checkout.session.completed", unpaid);

        assertThat(stripePurchases()).isZero();
        assertThat(checkouts.find(world.world.client.id(), session.path("id").asString()).orElseThrow().state())
                .isEqualTo(GuestCheckout.State.FAILED);
    }

    @Test
    void ignoresAPaidEventWhoseAmountIsNotThePlansPrice() {
        ObjectNode paid = stripe.pay(checkout("en-us", null).path("id").asString());
        paid.put("amount_total", 1);

        assertThat(send("checkout.session.completed", paid).statusCode()).isEqualTo(200);
        assertThat(stripePurchases()).isZero();
    }

    @Test
    void aSecondPurchaseExtendsTheActivePlanFromItsEnd() {
        send("checkout.session.completed", stripe.pay(checkout("en-us", null).path("id").asString()));
        send("checkout.session.completed", stripe.pay(checkout("en-us", null).path("id").asString()));

        var purchases = world.world.plans().listPurchases(world.admin, world.world.client.id(),
                world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1))
                        .orElseThrow().purchase().guestId());
        assertThat(purchases).hasSize(2);
        Purchase later = purchases.get(0);
        Purchase first = purchases.get(1);
        assertThat(later.startsAt()).isEqualTo(first.expiresAt());
    }

    @Test
    void offersThePricedPlansOnlyWhileStripeIsConnected() {
        assertThat(checkouts.offers(world.world.operator.id(), world.world.client.id()))
                .extracting(GuestPlanOffer::name, o -> o.price().display()).contains(org.assertj.core.groups.Tuple.tuple("Day pass", "5.00 USD"));

        settings.initialise(world.world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, ""));

        assertThat(checkouts.offers(world.world.operator.id(), world.world.client.id())).isEmpty();
    }

    @Test
    void refundsThroughStripeEndsTheAccessAndRefusesASecondRefund() {
        ObjectNode paid = stripe.pay(checkout("en-us", null).path("id").asString());
        send("checkout.session.completed", paid);
        long purchaseId = checkouts.find(world.world.client.id(), paid.path("id").asString()).orElseThrow().purchaseId();
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        ConsoleSession console = ConsoleSession.login(new Http(port), admin, Fixtures.PASSWORD);

        Http.Response refunded = console.post("/preview/networkoperatorconsole/guests/refundGuestPlan",
                "ClientID", world.world.client.id(), "PurchaseID", purchaseId);
        Http.Response again = console.post("/preview/networkoperatorconsole/guests/refundGuestPlan",
                "ClientID", world.world.client.id(), "PurchaseID", purchaseId);

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().path("RefundID").asString()).startsWith("re_test_");
        assertThat(stripe.refundsOf(paid.path("payment_intent").asString())).hasSize(1)
                .first().satisfies(r -> assertThat(r.path("amount").asLong()).isEqualTo(500));
        assertThat(again.status()).isEqualTo(409);
        assertThat(world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1))).isEmpty();
        Http.Response log = console.post("/preview/networkoperatorconsole/equipment/listOperatorLog");
        assertThat(log.raw()).contains("refunded");
    }

    @Test
    void aRefundMadeInStripesDashboardEndsTheAccessOnceAndAPartialOneKeepsIt() {
        ObjectNode paid = stripe.pay(checkout("es-xl", "refund" + Fixtures.unique() + "@guest.example").path("id").asString());
        send("checkout.session.completed", paid);
        String intent = paid.path("payment_intent").asString();
        long purchaseId = checkouts.find(world.world.client.id(), paid.path("id").asString()).orElseThrow().purchaseId();

        ObjectNode partial = stripe.refundInDashboard(intent, 200L);
        assertThat(send("charge.refunded", partial).statusCode()).isEqualTo(200);
        assertThat(world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1)))
                .as("a partial refund keeps the access").isPresent();

        ObjectNode full = stripe.refundInDashboard(intent, 300L);
        assertThat(send("charge.refunded", full).statusCode()).isEqualTo(200);
        assertThat(send("charge.refunded", full).statusCode()).as("the same refund under another event id").isEqualTo(200);

        assertThat(world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1))).isEmpty();
        assertThat(checkouts.find(world.world.client.id(), paid.path("id").asString()).orElseThrow().state())
                .isEqualTo(GuestCheckout.State.REFUNDED);
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        ConsoleSession console = ConsoleSession.login(new Http(port), admin, Fixtures.PASSWORD);
        Http.Response log = console.post("/preview/networkoperatorconsole/equipment/listOperatorLog");
        assertThat(log.raw().split("Guest plan purchase " + purchaseId + " refunded", -1)).as("one log entry").hasSize(2);
        assertThat(console.post("/preview/networkoperatorconsole/guests/refundGuestPlan", "ClientID", world.world.client.id(),
                "PurchaseID", purchaseId).status()).as("already refunded").isEqualTo(409);
    }

    @Test
    void refusesRefundsWhenTheOperatorTurnedThemOff() {
        ObjectNode paid = stripe.pay(checkout("en-us", null).path("id").asString());
        send("checkout.session.completed", paid);
        long purchaseId = checkouts.find(world.world.client.id(), paid.path("id").asString()).orElseThrow().purchaseId();
        connectStripe(false);
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);

        Http.Response refused = ConsoleSession.login(new Http(port), admin, Fixtures.PASSWORD)
                .post("/preview/networkoperatorconsole/guests/refundGuestPlan", "ClientID", world.world.client.id(),
                        "PurchaseID", purchaseId);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asString()).contains("Stripe_allowrefund");
        assertThat(stripe.refundsOf(paid.path("payment_intent").asString())).isEmpty();
    }

    @Test
    void showsTestModeInTheConsole() {
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        Http.Response status = ConsoleSession.login(new Http(port), admin, Fixtures.PASSWORD)
                .post("/preview/networkoperatorconsole/equipment/listPaymentStatus");

        assertThat(status.json().path("StripeMode").asString()).isEqualTo("test");
        assertThat(status.raw()).doesNotContain("sk_test_cardcafe");
    }

    @Test
    void refusesAPlanWithoutPriceOrOfAnotherClient() {
        assertThatThrownBy(() -> checkouts.start(new GuestCheckoutRequest(world.world.operator.id(), world.world.client.id(),
                world.hotspot.id(), device, 987_654_321L, Optional.empty(), "en-us", "http://a.example/",
                "http://a.example/"))).isInstanceOf(PorticoException.class).hasMessageContaining("cannot be bought");
    }

    @Test
    void emailsAReceiptInTheGuestsLanguage() throws Exception {
        String email = "ana" + Fixtures.unique() + "@guest.example";
        ObjectNode paid = stripe.pay(checkout("es-xl", email).path("id").asString());
        send("checkout.session.completed", paid);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                java.util.Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> recipient(m).equals(email)));
        MimeMessage receipt = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(email))
                .findFirst().orElseThrow();
        assertThat(receipt.getSubject()).contains("recibo");
        assertThat(receipt.getHeader("Content-Language")[0]).isEqualTo("es-xl");
        assertThat(text(receipt.getContent())).contains("Gracias por su compra").contains("5.00 USD")
                .contains(paid.path("payment_intent").asString());
    }

    /** The decoded text of every part (the parts are quoted-printable on the wire). */
    static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
