package io.portico.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

class WebhookDeliveryPartsTest {

    HttpServer receiver;
    final Map<String, String> received = new ConcurrentHashMap<>();
    volatile int answer = 200;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.put("id", exchange.getRequestHeaders().getFirst("webhook-id"));
                received.put("timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                received.put("signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
                received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] reply = "Accepted".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        });
        receiver.createContext("/slow", exchange -> {
            try (exchange) {
                release.await(5, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.createContext("/redirect", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
                exchange.sendResponseHeaders(302, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void matchesTheStandardWebhooksReferenceSignature() {
        // The Standard Webhooks specification's published test vector.
        String signature = StandardWebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void deliversSignedWithTheStandardHeadersAndKeepsTheAnswer() {
        String secret = StandardWebhookSigner.newSecret();
        var sender = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofSeconds(2));

        var attempt = sender.send(url("/hook"), "msg_1", 1_700_000_000L, "{\"Type\":\"SubscriptionStarted\"}", secret, null);

        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.status()).isEqualTo(200);
        assertThat(attempt.responseExcerpt()).isEqualTo("Accepted");
        assertThat(received).containsEntry("id", "msg_1").containsEntry("timestamp", "1700000000")
                .containsEntry("body", "{\"Type\":\"SubscriptionStarted\"}");
        assertThat(received.get("signature"))
                .isEqualTo(StandardWebhookSigner.sign(secret, "msg_1", 1_700_000_000L, "{\"Type\":\"SubscriptionStarted\"}"));
    }

    @Test
    void aFailingReceiverIsNotDelivered() {
        answer = 500;
        var attempt = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .send(url("/hook"), "msg_2", 1L, "{}", StandardWebhookSigner.newSecret(), null);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.status()).isEqualTo(500);
    }

    @Test
    void aSlowReceiverTimesOut() {
        var attempt = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofMillis(300))
                .send(url("/slow"), "msg_3", 1L, "{}", StandardWebhookSigner.newSecret(), null);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.status()).isZero();
        assertThat(attempt.responseExcerpt()).startsWith("Timed out");
    }

    @Test
    void redirectsAreNotFollowed() {
        var attempt = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .send(url("/redirect"), "msg_4", 1L, "{}", StandardWebhookSigner.newSecret(), null);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.status()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/x", "http://192.168.1.1/",
            "http://172.16.5.4/", "http://169.254.169.254/latest", "http://100.64.0.1/", "http://[::1]/x", "http://[fd00::1]/",
            "http://0.0.0.0/"})
    void internalTargetsAreRefusedUnlessAllowed(String url) {
        assertThat(WebhookTargetGuard.refusal(url, false)).contains("internal address");
        assertThat(WebhookTargetGuard.refusal(url, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "not a url", "https://user:pw@example.com/"})
    void malformedOrOddTargetsAreRefusedAlways(String url) {
        assertThat(WebhookTargetGuard.refusal(url, true)).isNotNull();
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        assertThat(WebhookTargetGuard.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(WebhookTargetGuard.isInternal(InetAddress.getByName("2606:2800:220:1::1"))).isFalse();
    }
}
