package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.internal.PayPalOrderRepository;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PayPalFake;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A guest pays for a guest plan with PayPal: the order is created and captured against the
 * loopback PayPal, and the plan starts only on the verified PAYMENT.CAPTURE.COMPLETED webhook,
 * once, whatever PayPal (or an attacker) sends again.
 */
@PorticoIntegrationTest
class PayPalGuestCheckoutTest {

    @Autowired ApplicationContext context;
    @Autowired PayPalCheckout paypal;
    @Autowired PayPalOrderRepository orders;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    final PayPalFake fake = PayPalFake.shared();
    GuestWorld world;
    GuestPlan plan;
    Guest guest;
    String clientId;

    @BeforeEach
    void connectPayPal() {
        world = new GuestWorld(context, "PayPal Cafe " + Fixtures.unique());
        clientId = "AYpaypal" + Fixtures.unique();
        String webhookId = "WH" + Fixtures.unique().toUpperCase().replaceAll("[^A-Z0-9]", "");
        fake.register(clientId, "paypal-secret-" + clientId, webhookId);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.PAYPAL, new Sections.PayPal(true, true),
                Map.of(SecretName.PAYPAL_CLIENT_ID, clientId, SecretName.PAYPAL_CLIENT_SECRET, "paypal-secret-" + clientId,
                        SecretName.PAYPAL_WEBHOOK_ID, webhookId));
        plan = world.plans().addGuestPlan(new GuestPlan(0, world.client.id(),
                world.plan("Base", Duration.ofHours(1)).sessionProfileId(), "Day pass", Duration.ofDays(1), 799, "USD",
                java.time.Instant.EPOCH));
        guest = world.guest("02:00:00:" + Fixtures.unique().substring(0, 2).replaceAll("[^0-9a-f]", "a") + ":10:01",
                GuestWorld.profile("pp@example.com", "Pat", "Payer", "test"));
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/payments/paypal/webhook/" + world.operator.id();
    }

    /** The guest approves on PayPal and comes back: Portico captures; the capture's completed event. */
    private String paidOrder() {
        URI approve = paypal.startGuestOrder(world.client.id(), guest.id(), plan.id(),
                URI.create("http://portal.example/return"), URI.create("http://portal.example/cancel"));
        String orderId = approve.getQuery().replace("token=", "");
        fake.approve(orderId);
        PayPalOrderRepository.PayPalOrder captured = paypal.buyerReturned(world.client.id(), orderId).orElseThrow();
        assertThat(captured.status()).isEqualTo("CAPTURED");
        assertThat(purchases()).isZero();
        return fake.captureCompletedEvent(captured.captureId());
    }

    /** Purchases of the guest (each recorded purchase is one GuestPlanPurchased: GuestPlanService publishes it with the row). */
    private long purchases() {
        return jdbc.sql("select count(*) from guest_plan_purchase where guest_id = ?").params(guest.id()).query(Long.class).single();
    }

    @Test
    void theVerifiedCaptureCompletedEventStartsThePlanOnceAndADuplicateDoesNothing() {
        String event = paidOrder();
        String captureId = Http.json().readTree(event).path("resource").path("id").asString();
        PayPalFake.Order order = fake.orders().stream().filter(o -> captureId.equals(o.captureId())).findFirst().orElseThrow();
        assertThat(order.value()).isEqualTo("7.99");
        assertThat(order.customId()).startsWith("pp_");

        assertThat(fake.deliver(webhookUrl(), event)).isEqualTo(200);
        assertThat(fake.deliver(webhookUrl(), event)).isEqualTo(200);

        assertThat(purchases()).isEqualTo(1);
        JsonNode listed = new Http(port).get("/v2/client/guests-guest-plans?" + world.auth()).json();
        assertThat(listed.toString()).contains("\"payment_gateway\":\"Paypal\"", "\"gateway_transaction_id\":\"" + captureId + "\"");
        assertThat(orders.find(world.operator.id(), order.customId()).orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void aTamperedEventIsRefusedWith400AndGrantsNothing() {
        String event = paidOrder();
        String tampered = event.replace("\"7.99\"", "\"0.01\"");

        assertThat(fake.deliver(webhookUrl(), tampered, event)).isEqualTo(400);
        assertThat(fake.deliver(webhookUrl(), event.replace("PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.DENIED"), event)).isEqualTo(400);
        assertThat(purchases()).isZero();

        assertThat(fake.deliver(webhookUrl(), event)).isEqualTo(200);
        assertThat(purchases()).isEqualTo(1);
    }

    @Test
    void aDeliveryWithoutTransmissionHeadersOrForAnOperatorWithoutPayPalIsRefused() throws Exception {
        String event = paidOrder();
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).doesNotContain("Exception");

        GuestWorld other = new GuestWorld(context, "No PayPal " + Fixtures.unique());
        assertThat(fake.deliver("http://127.0.0.1:" + port + "/payments/paypal/webhook/" + other.operator.id(), event)).isEqualTo(404);
        assertThat(purchases()).isZero();
    }
}
