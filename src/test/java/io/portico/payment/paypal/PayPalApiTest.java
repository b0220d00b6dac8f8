package io.portico.payment.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.support.PayPalFake;
import tools.jackson.databind.json.JsonMapper;

/** The PayPal REST client against a loopback PayPal that answers per the API reference. */
class PayPalApiTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private PayPalFake paypal;
    private PayPalApi api;

    @BeforeEach
    void start() throws Exception {
        paypal = new PayPalFake("client-A", "secret-A", "WH7TEST0001");
        api = api("client-A", "secret-A");
    }

    @AfterEach
    void stop() {
        paypal.close();
    }

    private PayPalApi api(String id, String secret) {
        return new PayPalApi(URI.create(paypal.url()), id, secret, HttpClient.newHttpClient(), Duration.ofSeconds(5), json,
                Clock.systemUTC());
    }

    private PayPalRecords.NewOrder order(String reference, long cents, String currency) {
        return new PayPalRecords.NewOrder(reference, "Day pass", cents, currency, URI.create("https://portal.example/paypal/return"),
                URI.create("https://portal.example/paypal/cancel"));
    }

    @Test
    void createsAnOrderWithTheAmountAsADecimalAndOurReferenceAsCustomId() {
        PayPalRecords.Order order = api.createOrder(order("gp-42", 1299, "usd"));

        assertThat(order.status()).isEqualTo("PAYER_ACTION_REQUIRED");
        assertThat(order.approveUrl().toString()).isEqualTo(paypal.url() + "/checkoutnow?token=" + order.id());
        PayPalFake.Order stored = paypal.order(order.id());
        assertThat(stored.value()).isEqualTo("12.99");
        assertThat(stored.currency()).isEqualTo("USD");
        assertThat(stored.customId()).isEqualTo("gp-42");
        assertThat(stored.returnUrl()).isEqualTo("https://portal.example/paypal/return");
    }

    @Test
    void capturesAnApprovedOrderOnceAndRefusesAnUnapprovedOne() {
        PayPalRecords.Order order = api.createOrder(order("gp-43", 500, "EUR"));
        assertThatThrownBy(() -> api.capture(order.id())).isInstanceOf(PorticoException.class)
                .hasMessageContaining("ORDER_NOT_APPROVED");

        paypal.approve(order.id());
        PayPalRecords.Capture capture = api.capture(order.id());

        assertThat(capture.completed()).isTrue();
        assertThat(capture.captureId()).isEqualTo(paypal.order(order.id()).captureId());
        assertThat(capture.customId()).isEqualTo("gp-43");
        assertThat(capture.amountMinor()).isEqualTo(500);
        assertThat(capture.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> api.capture(order.id())).hasMessageContaining("ORDER_ALREADY_CAPTURED");
    }

    @Test
    void refundsACapture() {
        PayPalRecords.Order order = api.createOrder(order("gp-44", 1000, "JPY"));
        paypal.approve(order.id());
        PayPalRecords.Capture capture = api.capture(order.id());

        PayPalRecords.Refund refund = api.refund(capture.captureId(), null, "JPY", "purchase-44");

        assertThat(refund.status()).isEqualTo("COMPLETED");
        assertThat(paypal.refunds()).singleElement().satisfies(r -> {
            assertThat(r.captureId()).isEqualTo(capture.captureId());
            assertThat(r.body()).isEqualTo("{}");
        });
        assertThat(paypal.order(order.id()).value()).isEqualTo("1000");
    }

    @Test
    void verifiesOnlyWebhooksPayPalSentUnchanged() {
        PayPalRecords.Order order = api.createOrder(order("gp-45", 700, "USD"));
        paypal.approve(order.id());
        String event = paypal.captureCompletedEvent(api.capture(order.id()).captureId());
        Map<String, String> headers = paypal.transmission(event);
        PayPalRecords.Transmission transmission = new PayPalRecords.Transmission(headers.get("PAYPAL-TRANSMISSION-ID"),
                headers.get("PAYPAL-TRANSMISSION-TIME"), headers.get("PAYPAL-TRANSMISSION-SIG"), headers.get("PAYPAL-CERT-URL"),
                headers.get("PAYPAL-AUTH-ALGO"));

        assertThat(api.verifyWebhook("WH7TEST0001", transmission, event)).isTrue();
        assertThat(api.verifyWebhook("WH7TEST0001", transmission, event.replace("\"7.00\"", "\"70.00\""))).isFalse();
        assertThat(api.verifyWebhook("WH7OTHER0002", transmission, event)).isFalse();
        assertThat(api.verifyWebhook("WH7TEST0001", transmission, "not json")).isFalse();
        assertThat(paypal.verifications()).containsExactly("SUCCESS", "FAILURE", "FAILURE");
    }

    @Test
    void wrongCredentialsAreAClearUnavailableErrorWithoutTheSecret() {
        PayPalApi wrong = api("client-A", "not-the-secret");

        assertThatThrownBy(() -> wrong.createOrder(order("gp-46", 100, "USD")))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE))
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void writesMinorUnitsWithTheCurrencysDecimals() {
        assertThat(MinorUnits.toDecimal(1299, "USD")).isEqualTo("12.99");
        assertThat(MinorUnits.toDecimal(5, "EUR")).isEqualTo("0.05");
        assertThat(MinorUnits.toDecimal(500, "JPY")).isEqualTo("500");
        assertThat(MinorUnits.fromDecimal("12.99", "USD")).isEqualTo(1299);
        assertThatThrownBy(() -> MinorUnits.fromDecimal("1.999", "USD")).isInstanceOf(PorticoException.class);
        assertThatThrownBy(() -> MinorUnits.toDecimal(1, "XYZ1")).isInstanceOf(PorticoException.class);
    }
}
