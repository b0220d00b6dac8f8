package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.internal.WebhookInbox;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@PorticoIntegrationTest
class StripeWebhookTest {

    static final String SIGNING_SECRET = "whsec_test_portico_signing_0123456789";

    @Autowired
    Fixtures fixtures;
    @Autowired
    OperatorSettingsService settings;
    @Autowired
    PaymentService payments;
    @Autowired
    WebhookInbox inbox;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    final StripeFake stripe = StripeFake.shared();
    Operator operator;

    @BeforeEach
    void connectStripe() {
        operator = fixtures.operator();
        settings.initialise(operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_portico_0123456789abcdef",
                        SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/payments/stripe/webhook/" + operator.id();
    }

    String someEvent() {
        ObjectNode intent = JsonMapper.builder().build().createObjectNode();
        intent.put("id", "pi_test_" + Fixtures.unique());
        intent.put("object", "payment_intent");
        return stripe.event("payment_intent.created", intent, clock.instant());
    }

    @Test
    void acceptsASignedEventOnceAndAnswersItsRetriesAsDuplicates() {
        String event = someEvent();
        HttpResponse<String> first = stripe.deliver(url(), event, SIGNING_SECRET, clock);
        HttpResponse<String> retry = stripe.deliver(url(), event, SIGNING_SECRET, clock);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"duplicate\":false");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"duplicate\":true");
        assertThat(inbox.count(operator.id(), StripeWebhooks.PROVIDER)).isEqualTo(1);
    }

    @Test
    void rejectsATamperedBody() {
        String event = someEvent();
        String header = StripeFake.signature(event, SIGNING_SECRET, clock.instant());
        HttpResponse<String> tampered = stripe.deliver(url(), event.replace("payment_intent.created", "payment_intent.succeeded"), header);

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("Stripe-Signature");
        assertThat(inbox.count(operator.id(), StripeWebhooks.PROVIDER)).isZero();
    }

    @Test
    void rejectsAnEventSignedWithAnotherSecret() {
        HttpResponse<String> response = stripe.deliver(url(), someEvent(), "whsec_someone_else_0123456789", clock);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsAReplayOlderThanTheToleranceButTakesOneJustInside() {
        String old = someEvent();
        String oldHeader = StripeFake.signature(old, SIGNING_SECRET, clock.instant().minus(Duration.ofSeconds(301)));
        String recent = someEvent();
        String recentHeader = StripeFake.signature(recent, SIGNING_SECRET, clock.instant().minus(Duration.ofSeconds(280)));

        assertThat(stripe.deliver(url(), old, oldHeader).statusCode()).isEqualTo(400);
        assertThat(stripe.deliver(url(), recent, recentHeader).statusCode()).isEqualTo(200);
    }

    @Test
    void judgesTheTimestampByPorticosClock() {
        String event = someEvent();
        String header = StripeFake.signature(event, SIGNING_SECRET, clock.instant());
        clock.advance(Duration.ofMinutes(6));

        assertThat(stripe.deliver(url(), event, header).statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsADeliveryWithoutSignatureOrForAnOperatorWithoutStripe() {
        String event = someEvent();
        Operator other = fixtures.operator();

        assertThat(stripe.deliver(url(), event, "").statusCode()).isEqualTo(400);
        assertThat(stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + other.id(), event,
                SIGNING_SECRET, clock).statusCode()).isEqualTo(404);
    }

    @Test
    void derivesTestModeFromTheKeyAndNeverPrintsTheKeys() {
        StripeAccount account = payments.stripeAccount(operator.id());

        assertThat(account.mode()).isEqualTo(PaymentMode.TEST);
        assertThat(account.canTakePayments()).isTrue();
        assertThat(account.toString()).doesNotContain("sk_test_portico").doesNotContain(SIGNING_SECRET);
        assertThat(PaymentMode.ofSecretKey("sk_live_abc")).isEqualTo(PaymentMode.LIVE);
        assertThat(PaymentMode.ofSecretKey("pk_test_abc")).isEqualTo(PaymentMode.NOT_CONFIGURED);
    }
}
