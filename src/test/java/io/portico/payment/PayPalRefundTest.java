package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.Purchase;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PayPalFake;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/**
 * Staff refund a guest's PayPal purchase from the console as they refund a card one: PayPal's
 * Payments v2 refunds the capture, the plan is revoked (GuestPlanRevoked, on which RADIUS sends the
 * Disconnect-Request: RadiusDomainTest),
 * the operator log and GuestPlanRefunded follow and the guest gets the refund e-mail in their
 * language. PayPal's PAYMENT.CAPTURE.REFUNDED does the same for a refund made on PayPal's site,
 * once, and nothing for Portico's own refund or a partial one.
 */
@PorticoIntegrationTest
class PayPalRefundTest {

    @Autowired ApplicationContext context;
    @Autowired PayPalCheckout paypal;
    @Autowired PayPalOrderRepository orders;
    @Autowired OperatorSettingsService settings;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final PayPalFake fake = PayPalFake.shared();
    GuestWorld world;
    GuestPlan plan;
    Guest guest;
    String email;

    @BeforeEach
    void connectPayPal() {
        world = new GuestWorld(context, "PayPal Refunds " + Fixtures.unique());
        String clientId = "AYrefund" + Fixtures.unique();
        String webhookId = "WH" + Fixtures.unique().toUpperCase().replaceAll("[^A-Z0-9]", "");
        fake.register(clientId, "paypal-secret-" + clientId, webhookId);
        settings.initialise(world.operator.id(), Section.PAYPAL, new Sections.PayPal(true, true),
                Map.of(SecretName.PAYPAL_CLIENT_ID, clientId, SecretName.PAYPAL_CLIENT_SECRET, "paypal-secret-" + clientId,
                        SecretName.PAYPAL_WEBHOOK_ID, webhookId));
        allowRefunds(true);
        context.getBean(io.portico.webhook.WebhookService.class).configure(world.operator.id(), "https://hooks.example/portico", null);
        settings.initialise(world.operator.id(), Section.NOTIFICATIONS,
                new Sections.Notifications(0, true, true, false, "", "wifi@refunds.example", true, ""), Map.of());
        plan = world.plans().addGuestPlan(new GuestPlan(0, world.client.id(),
                world.plan("Base", Duration.ofHours(1)).sessionProfileId(), "Pase de día", Duration.ofDays(1), 799, "USD",
                java.time.Instant.EPOCH));
        guest = world.guest("02:00:00:" + Fixtures.unique().substring(0, 2).replaceAll("[^0-9a-f]", "b") + ":20:01",
                GuestWorld.profile("pp@example.com", "Pat", "Payer", "test"));
        email = "ana" + Fixtures.unique() + "@guest.example";
    }

    private void allowRefunds(boolean allowed) {
        settings.initialise(world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", allowed, -1, -1),
                Map.of());
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/payments/paypal/webhook/" + world.operator.id();
    }

    /** A guest bought the plan with PayPal (Spanish portal, e-mail left): order, approval, capture, verified webhook. */
    private Purchase paidPurchase() {
        URI approve = paypal.startGuestOrder(world.client.id(), guest.id(), plan.id(), URI.create("http://portal.example/return"),
                URI.create("http://portal.example/cancel"), Optional.of(email), "es-xl");
        String orderId = approve.getQuery().replace("token=", "");
        fake.approve(orderId);
        String captureId = paypal.buyerReturned(world.client.id(), orderId).orElseThrow().captureId();
        assertThat(fake.deliver(webhookUrl(), fake.captureCompletedEvent(captureId))).isEqualTo(200);
        Purchase purchase = world.plans().activePlanForDevice(world.client.id(), guest.macAddress(), clock.instant().plusSeconds(1))
                .orElseThrow().purchase();
        assertThat(purchase.transactionId()).isEqualTo(captureId);
        return purchase;
    }

    private ConsoleSession console() {
        return ConsoleSession.login(new Http(port), fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS), Fixtures.PASSWORD);
    }

    private Http.Response refund(ConsoleSession console, long purchaseId) {
        return console.post("/preview/networkoperatorconsole/guests/refundGuestPlan", "ClientID", world.client.id(),
                "PurchaseID", purchaseId);
    }

    private boolean revoked(long purchaseId) {
        return world.plans().findPurchase(world.client.id(), purchaseId).orElseThrow().revokedAt() != null;
    }

    private long refundLogEntries(long purchaseId) {
        return jdbc.sql("select count(*) from operator_log where operator_id = ? and event_json like ?")
                .params(world.operator.id(), "%Guest plan purchase " + purchaseId + " refunded%").query(Long.class).single();
    }

    /** GuestPlanRefunded webhooks queued for the purchase (with "Paypal" as its gateway). */
    private long refundWebhooks(long purchaseId) {
        return jdbc.sql("select count(*) from webhook_delivery where operator_id = ? and event_type = 'GuestPlanRefunded' "
                        + "and payload_json like ? and payload_json like '%Paypal%'")
                .params(world.operator.id(), "%\"PurchaseID\":" + purchaseId + "%").query(Long.class).single();
    }

    private long refundEmails(String subjectPart) {
        return jdbc.sql("select count(*) from email_outbox where recipient = ? and kind = 'GuestRefund' and locale = 'es-xl' and subject like ?")
                .params(email, "%" + subjectPart + "%").query(Long.class).single();
    }

    private long receiptEmails() {
        return jdbc.sql("select count(*) from email_outbox where recipient = ? and kind = 'GuestReceipt' and locale = 'es-xl'"
                        + " and subject like '%recibo%' and text_body like '%7.99 USD%'")
                .params(email).query(Long.class).single();
    }

    @Test
    void aPayPalPurchaseIsReceiptedOnceInTheGuestsLanguage() {
        Purchase purchase = paidPurchase();
        assertThat(receiptEmails()).isEqualTo(1);

        // PayPal delivers the same capture again (a retry under a new event id): no second receipt.
        assertThat(fake.deliver(webhookUrl(), fake.captureCompletedEvent(purchase.transactionId()))).isEqualTo(200);
        assertThat(receiptEmails()).isEqualTo(1);
    }

    @Test
    void staffRefundAPayPalPurchaseThroughPayPalAndTheAccessEnds() {
        Purchase purchase = paidPurchase();
        ConsoleSession console = console();

        Http.Response refunded = refund(console, purchase.id());
        Http.Response again = refund(console, purchase.id());

        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.json().path("PaymentGateway").asString()).isEqualTo("Paypal");
        assertThat(refunded.json().path("TransactionID").asString()).isEqualTo(purchase.transactionId());
        assertThat(refunded.json().path("AmountMinorUnits").asLong()).isEqualTo(799);
        assertThat(fake.refunds()).filteredOn(r -> r.captureId().equals(purchase.transactionId())).singleElement().satisfies(r -> {
            assertThat(r.body()).as("a full refund sends no amount").isEqualTo("{}");
            assertThat(r.value()).isEqualTo("7.99");
            assertThat(r.id()).isEqualTo(refunded.json().path("RefundID").asString());
        });
        assertThat(again.status()).isEqualTo(409);
        assertThat(revoked(purchase.id())).isTrue();
        assertThat(refundWebhooks(purchase.id())).isEqualTo(1);
        assertThat(refundLogEntries(purchase.id())).isEqualTo(1);
        assertThat(refundEmails("reembolso")).isEqualTo(1);

        // PayPal then tells the webhook about the refund Portico made: nothing happens twice.
        String refundId = refunded.json().path("RefundID").asString();
        assertThat(fake.deliver(webhookUrl(), fake.captureRefundedEvent(refundId))).isEqualTo(200);
        assertThat(refundLogEntries(purchase.id())).isEqualTo(1);
        assertThat(refundEmails("reembolso")).isEqualTo(1);
        assertThat(refundWebhooks(purchase.id())).isEqualTo(1);
    }

    @Test
    void refusesWhenTheOperatorTurnedRefundsOff() {
        Purchase purchase = paidPurchase();
        allowRefunds(false);

        Http.Response refused = refund(console(), purchase.id());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(fake.refunds()).noneMatch(r -> r.captureId().equals(purchase.transactionId()));
        assertThat(revoked(purchase.id())).isFalse();
    }

    @Test
    void aRefundMadeOnPayPalsSiteEndsTheAccessOnceItsWebhookIsVerified() {
        Purchase purchase = paidPurchase();
        PayPalFake.Refund refund = fake.refundOnPayPalSite(purchase.transactionId(), null);
        String event = fake.captureRefundedEvent(refund.id());

        assertThat(fake.deliver(webhookUrl(), event.replace("\"7.99\"", "\"0.99\""), event)).as("tampered").isEqualTo(400);
        assertThat(revoked(purchase.id())).isFalse();
        assertThat(fake.deliver(webhookUrl(), event)).isEqualTo(200);
        assertThat(fake.deliver(webhookUrl(), event)).isEqualTo(200);

        assertThat(revoked(purchase.id())).isTrue();
        assertThat(orders.findByPurchase(world.client.id(), purchase.id()).orElseThrow().status()).isEqualTo("REFUNDED");
        assertThat(refundWebhooks(purchase.id())).isEqualTo(1);
        assertThat(refundLogEntries(purchase.id())).isEqualTo(1);
        assertThat(refundEmails("reembolso")).isEqualTo(1);
        assertThat(refund(console(), purchase.id()).status()).as("already refunded").isEqualTo(409);
    }

    @Test
    void aRefundWhoseEventOvertakesTheCaptureCompletedEventStartsNoPlan() {
        URI approve = paypal.startGuestOrder(world.client.id(), guest.id(), plan.id(), URI.create("http://portal.example/return"),
                URI.create("http://portal.example/cancel"), Optional.of(email), "es-xl");
        String orderId = approve.getQuery().replace("token=", "");
        fake.approve(orderId);
        String captureId = paypal.buyerReturned(world.client.id(), orderId).orElseThrow().captureId();
        PayPalFake.Refund refund = fake.refundOnPayPalSite(captureId, null);

        assertThat(fake.deliver(webhookUrl(), fake.captureRefundedEvent(refund.id()))).isEqualTo(200);
        assertThat(fake.deliver(webhookUrl(), fake.captureCompletedEvent(captureId))).isEqualTo(200);

        assertThat(world.plans().activePlanForDevice(world.client.id(), guest.macAddress(), clock.instant().plusSeconds(1))).isEmpty();
        assertThat(orders.findByCapture(world.operator.id(), captureId).orElseThrow())
                .satisfies(o -> assertThat(o.status()).isEqualTo("REFUNDED"))
                .satisfies(o -> assertThat(o.purchaseId()).isNull());
        assertThat(receiptEmails()).isZero();
    }

    @Test
    void aPartialRefundOnPayPalsSiteKeepsTheAccess() {
        Purchase purchase = paidPurchase();
        PayPalFake.Refund refund = fake.refundOnPayPalSite(purchase.transactionId(), "2.00");

        assertThat(fake.deliver(webhookUrl(), fake.captureRefundedEvent(refund.id()))).isEqualTo(200);

        assertThat(revoked(purchase.id())).isFalse();
        assertThat(orders.findByPurchase(world.client.id(), purchase.id()).orElseThrow().status()).isEqualTo("COMPLETED");
    }
}
