package io.portico.payment.paypal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal's REST API for one REST app (client id and secret) in sandbox or live mode: OAuth2
 * client-credentials tokens, Orders v2 create and capture, Payments v2 refunds and the webhook
 * verification call. There is no maintained official Java SDK for Orders v2, so this is the JDK's
 * HttpClient and Jackson (docs/decisions.md). Credentials go only into the token request's Basic
 * header; nothing here logs a request or a response.
 */
public final class PayPalApi {

    /** An access token and when it stops being usable (a minute before PayPal's expires_in). */
    private record Token(String value, Instant usableUntil) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final URI baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;
    private final Clock clock;

    public PayPalApi(URI baseUrl, String clientId, String clientSecret, HttpClient http, Duration timeout, JsonMapper json,
                     Clock clock) {
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw PorticoException.invalid("paypal", "PayPal is not connected: the client id and secret are required.");
        }
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    /** Creates an order for the buyer to approve on PayPal (POST /v2/checkout/orders, intent CAPTURE). */
    public PayPalRecords.Order createOrder(PayPalRecords.NewOrder order) {
        ObjectNode body = json.createObjectNode().put("intent", "CAPTURE");
        ObjectNode unit = body.putArray("purchase_units").addObject()
                .put("reference_id", order.reference())
                .put("custom_id", order.reference())
                .put("description", order.description());
        unit.putObject("amount").put("currency_code", order.currency())
                .put("value", MinorUnits.toDecimal(order.amountMinor(), order.currency()));
        body.putObject("payment_source").putObject("paypal").putObject("experience_context")
                .put("user_action", "PAY_NOW")
                .put("shipping_preference", "NO_SHIPPING")
                .put("return_url", order.returnUrl().toString())
                .put("cancel_url", order.cancelUrl().toString());
        JsonNode created = call("POST", "v2/checkout/orders", body.toString(), "order-" + order.reference());
        String approve = null;
        for (JsonNode link : created.path("links")) {
            String rel = link.path("rel").asString("");
            if (rel.equals("payer-action") || rel.equals("approve")) {
                approve = link.path("href").asString("");
            }
        }
        if (approve == null || approve.isBlank() || created.path("id").asString("").isBlank()) {
            throw unavailable("PayPal created no order to approve.");
        }
        return new PayPalRecords.Order(created.path("id").asString(), created.path("status").asString(""), URI.create(approve));
    }

    /**
     * Captures an approved order (POST /v2/checkout/orders/{id}/capture). The request id makes a
     * repeated capture (a buyer reloading the return page) answer the first capture again.
     */
    public PayPalRecords.Capture capture(String orderId) {
        requireId("orderId", orderId);
        JsonNode order = call("POST", "v2/checkout/orders/" + orderId + "/capture", "{}", "capture-" + orderId);
        JsonNode capture = order.path("purchase_units").path(0).path("payments").path("captures").path(0);
        if (capture.isMissingNode()) {
            throw unavailable("PayPal's capture of order " + orderId + " has no capture.");
        }
        return capture(order.path("id").asString(orderId), capture);
    }

    /** Reads a capture as the Orders and webhook resources carry it. */
    public static PayPalRecords.Capture capture(String orderId, JsonNode capture) {
        String currency = capture.path("amount").path("currency_code").asString("");
        String value = capture.path("amount").path("value").asString("");
        JsonNode custom = capture.path("custom_id");
        return new PayPalRecords.Capture(orderId, capture.path("id").asString(""), capture.path("status").asString(""),
                custom.isMissingNode() || custom.isNull() ? null : custom.asString(),
                currency.isEmpty() || value.isEmpty() ? 0 : MinorUnits.fromDecimal(value, currency), currency);
    }

    /**
     * Refunds a capture (POST /v2/payments/captures/{id}/refund): all of it when
     * {@code amountMinor} is null.
     */
    public PayPalRecords.Refund refund(String captureId, @Nullable Long amountMinor, String currency, String requestId) {
        requireId("captureId", captureId);
        ObjectNode body = json.createObjectNode();
        if (amountMinor != null) {
            body.putObject("amount").put("currency_code", currency).put("value", MinorUnits.toDecimal(amountMinor, currency));
        }
        JsonNode refund = call("POST", "v2/payments/captures/" + captureId + "/refund", body.toString(), "refund-" + requestId);
        if (refund.path("id").asString("").isBlank()) {
            throw unavailable("PayPal answered the refund without a refund id.");
        }
        return refund(refund);
    }

    /** Reads a refund as the refund call and the PAYMENT.CAPTURE.REFUNDED webhook's resource carry it. */
    public static PayPalRecords.Refund refund(JsonNode refund) {
        String currency = refund.path("amount").path("currency_code").asString("");
        String value = refund.path("amount").path("value").asString("");
        String captureId = "";
        for (JsonNode link : refund.path("links")) {
            String href = link.path("href").asString("");
            if (link.path("rel").asString("").equals("up") && href.matches(".*/v2/payments/captures/[A-Za-z0-9-]+")) {
                captureId = href.substring(href.lastIndexOf('/') + 1);
            }
        }
        return new PayPalRecords.Refund(refund.path("id").asString(""), refund.path("status").asString(""), captureId,
                currency.isEmpty() || value.isEmpty() ? 0 : MinorUnits.fromDecimal(value, currency), currency);
    }

    /**
     * Whether PayPal vouches for a webhook (POST /v1/notifications/verify-webhook-signature,
     * verification_status SUCCESS). The event goes back exactly as it arrived: re-serialising it
     * could change the bytes PayPal signed.
     */
    public boolean verifyWebhook(String webhookId, PayPalRecords.Transmission transmission, String rawEvent) {
        if (webhookId.isBlank()) {
            throw PorticoException.invalid("webhookId", "PayPal's webhook id is not configured.");
        }
        try {
            if (!json.readTree(rawEvent).isObject()) {
                return false;
            }
        } catch (JacksonException e) {
            return false;
        }
        ObjectNode head = json.createObjectNode()
                .put("auth_algo", transmission.authAlgo())
                .put("cert_url", transmission.certUrl())
                .put("transmission_id", transmission.id())
                .put("transmission_sig", transmission.signature())
                .put("transmission_time", transmission.time())
                .put("webhook_id", webhookId);
        String fields = head.toString();
        String body = fields.substring(0, fields.length() - 1) + ",\"webhook_event\":" + rawEvent.strip() + "}";
        JsonNode answer = call("POST", "v1/notifications/verify-webhook-signature", body, null);
        return "SUCCESS".equals(answer.path("verification_status").asString(""));
    }

    private JsonNode call(String method, String path, String body, @Nullable String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
            // The whole resource, not the minimal id/status/links PayPal answers by default: the refund's amount is checked.
            request.header("Prefer", "return=representation");
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 401) {
            TOKENS.remove(tokenKey());
        }
        String route = method + " /" + path.replaceAll("/[A-Z0-9]{10,}", "/:id");
        if (response.statusCode() == 422) {
            // PayPal understood and said no (ORDER_NOT_APPROVED, CAPTURE_FULLY_REFUNDED, ...): the caller's request, not an outage.
            throw PorticoException.conflict("PayPal refused " + route + ": " + errorName(response.body()) + ".");
        }
        if (response.statusCode() / 100 != 2) {
            throw unavailable("PayPal refused " + route + ": " + response.statusCode() + " " + errorName(response.body()) + ".");
        }
        return readJson(response.body());
    }

    private String token() {
        Token token = TOKENS.get(tokenKey());
        if (token != null && clock.instant().isBefore(token.usableUntil())) {
            return token.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/oauth2/token")).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw unavailable("PayPal refused the client id and secret: " + response.statusCode() + " " + errorName(response.body()) + ".");
        }
        JsonNode answer = readJson(response.body());
        String value = answer.path("access_token").asString("");
        if (value.isBlank()) {
            throw unavailable("PayPal answered the token request without a token.");
        }
        long seconds = Math.max(0, answer.path("expires_in").asLong(0) - 60);
        TOKENS.put(tokenKey(), new Token(value, clock.instant().plusSeconds(seconds)));
        return value;
    }

    private String tokenKey() {
        return baseUrl + " " + clientId + " " + Integer.toHexString(clientSecret.hashCode());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("PayPal could not be reached (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for PayPal.");
        }
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            throw unavailable("PayPal answered with something that is not JSON.");
        }
    }

    /** PayPal's error name (e.g. UNPROCESSABLE_ENTITY, invalid_client), never the whole body. */
    private String errorName(@Nullable String body) {
        try {
            JsonNode error = json.readTree(body == null || body.isBlank() ? "{}" : body);
            String name = error.path("name").asString(error.path("error").asString(""));
            String issue = error.path("details").path(0).path("issue").asString("");
            return (name + (issue.isEmpty() ? "" : " " + issue)).replaceAll("[^A-Za-z0-9_ .-]", "");
        } catch (JacksonException e) {
            return "";
        }
    }

    private static void requireId(String field, String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw PorticoException.invalid(field, "{" + field + "} is not a PayPal id.");
        }
    }

    private static PorticoException unavailable(String message) {
        return new PorticoException(Problem.UNAVAILABLE, message);
    }
}
