package io.portico.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PayPal's REST API on loopback (port 0), answering as its reference does for what Portico uses:
 * OAuth2 client-credentials tokens, Orders v2 create (with a payer-action link to the fake's own
 * approval page) and capture, Payments v2 refunds, and the webhook verification call. It signs the
 * webhooks it delivers the way PayPal does (SHA256withRSA over
 * {@code transmission_id|transmission_time|webhook_id|crc32(body)}) with its own key, so
 * verification answers SUCCESS only for events it sent unchanged.
 */
public final class PayPalFake implements AutoCloseable {

    /** An order as the fake keeps it. */
    public record Order(String id, String clientId, String customId, String currency, String value, String returnUrl,
                        String cancelUrl, String status, String captureId) {
        Order with(String newStatus, String newCaptureId) {
            return new Order(id, clientId, customId, currency, value, returnUrl, cancelUrl, newStatus, newCaptureId);
        }
    }

    /** A REST app: its client secret and the id of its webhook. */
    private record Account(String secret, String webhookId) {
    }

    private static volatile PayPalFake shared;

    /** A refund as requested (the request body as sent; empty for one made on PayPal's site). */
    public record Refund(String id, String captureId, String body, String requestId, String currency, String value,
                         String customId) {
    }

    public static final String AUTH_ALGO = "SHA256withRSA";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final KeyPair keys;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, String> ordersByRequestId = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();
    private final List<String> verifications = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile String webhookUrl = "";

    /** One fake for the test JVM: every test context points Portico's PayPal base URLs at it. */
    public static synchronized PayPalFake shared() {
        if (shared == null) {
            try {
                shared = new PayPalFake();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** A fake with one REST app registered. */
    public PayPalFake(String clientId, String clientSecret, String webhookId) throws IOException {
        this();
        register(clientId, clientSecret, webhookId);
    }

    public PayPalFake() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a REST app (client id and secret) whose webhook has the id. */
    public void register(String clientId, String clientSecret, String webhookId) {
        accounts.put(clientId, new Account(clientSecret, webhookId));
    }

    /** After each capture, deliver PAYMENT.CAPTURE.COMPLETED to this URL (as PayPal does on its own). */
    public void deliverWebhooksTo(String url) {
        this.webhookUrl = url;
    }

    public Order order(String id) {
        return orders.get(id);
    }

    public List<Order> orders() {
        return List.copyOf(orders.values());
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** verification_status answers given, in order. */
    public List<String> verifications() {
        return List.copyOf(verifications);
    }

    /** The buyer approves the order on PayPal (what the approval page's button does). */
    public void approve(String orderId) {
        orders.computeIfPresent(orderId, (id, o) -> o.with("APPROVED", o.captureId()));
    }

    /** A PAYMENT.CAPTURE.COMPLETED event for a capture of one of the fake's orders, as PayPal writes it. */
    public String captureCompletedEvent(String captureId) {
        Order order = orders.values().stream().filter(o -> captureId.equals(o.captureId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture " + captureId));
        ObjectNode event = json.createObjectNode()
                .put("id", "WH-" + next() + "-" + next())
                .put("event_version", "1.0")
                .put("create_time", Instant.now().toString())
                .put("resource_type", "capture")
                .put("resource_version", "2.0")
                .put("event_type", "PAYMENT.CAPTURE.COMPLETED")
                .put("summary", "Payment completed for " + order.value() + " " + order.currency());
        ObjectNode resource = event.putObject("resource");
        resource.put("id", captureId).put("status", "COMPLETED").put("final_capture", true)
                .put("custom_id", order.customId());
        resource.putObject("amount").put("currency_code", order.currency()).put("value", order.value());
        resource.putObject("supplementary_data").putObject("related_ids").put("order_id", order.id());
        resource.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
        captureLinks(resource, order);
        eventLinks(event);
        return event.toString();
    }

    /** A capture's HATEOAS links as PayPal writes them: itself, its refund, and the order it belongs to. */
    private void captureLinks(ObjectNode capture, Order order) {
        var links = capture.putArray("links");
        links.addObject().put("href", url() + "/v2/payments/captures/" + order.captureId()).put("rel", "self").put("method", "GET");
        links.addObject().put("href", url() + "/v2/payments/captures/" + order.captureId() + "/refund").put("rel", "refund")
                .put("method", "POST");
        links.addObject().put("href", url() + "/v2/checkout/orders/" + order.id()).put("rel", "up").put("method", "GET");
    }

    private void eventLinks(ObjectNode event) {
        String id = event.path("id").asString();
        var links = event.putArray("links");
        links.addObject().put("href", url() + "/v1/notifications/webhooks-events/" + id).put("rel", "self").put("method", "GET");
        links.addObject().put("href", url() + "/v1/notifications/webhooks-events/" + id + "/resend").put("rel", "resend")
                .put("method", "POST");
    }

    /** Posts an event with PayPal's transmission headers, signed over exactly these bytes; the HTTP status. */
    public int deliver(String url, String event) {
        return deliver(url, event, event);
    }

    /** The transmission headers PayPal would send with {@code event}: a new transmission id, signed. */
    public Map<String, String> transmission(String event) {
        String clientId = orderOfEvent(event).map(Order::clientId).orElse("");
        Account account = accounts.get(clientId);
        return transmission(event, account == null ? "" : account.webhookId());
    }

    private java.util.Optional<Order> orderOfEvent(String event) {
        JsonNode resource = json.readTree(event).path("resource");
        String id = resource.path("id").asString("");
        String captureId = refunds.stream().filter(r -> r.id().equals(id)).map(Refund::captureId).findFirst().orElse(id);
        return orders.values().stream().filter(o -> captureId.equals(o.captureId())).findFirst();
    }

    /** The transmission headers for {@code event} signed for the webhook with the id. */
    public Map<String, String> transmission(String event, String webhookId) {
        String transmissionId = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        return Map.of("PAYPAL-TRANSMISSION-ID", transmissionId, "PAYPAL-TRANSMISSION-TIME", time,
                "PAYPAL-TRANSMISSION-SIG", sign(transmissionId, time, webhookId, compact(event)), "PAYPAL-CERT-URL", certUrl(),
                "PAYPAL-AUTH-ALGO", AUTH_ALGO);
    }

    /** Posts {@code sent}, signed as if it were {@code signed} (a tampered event); the HTTP status. */
    public int deliver(String url, String sent, String signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        transmission(signed).forEach(request::header);
        return send(request
                .POST(HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8))
                .build());
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String certUrl() {
        return url() + "/v1/notifications/certs/CERT-360caa42-fca2a594-fake";
    }

    private String sign(String transmissionId, String time, String webhookId, String body) {
        try {
            Signature signature = Signature.getInstance(AUTH_ALGO);
            signature.initSign(keys.getPrivate());
            signature.update(signedText(transmissionId, time, webhookId, body));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean verify(String transmissionId, String time, String forWebhook, String body, String sig) {
        try {
            Signature signature = Signature.getInstance(AUTH_ALGO);
            signature.initVerify(keys.getPublic());
            signature.update(signedText(transmissionId, time, forWebhook, body));
            return signature.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] signedText(String transmissionId, String time, String webhookId, String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return (transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue()).getBytes(StandardCharsets.UTF_8);
    }

    private String compact(String event) {
        return json.readTree(event).toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("GET") && path.equals("/checkoutnow")) {
                approvalPage(exchange);
                return;
            }
            if (method.equals("POST") && path.equals("/checkoutnow/approve")) {
                approveAndReturn(exchange, body);
                return;
            }
            if (method.equals("POST") && path.equals("/v1/oauth2/token")) {
                token(exchange, body);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
                respond(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Token signature verification failed\"}");
                return;
            }
            String requestId = exchange.getRequestHeaders().getFirst("PayPal-Request-Id");
            if (method.equals("POST") && path.equals("/v2/checkout/orders")) {
                createOrder(exchange, body, requestId, tokens.get(auth.substring(7)));
            } else if (method.equals("POST") && path.matches("/v2/checkout/orders/[A-Z0-9]+/capture")) {
                capture(exchange, path.split("/")[4]);
            } else if (method.equals("POST") && path.matches("/v2/payments/captures/[A-Z0-9]+/refund")) {
                refund(exchange, path.split("/")[4], body, requestId);
            } else if (method.equals("POST") && path.equals("/v1/notifications/verify-webhook-signature")) {
                verifyWebhook(exchange, body);
            } else {
                respond(exchange, 404, error("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID"));
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, error("INVALID_REQUEST", "MALFORMED_REQUEST_JSON"));
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        String clientId = accounts.keySet().stream().filter(id -> ("Basic " + Base64.getEncoder().encodeToString(
                (id + ":" + accounts.get(id).secret()).getBytes(StandardCharsets.UTF_8))).equals(given)).findFirst().orElse(null);
        if (clientId == null) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client Authentication failed\"}");
            return;
        }
        if (!body.equals("grant_type=client_credentials")) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Grant Type is NULL\"}");
            return;
        }
        String token = "A21AA" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clientId);
        respond(exchange, 200, json.createObjectNode().put("scope", "https://uri.paypal.com/services/payments/payment")
                .put("access_token", token).put("token_type", "Bearer").put("app_id", "APP-80W284485P519543T")
                .put("expires_in", 32400).put("nonce", Instant.now() + UUID.randomUUID().toString()).toString());
    }

    private void createOrder(HttpExchange exchange, String body, String requestId, String clientId) throws IOException {
        if (requestId != null && ordersByRequestId.containsKey(requestId)) {
            respond(exchange, 200, orderJson(orders.get(ordersByRequestId.get(requestId))));
            return;
        }
        JsonNode request = json.readTree(body);
        JsonNode unit = request.path("purchase_units").path(0);
        JsonNode amount = unit.path("amount");
        JsonNode context = request.path("payment_source").path("paypal").path("experience_context");
        if (!"CAPTURE".equals(request.path("intent").asString("")) || !amount.path("currency_code").isString()
                || !amount.path("value").asString("").matches("\\d{1,10}(\\.\\d{2})?")
                || context.path("return_url").asString("").isEmpty()) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE"));
            return;
        }
        String id = (next() + "ORDER" + next()).substring(0, 17);
        Order order = new Order(id, clientId, unit.path("custom_id").asString(""), amount.path("currency_code").asString(),
                amount.path("value").asString(), context.path("return_url").asString(), context.path("cancel_url").asString(""),
                "PAYER_ACTION_REQUIRED", null);
        orders.put(id, order);
        if (requestId != null) {
            ordersByRequestId.put(requestId, id);
        }
        respond(exchange, 201, orderJson(order));
    }

    private String orderJson(Order order) {
        ObjectNode node = json.createObjectNode().put("id", order.id()).put("status", order.status());
        node.putObject("payment_source").putObject("paypal");
        var links = node.putArray("links");
        links.addObject().put("href", url() + "/v2/checkout/orders/" + order.id()).put("rel", "self").put("method", "GET");
        links.addObject().put("href", url() + "/checkoutnow?token=" + order.id()).put("rel", "payer-action").put("method", "GET");
        return node.toString();
    }

    private void capture(HttpExchange exchange, String orderId) throws IOException {
        Order order = orders.get(orderId);
        if (order == null) {
            respond(exchange, 404, error("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID"));
            return;
        }
        if (order.status().equals("COMPLETED")) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED"));
            return;
        }
        if (!order.status().equals("APPROVED")) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED"));
            return;
        }
        Order captured = order.with("COMPLETED", (next() + "CAPTURE" + next()).substring(0, 17));
        orders.put(orderId, captured);
        ObjectNode node = json.createObjectNode().put("id", orderId).put("status", "COMPLETED");
        ObjectNode capture = node.putArray("purchase_units").addObject().put("reference_id", captured.customId())
                .putObject("payments").putArray("captures").addObject();
        capture.put("id", captured.captureId()).put("status", "COMPLETED").put("final_capture", true)
                .put("custom_id", captured.customId());
        capture.putObject("amount").put("currency_code", captured.currency()).put("value", captured.value());
        captureLinks(capture, captured);
        capture.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
        node.putObject("payer").put("payer_id", "FAKEPAYER0001");
        respond(exchange, 201, node.toString());
        String target = webhookUrl;
        if (!target.isEmpty()) {
            String event = captureCompletedEvent(captured.captureId());
            Executors.newVirtualThreadPerTaskExecutor().submit(() -> deliver(target, event));
        }
    }

    /**
     * Payments v2 "refund captured payment": an empty body refunds what is left of the capture, an
     * {@code amount} part of it; more than is left is CAPTURE_FULLY_REFUNDED or
     * REFUND_AMOUNT_EXCEEDED (422). A repeated PayPal-Request-Id answers the first refund again.
     * The answer is minimal (id, status, links) unless {@code Prefer: return=representation}.
     */
    private void refund(HttpExchange exchange, String captureId, String body, String requestId) throws IOException {
        Order order = orders.values().stream().filter(o -> captureId.equals(o.captureId())).findFirst().orElse(null);
        if (order == null) {
            respond(exchange, 404, error("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID"));
            return;
        }
        boolean representation = "return=representation".equals(exchange.getRequestHeaders().getFirst("Prefer"));
        if (requestId != null) {
            Refund earlier = refunds.stream().filter(r -> requestId.equals(r.requestId())).findFirst().orElse(null);
            if (earlier != null) {
                respond(exchange, 201, refundJson(earlier, representation).toString());
                return;
            }
        }
        JsonNode request = json.readTree(body.isBlank() ? "{}" : body);
        String currency = order.currency();
        long left = minor(order.value(), currency) - refunds.stream().filter(r -> captureId.equals(r.captureId()))
                .mapToLong(r -> minor(r.value(), currency)).sum();
        JsonNode amount = request.path("amount");
        if (!amount.isMissingNode() && (!order.currency().equals(amount.path("currency_code").asString(""))
                || !amount.path("value").asString("").matches("\\d{1,10}(\\.\\d{2})?"))) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "CURRENCY_MISMATCH"));
            return;
        }
        long wanted = amount.isMissingNode() ? left : minor(amount.path("value").asString(), currency);
        if (left <= 0) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "CAPTURE_FULLY_REFUNDED"));
            return;
        }
        if (wanted <= 0 || wanted > left) {
            respond(exchange, 422, error("UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED"));
            return;
        }
        String id = (next() + "REFUND" + next()).substring(0, 17);
        Refund refund = new Refund(id, captureId, body, requestId, order.currency(), decimal(wanted, currency), order.customId());
        refunds.add(refund);
        respond(exchange, 201, refundJson(refund, representation).toString());
    }

    /** A refund resource as Payments v2 writes it (and as PAYMENT.CAPTURE.REFUNDED carries it). */
    private ObjectNode refundJson(Refund refund, boolean representation) {
        ObjectNode node = json.createObjectNode().put("id", refund.id()).put("status", "COMPLETED");
        if (representation) {
            node.putObject("amount").put("currency_code", refund.currency()).put("value", refund.value());
            ObjectNode breakdown = node.putObject("seller_payable_breakdown");
            breakdown.putObject("gross_amount").put("currency_code", refund.currency()).put("value", refund.value());
            breakdown.putObject("net_amount").put("currency_code", refund.currency()).put("value", refund.value());
            breakdown.putObject("total_refunded_amount").put("currency_code", refund.currency()).put("value", refund.value());
            node.put("custom_id", refund.customId());
            node.put("create_time", Instant.now().toString()).put("update_time", Instant.now().toString());
        }
        var links = node.putArray("links");
        links.addObject().put("href", url() + "/v2/payments/refunds/" + refund.id()).put("rel", "self").put("method", "GET");
        links.addObject().put("href", url() + "/v2/payments/captures/" + refund.captureId()).put("rel", "up").put("method", "GET");
        return node;
    }

    /** What the operator does on PayPal's own site: refunds a capture (all of it when {@code value} is null) without Portico. */
    public Refund refundOnPayPalSite(String captureId, String value) {
        Order order = orders.values().stream().filter(o -> captureId.equals(o.captureId())).findFirst().orElseThrow();
        Refund refund = new Refund((next() + "REFUND" + next()).substring(0, 17), captureId, "", null, order.currency(),
                value == null ? order.value() : value, order.customId());
        refunds.add(refund);
        return refund;
    }

    /** A PAYMENT.CAPTURE.REFUNDED event for one of the fake's refunds, as PayPal writes it. */
    public String captureRefundedEvent(String refundId) {
        Refund refund = refunds.stream().filter(r -> r.id().equals(refundId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no refund " + refundId));
        ObjectNode event = json.createObjectNode()
                .put("id", "WH-" + next() + "-" + next())
                .put("event_version", "1.0")
                .put("create_time", Instant.now().toString())
                .put("resource_type", "refund")
                .put("resource_version", "2.0")
                .put("event_type", "PAYMENT.CAPTURE.REFUNDED")
                .put("summary", "A " + refund.value() + " " + refund.currency() + " capture payment was refunded");
        event.set("resource", refundJson(refund, true));
        eventLinks(event);
        return event.toString();
    }

    /** "7.99" USD as 799, "500" JPY as 500: PayPal writes amounts with the currency's own decimals. */
    private static long minor(String value, String currency) {
        return new java.math.BigDecimal(value).movePointRight(digits(currency)).longValueExact();
    }

    private static String decimal(long minor, String currency) {
        return java.math.BigDecimal.valueOf(minor, digits(currency)).toPlainString();
    }

    private static int digits(String currency) {
        return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private void verifyWebhook(HttpExchange exchange, String body) throws IOException {
        JsonNode request = json.readTree(body);
        for (String field : List.of("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id")) {
            if (request.path(field).asString("").isEmpty()) {
                respond(exchange, 400, error("VALIDATION_ERROR", "MISSING_REQUIRED_PARAMETER"));
                return;
            }
        }
        if (!request.path("webhook_event").isObject()) {
            respond(exchange, 400, error("VALIDATION_ERROR", "MISSING_REQUIRED_PARAMETER"));
            return;
        }
        boolean ok = AUTH_ALGO.equals(request.path("auth_algo").asString()) && certUrl().equals(request.path("cert_url").asString())
                && verify(request.path("transmission_id").asString(), request.path("transmission_time").asString(),
                request.path("webhook_id").asString(), request.path("webhook_event").toString(), request.path("transmission_sig").asString());
        String status = ok ? "SUCCESS" : "FAILURE";
        verifications.add(status);
        respond(exchange, 200, json.createObjectNode().put("verification_status", status).toString());
    }

    private void approvalPage(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String token = query == null ? "" : URLDecoder.decode(query.replaceFirst("^token=", ""), StandardCharsets.UTF_8);
        Order order = orders.get(token);
        if (order == null) {
            respond(exchange, 404, "text/html", "<!doctype html><html lang=\"en\"><title>PayPal</title><p>Unknown order.</p></html>");
            return;
        }
        respond(exchange, 200, "text/html", "<!doctype html><html lang=\"en\"><head><title>PayPal (fake)</title></head><body><main>"
                + "<h1>Pay with PayPal</h1><p>" + order.value() + " " + order.currency() + "</p>"
                + "<form method=\"post\" action=\"/checkoutnow/approve\"><input type=\"hidden\" name=\"token\" value=\"" + order.id() + "\">"
                + "<button type=\"submit\" id=\"paypal-approve\">Pay Now</button></form></main></body></html>");
    }

    private void approveAndReturn(HttpExchange exchange, String body) throws IOException {
        String token = URLDecoder.decode(body.replaceFirst("^token=", ""), StandardCharsets.UTF_8);
        Order order = orders.get(token);
        if (order == null) {
            respond(exchange, 404, "text/html", "<!doctype html><html lang=\"en\"><title>PayPal</title><p>Unknown order.</p></html>");
            return;
        }
        approve(token);
        String back = order.returnUrl() + (order.returnUrl().contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(order.id(), StandardCharsets.UTF_8) + "&PayerID=FAKEPAYER0001";
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(303, -1);
    }

    private String error(String name, String issue) {
        ObjectNode node = json.createObjectNode().put("name", name).put("message", "The requested action could not be performed.")
                .put("debug_id", Long.toHexString(next()));
        node.putArray("details").addObject().put("issue", issue).put("description", issue.toLowerCase().replace('_', ' '));
        return node.toString();
    }

    private long next() {
        return ids.incrementAndGet() * 7919;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "application/json", body);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
