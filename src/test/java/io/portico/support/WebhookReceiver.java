package io.portico.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback (port 0) that records every request with its Standard Webhooks
 * headers. It can answer with an error for the next N requests, or stall past the sender's read
 * timeout, to test retries.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String marker = "";

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answer the next {@code count} requests with 503. */
    public void failNext(int count) {
        failNext(count, "");
    }

    /** Answer the next {@code count} requests whose body contains {@code marker} with 503. */
    public void failNext(int count, String marker) {
        this.marker = marker;
        failuresLeft.set(count);
    }

    /**
     * Hold the next {@code count} requests whose body contains {@code marker} without answering
     * (until close), past any read timeout.
     */
    public void stallNext(int count, String marker) {
        this.marker = marker;
        stallsLeft.set(count);
    }

    /** Requests answered 2xx, in arrival order. */
    public List<Received> accepted() {
        return List.copyOf(received);
    }

    /** Every request that arrived, whatever the answer. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean marked = body.contains(marker);
            if (marked && stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                await();
                return;
            }
            if (marked && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "Receiver unavailable");
                return;
            }
            Map<String, List<String>> h = exchange.getRequestHeaders();
            received.add(new Received(h.get("webhook-id").getFirst(), h.get("webhook-timestamp").getFirst(),
                    h.get("webhook-signature").getFirst(), body));
            respond(exchange, 202, "Accepted");
        }
    }

    private void await() {
        try {
            released.await(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
