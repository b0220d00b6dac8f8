package io.portico.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback fake of the parts of Stripe's API Portico calls, answering as Stripe's API reference
 * describes: {@code POST /v1/checkout/sessions} (form-encoded, bracketed keys), {@code GET
 * /v1/checkout/sessions/{id}}, {@code POST /v1/checkout/sessions/{id}/expire}, {@code POST /v1/refunds},
 * {@code POST /v1/prices}, {@code GET} and
 * {@code POST /v1/subscriptions/{id}} (cancel_at_period_end, metadata, and an item's price: Stripe's
 * default proration keeps the billing period unless the interval changes, which restarts it now),
 * with Stripe's error object on bad calls.
 * It also plays the hosted checkout page ({@code /pay/{id}}: a Pay button completes the session and
 * redirects to its success URL) and sends webhook events signed exactly as Stripe signs them
 * ({@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">}).
 * One instance per test JVM ({@link #shared}); every test context points stripe-java at it.
 */
public final class StripeFake implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile StripeFake shared;

    private final HttpServer server;
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> refundsByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> prices = new ConcurrentHashMap<>();
    /** The form parameters of each subscription update, for tests to check what Portico sent. */
    private final List<Map<String, String>> subscriptionUpdates = new CopyOnWriteArrayList<>();
    /** The form parameters of each create-session call, for tests to check what Portico sent. */
    private final List<Map<String, String>> sessionRequests = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final HttpClient http = HttpClient.newHttpClient();

    private StripeFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/checkout/sessions", this::sessions);
        server.createContext("/v1/refunds", this::refunds);
        server.createContext("/pay/", this::checkoutPage);
        server.createContext("/v1/subscriptions/", this::subscriptions);
        server.createContext("/v1/prices", this::prices);
        server.start();
    }

    public static synchronized StripeFake shared() {
        if (shared == null) {
            try {
                shared = new StripeFake();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Map<String, String>> sessionRequests() {
        return List.copyOf(sessionRequests);
    }

    public List<String> apiKeysSeen() {
        return List.copyOf(apiKeys);
    }

    public ObjectNode session(String id) {
        return sessions.get(id).deepCopy();
    }

    /** The session created last whose metadata has the key with the value. */
    public ObjectNode sessionWithMetadata(String key, String value) {
        return sessionRequests.reversed().stream().filter(r -> value.equals(r.get("metadata[" + key + "]")))
                .map(r -> session(r.get("$id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no checkout session with metadata " + key + "=" + value));
    }

    public List<ObjectNode> refundsOf(String paymentIntent) {
        return refunds.values().stream().filter(r -> paymentIntent.equals(r.path("payment_intent").asString()))
                .map(ObjectNode::deepCopy).toList();
    }

    // ---- the customer paying ----

    /** What Stripe does when the customer pays (card): the session completes, paid, with a PaymentIntent. */
    public ObjectNode pay(String sessionId) {
        ObjectNode s = sessions.get(sessionId);
        synchronized (s) {
            s.put("status", "complete");
            s.put("payment_status", "paid");
            if ("subscription".equals(s.path("mode").asString())) {
                if (s.path("subscription").isMissingNode() || s.path("subscription").isNull()) {
                    s.put("subscription", createSubscription(s));
                }
            } else if (s.path("payment_intent").isNull()) {
                s.put("payment_intent", "pi_test_" + ids.incrementAndGet());
            }
            return s.deepCopy();
        }
    }

    /** A delayed method (bank debit): the session completes unpaid; {@link #pay} later settles it. */
    public ObjectNode completeUnpaid(String sessionId) {
        ObjectNode s = sessions.get(sessionId);
        synchronized (s) {
            s.put("status", "complete");
            s.put("payment_status", "unpaid");
            s.put("payment_intent", "pi_test_" + ids.incrementAndGet());
            return s.deepCopy();
        }
    }

    // ---- subscriptions (Checkout in subscription mode) ----

    /** The subscription a paid subscription-mode session created, as GET /v1/subscriptions/{id} answers it. */
    public ObjectNode subscription(String id) {
        return subscriptions.get(id).deepCopy();
    }

    private String createSubscription(ObjectNode session) {
        Map<String, String> request = sessionRequests.stream().filter(r -> session.path("id").asString().equals(r.get("$id")))
                .findFirst().orElseThrow();
        String id = "sub_test_" + ids.incrementAndGet() + Fixtures.unique();
        long now = Instant.now().getEpochSecond();
        String trialDays = request.get("subscription_data[trial_period_days]");
        long end = trialDays != null ? now + Long.parseLong(trialDays) * 86_400 : now + seconds(request);
        ObjectNode sub = JSON.createObjectNode();
        sub.put("id", id);
        sub.put("object", "subscription");
        sub.put("cancel_at_period_end", false);
        sub.put("customer", "cus_test_" + ids.incrementAndGet());
        sub.put("status", trialDays != null ? "trialing" : "active");
        ObjectNode metadata = sub.putObject("metadata");
        request.forEach((k, v) -> {
            if (k.startsWith("subscription_data[metadata][")) {
                metadata.put(k.substring(27, k.length() - 1), v);
            }
        });
        ObjectNode item = sub.putObject("items").put("object", "list").putArray("data").addObject();
        item.put("id", "si_test_" + ids.incrementAndGet());
        item.put("object", "subscription_item");
        item.put("current_period_start", now);
        item.put("current_period_end", end);
        item.put("quantity", 1);
        item.set("price", price(request.get("line_items[0][price_data][currency]"),
                Long.parseLong(request.get("line_items[0][price_data][unit_amount]")),
                request.get("line_items[0][price_data][recurring][interval]"),
                Long.parseLong(request.getOrDefault("line_items[0][price_data][recurring][interval_count]", "1")), null));
        subscriptions.put(id, sub);
        return id;
    }

    private static long seconds(Map<String, String> request) {
        return seconds(request.getOrDefault("line_items[0][price_data][recurring][interval]", "month"),
                Long.parseLong(request.getOrDefault("line_items[0][price_data][recurring][interval_count]", "1")));
    }

    private static long seconds(String interval, long count) {
        long unit = switch (interval) {
            case "day" -> 86_400;
            case "week" -> 7 * 86_400;
            case "year" -> 365 * 86_400;
            default -> 30 * 86_400;
        };
        return count * unit;
    }

    /** An invoice of the subscription (API 2025-03-31 shape: parent.subscription_details) for the period. */
    public ObjectNode invoice(String subscriptionId, String status, Instant periodStart, Instant periodEnd) {
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("id", "in_test_" + ids.incrementAndGet());
        invoice.put("object", "invoice");
        invoice.put("status", status);
        invoice.put("billing_reason", "subscription_cycle");
        invoice.put("period_start", periodStart.getEpochSecond());
        invoice.put("period_end", periodStart.getEpochSecond());
        JsonNode price = subscriptions.containsKey(subscriptionId)
                ? subscriptions.get(subscriptionId).path("items").path("data").path(0).path("price") : JSON.createObjectNode();
        long amount = price.path("unit_amount").asLong(0);
        invoice.put("currency", price.path("currency").asString("usd"));
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", "paid".equals(status) ? amount : 0);
        invoice.put("amount_remaining", "paid".equals(status) ? 0 : amount);
        invoice.put("total", amount);
        invoice.put("number", "TEST-" + ids.incrementAndGet());
        ObjectNode transitions = invoice.putObject("status_transitions");
        if ("paid".equals(status)) {
            transitions.put("paid_at", periodStart.getEpochSecond());
        } else {
            transitions.putNull("paid_at");
        }
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putObject("subscription_details").put("subscription", subscriptionId);
        ObjectNode line = invoice.putObject("lines").put("object", "list").putArray("data").addObject();
        line.put("id", "il_test_" + ids.incrementAndGet());
        line.putObject("period").put("start", periodStart.getEpochSecond()).put("end", periodEnd.getEpochSecond());
        return invoice;
    }

    private void subscriptions(HttpExchange x) throws IOException {
        try (x) {
            if (!authorised(x)) {
                return;
            }
            String id = x.getRequestURI().getPath().substring("/v1/subscriptions/".length());
            ObjectNode sub = subscriptions.get(id);
            if (sub == null) {
                error(x, 404, "resource_missing", "No such subscription: '" + id + "'", "id");
                return;
            }
            if ("POST".equals(x.getRequestMethod())) {
                Map<String, String> p = form(x.getRequestBody());
                subscriptionUpdates.add(p);
                synchronized (sub) {
                    if ("canceled".equals(sub.path("status").asString())) {
                        error(x, 400, "resource_missing", "A canceled subscription can only update its cancellation_details and metadata.", null);
                        return;
                    }
                    String itemId = p.get("items[0][id]");
                    ObjectNode item = (ObjectNode) sub.path("items").path("data").path(0);
                    if (itemId != null && !itemId.equals(item.path("id").asString())) {
                        error(x, 400, "resource_missing", "No such subscription item: '" + itemId + "'", "items[0][id]");
                        return;
                    }
                    String priceId = p.get("items[0][price]");
                    if (priceId != null && !prices.containsKey(priceId)) {
                        error(x, 400, "resource_missing", "No such price: '" + priceId + "'", "items[0][price]");
                        return;
                    }
                    if (priceId != null) {
                        JsonNode previous = item.path("price").path("recurring");
                        JsonNode next = prices.get(priceId).path("recurring");
                        if (!previous.path("interval").asString().equals(next.path("interval").asString())
                                || previous.path("interval_count").asLong() != next.path("interval_count").asLong()) {
                            // a new interval resets the billing date to now (Stripe invoices at once)
                            long now = Instant.now().getEpochSecond();
                            item.put("current_period_start", now);
                            item.put("current_period_end", now + seconds(next.path("interval").asString(), next.path("interval_count").asLong()));
                        }
                        item.set("price", prices.get(priceId).deepCopy());
                    }
                    if (p.containsKey("cancel_at_period_end")) {
                        sub.put("cancel_at_period_end", Boolean.parseBoolean(p.get("cancel_at_period_end")));
                    }
                    ObjectNode metadata = (ObjectNode) sub.path("metadata");
                    p.forEach((k, v) -> {
                        if (k.startsWith("metadata[")) {
                            metadata.put(k.substring(9, k.length() - 1), v);
                        }
                    });
                }
            }
            send(x, 200, JSON.writeValueAsString(sub));
        }
    }

    public List<Map<String, String>> subscriptionUpdates() {
        return List.copyOf(subscriptionUpdates);
    }

    /** What Stripe does at the end of the period of a subscription set to cancel_at_period_end: it ends (customer.subscription.deleted). */
    public ObjectNode endSubscription(String id) {
        ObjectNode sub = subscriptions.get(id);
        synchronized (sub) {
            sub.put("status", "canceled");
            sub.put("ended_at", Instant.now().getEpochSecond());
            return sub.deepCopy();
        }
    }

    private void prices(HttpExchange x) throws IOException {
        try (x) {
            if (!authorised(x)) {
                return;
            }
            if (!"POST".equals(x.getRequestMethod()) || !"/v1/prices".equals(x.getRequestURI().getPath())) {
                error(x, 404, "resource_missing", "Unrecognized request URL.", null);
                return;
            }
            Map<String, String> p = form(x.getRequestBody());
            if (!p.containsKey("currency")) {
                error(x, 400, "parameter_missing", "Missing required param: currency.", "currency");
                return;
            }
            if (!p.containsKey("product") && !p.containsKey("product_data[name]")) {
                error(x, 400, "parameter_missing", "You must specify either `product` or `product_data` when creating a price.", "product");
                return;
            }
            ObjectNode price = price(p.get("currency"), Long.parseLong(p.getOrDefault("unit_amount", "0")), p.get("recurring[interval]"),
                    Long.parseLong(p.getOrDefault("recurring[interval_count]", "1")), p.get("product"));
            prices.put(price.path("id").asString(), price);
            send(x, 200, JSON.writeValueAsString(price));
        }
    }

    /** A Price object as GET /v1/prices/{id} answers it (recurring when an interval is given). */
    private ObjectNode price(String currency, long unitAmount, String interval, long intervalCount, String product) {
        ObjectNode price = JSON.createObjectNode();
        price.put("id", "price_test_" + ids.incrementAndGet());
        price.put("object", "price");
        price.put("active", true);
        price.put("currency", currency);
        price.put("livemode", false);
        price.put("product", product != null ? product : "prod_test_" + ids.incrementAndGet());
        price.put("type", interval == null ? "one_time" : "recurring");
        price.put("unit_amount", unitAmount);
        if (interval == null) {
            price.putNull("recurring");
        } else {
            price.putObject("recurring").put("interval", interval).put("interval_count", intervalCount).put("usage_type", "licensed");
        }
        return price;
    }

    // ---- webhook events ----

    /** An event as Stripe sends it, with {@code data.object} the given object. */
    public String event(String type, ObjectNode object, Instant created) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", "evt_test_" + ids.incrementAndGet() + Fixtures.unique());
        e.put("object", "event");
        e.put("api_version", Stripe.API_VERSION);
        e.put("created", created.getEpochSecond());
        e.putObject("data").set("object", object);
        e.put("livemode", false);
        e.put("pending_webhooks", 1);
        ObjectNode request = e.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        e.put("type", type);
        return JSON.writeValueAsString(e);
    }

    /** The Stripe-Signature header for the payload signed at {@code timestamp} with the endpoint's secret. */
    public static String signature(String payload, String signingSecret, Instant timestamp) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(signingSecret, t + "." + payload);
    }

    /** Posts a signed event to Portico's webhook URL as Stripe does; returns the status and body. */
    public HttpResponse<String> deliver(String url, String payload, String signatureHeader) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signatureHeader)
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs the payload now (by {@code clock}) and delivers it. */
    public HttpResponse<String> deliver(String url, String payload, String signingSecret, Clock clock) {
        return deliver(url, payload, signature(payload, signingSecret, clock.instant()));
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the API ----

    private void sessions(HttpExchange x) throws IOException {
        try (x) {
            if (!authorised(x)) {
                return;
            }
            String path = x.getRequestURI().getPath();
            if ("POST".equals(x.getRequestMethod()) && path.equals("/v1/checkout/sessions")) {
                createSession(x, form(x.getRequestBody()));
            } else if ("POST".equals(x.getRequestMethod()) && path.matches("/v1/checkout/sessions/[^/]+/expire")) {
                expireSession(x, path.substring("/v1/checkout/sessions/".length(), path.length() - "/expire".length()));
            } else if ("GET".equals(x.getRequestMethod()) && path.startsWith("/v1/checkout/sessions/")) {
                ObjectNode s = sessions.get(path.substring("/v1/checkout/sessions/".length()));
                if (s == null) {
                    error(x, 404, "resource_missing", "No such checkout.session: '" + path.substring(22) + "'", "id");
                } else {
                    send(x, 200, JSON.writeValueAsString(s));
                }
            } else {
                error(x, 404, "resource_missing", "Unrecognized request URL (" + x.getRequestMethod() + ": " + path + ").", null);
            }
        }
    }

    /**
     * {@code POST /v1/checkout/sessions/{id}/expire}: only an {@code open} session can be expired;
     * it becomes {@code expired} (its {@code url} null, its page refuses payment). Any other status
     * is Stripe's invalid_request_error (400).
     */
    private void expireSession(HttpExchange x, String id) throws IOException {
        ObjectNode s = sessions.get(id);
        if (s == null) {
            error(x, 404, "resource_missing", "No such checkout.session: '" + id + "'", "session");
            return;
        }
        synchronized (s) {
            if (!"open".equals(s.path("status").asString())) {
                error(x, 400, null, "Only Checkout Sessions with a status in [\"open\"] can be expired.", null);
                return;
            }
            s.put("status", "expired");
            s.putNull("url");
            send(x, 200, JSON.writeValueAsString(s));
        }
    }

    private void createSession(HttpExchange x, Map<String, String> p) throws IOException {
        for (String required : List.of("mode", "success_url", "line_items[0][price_data][currency]",
                "line_items[0][price_data][unit_amount]", "line_items[0][price_data][product_data][name]", "line_items[0][quantity]")) {
            if (!p.containsKey(required)) {
                error(x, 400, "parameter_missing", "Missing required param: " + required + ".", required);
                return;
            }
        }
        if (!List.of("payment", "subscription", "setup").contains(p.get("mode"))) {
            error(x, 400, "parameter_invalid_string", "Invalid mode: must be one of payment, setup, or subscription", "mode");
            return;
        }
        if ("subscription".equals(p.get("mode")) && !p.containsKey("line_items[0][price_data][recurring][interval]")) {
            error(x, 400, "parameter_missing", "You must provide at least one recurring price in `subscription` mode when using prices.",
                    "line_items");
            return;
        }
        String id = "cs_test_" + ids.incrementAndGet() + Fixtures.unique();
        long amount = Long.parseLong(p.get("line_items[0][price_data][unit_amount]"))
                * Long.parseLong(p.get("line_items[0][quantity]"));
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        s.put("object", "checkout.session");
        s.put("amount_subtotal", amount);
        s.put("amount_total", amount);
        s.put("cancel_url", p.get("cancel_url"));
        s.put("client_reference_id", p.get("client_reference_id"));
        s.put("created", Instant.now().getEpochSecond());
        s.put("currency", p.get("line_items[0][price_data][currency]"));
        s.put("customer_email", p.get("customer_email"));
        s.put("expires_at", Long.parseLong(p.getOrDefault("expires_at", String.valueOf(Instant.now().getEpochSecond() + 86_400))));
        s.put("livemode", false);
        s.put("locale", p.get("locale"));
        ObjectNode metadata = s.putObject("metadata");
        p.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.put(k.substring(9, k.length() - 1), v);
            }
        });
        s.put("mode", p.get("mode"));
        s.putNull("payment_intent");
        s.put("payment_status", "unpaid");
        s.put("status", "open");
        s.put("success_url", p.get("success_url"));
        s.put("url", apiBase() + "/pay/" + id);
        sessions.put(id, s);
        Map<String, String> recorded = new LinkedHashMap<>(p);
        recorded.put("$id", id);
        sessionRequests.add(recorded);
        send(x, 200, JSON.writeValueAsString(s));
    }

    private void refunds(HttpExchange x) throws IOException {
        try (x) {
            if (!authorised(x)) {
                return;
            }
            if (!"POST".equals(x.getRequestMethod())) {
                error(x, 404, "resource_missing", "Unrecognized request URL.", null);
                return;
            }
            Map<String, String> p = form(x.getRequestBody());
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && refundsByIdempotencyKey.containsKey(key)) {
                // Stripe answers a retried request with the first response, whatever happened since.
                send(x, 200, JSON.writeValueAsString(refunds.get(refundsByIdempotencyKey.get(key))));
                return;
            }
            String intent = p.get("payment_intent");
            ObjectNode session = intent == null ? null : sessions.values().stream()
                    .filter(s -> intent.equals(s.path("payment_intent").asString())).findFirst().orElse(null);
            if (session == null) {
                error(x, 400, "resource_missing", "No such payment_intent: '" + intent + "'", "payment_intent");
                return;
            }
            if (!refundsOf(intent).isEmpty()) {
                error(x, 400, "charge_already_refunded", "Charge ch_" + intent.substring(3) + " has already been refunded.", null);
                return;
            }
            ObjectNode r = refund(intent, session, p.containsKey("amount") ? Long.parseLong(p.get("amount"))
                    : session.path("amount_total").asLong(), p.get("reason"));
            ObjectNode metadata = r.putObject("metadata");
            p.forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring(9, k.length() - 1), v);
                }
            });
            if (key != null) {
                refundsByIdempotencyKey.put(key, r.get("id").asString());
            }
            send(x, 200, JSON.writeValueAsString(r));
        }
    }

    /** A Refund object as Stripe's API reference describes it, kept as made. */
    private ObjectNode refund(String intent, ObjectNode session, long amount, String reason) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "re_test_" + ids.incrementAndGet());
        r.put("object", "refund");
        r.put("amount", amount);
        r.put("balance_transaction", "txn_test_" + ids.incrementAndGet());
        r.put("charge", "ch_" + intent.substring(3));
        r.put("created", Instant.now().getEpochSecond());
        r.put("currency", session.path("currency").asString());
        r.putObject("metadata");
        r.put("payment_intent", intent);
        r.put("reason", reason);
        r.putNull("receipt_number");
        r.putNull("source_transfer_reversal");
        r.put("status", "succeeded");
        r.putNull("transfer_reversal");
        refunds.put(r.get("id").asString(), r);
        return r;
    }

    /**
     * What the operator does in Stripe's Dashboard: refunds {@code amount} of the payment (null: all
     * of it). Returns the Charge as Stripe's {@code charge.refunded} event carries it (API reference:
     * the Charge object; {@code refunds} listed as in the event's payload).
     */
    public ObjectNode refundInDashboard(String intent, Long amount) {
        ObjectNode session = sessions.values().stream().filter(s -> intent.equals(s.path("payment_intent").asString())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no payment " + intent));
        long total = session.path("amount_total").asLong();
        refund(intent, session, amount == null ? total : amount, "requested_by_customer");
        long refunded = refundsOf(intent).stream().mapToLong(r -> r.path("amount").asLong()).sum();
        ObjectNode charge = JSON.createObjectNode();
        charge.put("id", "ch_" + intent.substring(3));
        charge.put("object", "charge");
        charge.put("amount", total);
        charge.put("amount_captured", total);
        charge.put("amount_refunded", refunded);
        charge.put("captured", true);
        charge.put("created", Instant.now().getEpochSecond());
        charge.put("currency", session.path("currency").asString());
        charge.put("livemode", false);
        charge.put("paid", true);
        charge.put("payment_intent", intent);
        charge.put("refunded", refunded >= total);
        charge.put("status", "succeeded");
        ObjectNode list = charge.putObject("refunds");
        list.put("object", "list");
        var data = list.putArray("data"); // newest first, as Stripe lists them
        refundsOf(intent).stream().sorted(java.util.Comparator.comparingLong(
                (ObjectNode r) -> Long.parseLong(r.path("id").asString().substring("re_test_".length()))).reversed()).forEach(data::add);
        list.put("has_more", false);
        list.put("url", "/v1/charges/" + charge.path("id").asString() + "/refunds");
        return charge;
    }

    /** The hosted payment page: shows the amount; its Pay button completes the session and goes to the success URL. */
    private void checkoutPage(HttpExchange x) throws IOException {
        try (x) {
            String id = x.getRequestURI().getPath().substring("/pay/".length());
            ObjectNode s = sessions.get(id);
            if (s == null) {
                send(x, 404, "no such session", "text/plain");
                return;
            }
            if (!"open".equals(s.path("status").asString()) && !"complete".equals(s.path("status").asString())) {
                send(x, 410, "This Checkout Session has expired.", "text/plain");
                return;
            }
            if ("POST".equals(x.getRequestMethod())) {
                pay(id);
                x.getResponseHeaders().add("Location", s.path("success_url").asString().replace("{CHECKOUT_SESSION_ID}", id));
                x.sendResponseHeaders(303, -1);
                return;
            }
            String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Stripe test checkout</title></head>"
                    + "<body><main><h1>Test checkout</h1><p id=\"amount\">" + s.path("amount_total").asLong() + " "
                    + s.path("currency").asString() + "</p><form method=\"post\"><button id=\"pay\" type=\"submit\">Pay</button>"
                    + "</form></main></body></html>";
            send(x, 200, html, "text/html; charset=utf-8");
        }
    }

    private boolean authorised(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.matches("Bearer (sk|rk)_(test|live)_\\S+")) {
            error(x, 401, null, "Invalid API Key provided.", null);
            return false;
        }
        apiKeys.add(auth.substring(7));
        return true;
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            p.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }

    private static void error(HttpExchange x, int status, String code, String message, String param) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("error");
        if (code != null) {
            e.put("code", code);
        }
        e.put("message", message);
        if (param != null) {
            e.put("param", param);
        }
        e.put("type", status == 401 ? "invalid_request_error" : "invalid_request_error");
        send(x, status, JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        send(x, status, body, "application/json");
    }

    private static void send(HttpExchange x, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.getResponseHeaders().add("Request-Id", "req_test_" + System.nanoTime());
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
