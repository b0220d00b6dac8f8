package io.portico.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.portico.gateway.internal.RouterOsRestDriver;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * MikroTik RouterOS v7 REST API on 127.0.0.1 (a free port), the part {@code RouterOsRestDriver}
 * uses: menus {@code /rest/interface/vlan} and {@code /rest/queue/simple} with GET (with
 * {@code ?name=} filter), PUT (create), PATCH {@code /<.id>} and DELETE, HTTP Basic auth, string
 * values, {@code .id} as {@code *N}, and RouterOS's error bodies
 * ({@code {"error":400,"message":"Bad Request","detail":"..."}}). The {@code --demo} network and the
 * gateway tests use it.
 *
 * <p>Several routers can share one simulator: each {@link Device} answers to its own user name and
 * password and keeps its configuration in memory. A device added as read-only behaves as a
 * RouterOS user whose group lacks the {@code write} policy: it reads, and refuses every change
 * with 403.
 */
public final class RouterOsSimulator implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> MENUS = List.of("interface/vlan", "queue/simple");

    private final HttpServer server;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final List<Device> added = new CopyOnWriteArrayList<>();

    /** One simulated router: its configuration, the requests it answered, its behaviour. */
    public static final class Device {

        private final boolean readOnly;
        private final Map<String, Map<String, Map<String, String>>> menus = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private volatile int failWithStatus;

        private Device(boolean readOnly) {
            this.readOnly = readOnly;
            MENUS.forEach(m -> menus.put(m, new ConcurrentHashMap<>()));
        }

        /** Every request as "METHOD path", in order; writes are what tests count for idempotency. */
        public List<String> requests() {
            return List.copyOf(requests);
        }

        public long writes() {
            return requests.stream().filter(r -> !r.startsWith("GET ")).count();
        }

        /** Items of a menu by name, each as RouterOS shows it (all values strings). */
        public Map<String, Map<String, String>> items(String menu) {
            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            menus.get(menu).values().forEach(item -> byName.put(item.get("name"), Map.copyOf(item)));
            return byName;
        }

        /**
         * Configures a VLAN as Portico's driver leaves an enabled one (the interface on the bridge
         * and its queue), as if it had been applied before: a simulator forgets on restart what
         * the gateway had confirmed.
         */
        public void configureVlan(int vlanId, String bridge) {
            String name = RouterOsRestDriver.interfaceName(vlanId);
            create("interface/vlan", Map.of("name", name, "vlan-id", Integer.toString(vlanId), "interface", bridge));
            create("queue/simple", Map.of("name", name, "target", name));
        }

        /** Answer every request with this status (500, 503...) until set back to 0. */
        public void failWith(int status) {
            this.failWithStatus = status;
        }

        private Map<String, String> create(String menu, Map<String, String> fields) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put(".id", "*" + Integer.toHexString(ids.incrementAndGet()).toUpperCase());
            item.put("disabled", "false");
            item.putAll(fields);
            menus.get(menu).put(item.get(".id"), item);
            return item;
        }
    }

    /** A simulator without routers yet; {@link #addDevice} adds them. */
    public RouterOsSimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/", this::handle);
        server.start();
    }

    /** A simulator with one router, which {@link #items}, {@link #requests} and the other shortcuts address. */
    public RouterOsSimulator(String user, String password) throws IOException {
        this();
        addDevice(user, password, false);
    }

    /** Adds a router that answers to these credentials; a read-only one refuses every change. */
    public Device addDevice(String user, String password, boolean readOnly) {
        Device device = new Device(readOnly);
        if (devices.putIfAbsent(credentials(user, password), device) != null) {
            throw new IllegalArgumentException("a device already answers to user " + user + " with that password");
        }
        added.add(device);
        return device;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> requests() {
        return first().requests();
    }

    public long writes() {
        return first().writes();
    }

    public Map<String, Map<String, String>> items(String menu) {
        return first().items(menu);
    }

    public void failWith(int status) {
        first().failWith(status);
    }

    private Device first() {
        return added.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/rest/".length());
            Optional<Device> signedIn = signedIn(exchange.getRequestHeaders().getFirst("Authorization"));
            signedIn.ifPresent(d -> d.requests.add(exchange.getRequestMethod() + " /rest/" + path));
            if (signedIn.isPresent() && signedIn.get().failWithStatus != 0) {
                int status = signedIn.get().failWithStatus;
                error(exchange, status, status == 503 ? "Service Unavailable" : "Internal Server Error", null);
                return;
            }
            if (signedIn.isEmpty()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"RouterOS\"");
                error(exchange, 401, "Unauthorized", null);
                return;
            }
            Device device = signedIn.get();
            String menu = MENUS.stream().filter(m -> path.equals(m) || path.startsWith(m + "/")).findFirst().orElse(null);
            if (menu == null) {
                error(exchange, 404, "Not Found", "no such command or directory (" + path + ")");
                return;
            }
            if (device.readOnly && !exchange.getRequestMethod().equals("GET")) {
                error(exchange, 403, "Forbidden", "not enough permissions (9)");
                return;
            }
            String id = path.length() > menu.length() ? URLDecoder.decode(path.substring(menu.length() + 1), StandardCharsets.UTF_8) : null;
            answer(exchange, device, menu, id);
        }
    }

    private static void answer(HttpExchange exchange, Device device, String menu, @Nullable String id) throws IOException {
        Map<String, Map<String, String>> items = device.menus.get(menu);
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                if (id != null) {
                    var item = items.get(id);
                    if (item == null) {
                        error(exchange, 404, "Not Found", "no such item");
                    } else {
                        ok(exchange, 200, item);
                    }
                    return;
                }
                Map<String, String> filter = query(exchange.getRequestURI().getRawQuery());
                List<Map<String, String>> matches = new ArrayList<>();
                for (var item : items.values()) {
                    if (filter.entrySet().stream().allMatch(f -> f.getValue().equals(item.get(f.getKey())))) {
                        matches.add(item);
                    }
                }
                ok(exchange, 200, matches);
            }
            case "PUT" -> {
                Map<String, String> body = body(exchange);
                if (body == null || body.get("name") == null) {
                    error(exchange, 400, "Bad Request", "missing or invalid body");
                    return;
                }
                if (items.values().stream().anyMatch(i -> body.get("name").equals(i.get("name")))) {
                    error(exchange, 400, "Bad Request", "failure: already have interface with such name");
                    return;
                }
                if (menu.equals("interface/vlan") && !body.getOrDefault("vlan-id", "").matches("\\d{1,4}")) {
                    error(exchange, 400, "Bad Request", "input does not match any value of vlan-id");
                    return;
                }
                ok(exchange, 201, device.create(menu, body));
            }
            case "PATCH" -> {
                var item = id == null ? null : items.get(id);
                if (item == null) {
                    error(exchange, 404, "Not Found", "no such item");
                    return;
                }
                Map<String, String> body = body(exchange);
                if (body == null) {
                    error(exchange, 400, "Bad Request", "missing or invalid body");
                    return;
                }
                item.putAll(body);
                ok(exchange, 200, item);
            }
            case "DELETE" -> {
                if (id == null || items.remove(id) == null) {
                    error(exchange, 404, "Not Found", "no such item");
                    return;
                }
                exchange.sendResponseHeaders(204, -1);
            }
            default -> error(exchange, 400, "Bad Request", "unknown method");
        }
    }

    private Optional<Device> signedIn(@Nullable String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(devices.get(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String credentials(String user, String password) {
        return user + ":" + password;
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static @Nullable Map<String, String> body(HttpExchange exchange) throws IOException {
        try {
            return JSON.readValue(exchange.getRequestBody().readAllBytes(), new TypeReference<Map<String, String>>() { });
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void ok(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void error(HttpExchange exchange, int status, String message, @Nullable String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status);
        body.put("message", message);
        if (detail != null) {
            body.put("detail", detail);
        }
        ok(exchange, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
