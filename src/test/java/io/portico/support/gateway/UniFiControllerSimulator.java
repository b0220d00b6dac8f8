package io.portico.support.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A UniFi Network controller on loopback (port 0) for tests, answering the two APIs an external
 * portal uses to let a guest on, as UniFi documents and deployed controllers answer them:
 * <ul>
 *   <li>classic: {@code POST /api/login} (JSON user name and password; sets the {@code unifises}
 *       cookie and an {@code X-CSRF-Token}), {@code POST /api/s/{site}/cmd/stamgr} with
 *       {@code authorize-guest} (needs the cookie; {@code meta.rc} ok or error), {@code POST /api/logout};</li>
 *   <li>the same on a UniFi OS console ({@link #unifiOs}): {@code POST /api/auth/login} sets the
 *       {@code TOKEN} cookie and sends {@code X-CSRF-Token}, which every write must carry; the
 *       Network application answers under {@code /proxy/network} ({@code /proxy/network/api/s/{site}/cmd/stamgr},
 *       which rotates the token with {@code X-Updated-CSRF-Token}); {@code POST /api/auth/logout};
 *       {@code /api/login} does not exist there;</li>
 *   <li>integration: {@code GET /proxy/network/integration/v1/sites/{siteId}/clients?filter=macAddress.eq('..')}
 *       and {@code POST .../clients/{id}/actions} with {@code AUTHORIZE_GUEST_ACCESS}, both with {@code X-API-KEY}.</li>
 * </ul>
 * Tests read what it was asked through {@link #authorizations()}.
 */
public final class UniFiControllerSimulator implements AutoCloseable {

    /** One guest authorisation the controller accepted, in the request's own units (minutes, kbit/s, MB). */
    public record Authorization(String api, String site, String mac, long minutes, Optional<Long> upKbps,
                                Optional<Long> downKbps, Optional<Long> megabytes) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STAMGR = Pattern.compile("/api/s/([^/]+)/cmd/stamgr");
    private static final Pattern OS_STAMGR = Pattern.compile("/proxy/network/api/s/([^/]+)/cmd/stamgr");
    private static final Pattern CLIENTS = Pattern.compile("/proxy/network/integration/v1/sites/([^/]+)/clients");
    private static final Pattern ACTIONS = Pattern.compile("/proxy/network/integration/v1/sites/([^/]+)/clients/([^/]+)/actions");
    private static final Pattern MAC_FILTER = Pattern.compile("macAddress\\.eq\\('([0-9a-f:]{17})'\\)");

    private final HttpServer server;
    private final String username;
    private final String password;
    private final String apiKey;
    private final Set<String> sites;
    private final String integrationSiteId = UUID.randomUUID().toString();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> clientIds = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refuseNext = new AtomicBoolean();
    private final boolean unifiOs;

    /** A classic (self-hosted) UniFi Network controller. */
    public UniFiControllerSimulator(String username, String password, String apiKey, String... sites) throws IOException {
        this(false, username, password, apiKey, sites);
    }

    /** A UniFi OS console (UDM, Cloud Key Gen2+, UniFi OS Server) running the Network application. */
    public static UniFiControllerSimulator unifiOs(String username, String password, String apiKey, String... sites)
            throws IOException {
        return new UniFiControllerSimulator(true, username, password, apiKey, sites);
    }

    private UniFiControllerSimulator(boolean unifiOs, String username, String password, String apiKey, String... sites)
            throws IOException {
        this.unifiOs = unifiOs;
        this.username = username;
        this.password = password;
        this.apiKey = apiKey;
        this.sites = Set.of(sites);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The site's id in the integration API (a UUID, unlike the classic API's site name). */
    public String integrationSiteId() {
        return integrationSiteId;
    }

    /** A device associates with an access point: the controller now knows it (the integration API finds it by MAC). */
    public void associate(String mac) {
        clientIds.putIfAbsent(mac, UUID.randomUUID().toString());
    }

    public List<Authorization> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Sessions logged in and not yet logged out (a client that ends its sessions leaves none). */
    public int openSessions() {
        return sessions.size();
    }

    /** The next authorisation is refused with {@code rc: error} (classic) or HTTP 400 (integration). */
    public void refuseNext() {
        refuseNext.set(true);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher stamgr = (unifiOs ? OS_STAMGR : STAMGR).matcher(path);
            if (method.equals("POST") && path.equals(unifiOs ? "/api/auth/login" : "/api/login")) {
                login(exchange);
            } else if (method.equals("POST") && path.equals(unifiOs ? "/api/auth/logout" : "/api/logout")) {
                logout(exchange);
            } else if (method.equals("POST") && stamgr.matches()) {
                stamgr(exchange, stamgr.group(1));
            } else if (path.startsWith("/proxy/network/integration/")) {
                integration(exchange, method, path);
            } else {
                reply(exchange, 404, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.NotFound\"}}");
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        if (!username.equals(body.path("username").asString("")) || !password.equals(body.path("password").asString(""))) {
            reply(exchange, 400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.Invalid\"},\"data\":[]}");
            return;
        }
        String cookie = UUID.randomUUID().toString();
        String csrf = UUID.randomUUID().toString();
        sessions.put(cookie, csrf);
        exchange.getResponseHeaders().add("Set-Cookie", cookieName() + "=" + cookie + "; Path=/; HttpOnly"
                + (unifiOs ? "; SameSite=Strict" : ""));
        exchange.getResponseHeaders().add("X-CSRF-Token", csrf);
        // UniFi OS answers with the user, not the Network application's meta/data envelope
        reply(exchange, 200, unifiOs ? "{\"unique_id\":\"" + UUID.randomUUID() + "\",\"username\":\"" + username
                + "\",\"isSuperAdmin\":false}" : ok());
    }

    private void logout(HttpExchange exchange) throws IOException {
        Optional<String> cookie = session(exchange);
        if (unifiOs && (cookie.isEmpty() || !csrfMatches(exchange, cookie.get()))) {
            reply(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Unauthorized\"}}");
            return;
        }
        cookie.ifPresent(sessions::remove);
        reply(exchange, 200, unifiOs ? "{}" : ok());
    }

    private boolean csrfMatches(HttpExchange exchange, String cookie) {
        String csrf = sessions.get(cookie);
        return csrf != null && csrf.equals(exchange.getRequestHeaders().getFirst("X-CSRF-Token"));
    }

    private String cookieName() {
        return unifiOs ? "TOKEN" : "unifises";
    }

    private void stamgr(HttpExchange exchange, String site) throws IOException {
        Optional<String> cookie = session(exchange);
        if (cookie.isEmpty() || !csrfMatches(exchange, cookie.get())) {
            reply(exchange, 401, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.LoginRequired\"},\"data\":[]}");
            return;
        }
        if (!sites.contains(site)) {
            reply(exchange, 400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.NoSiteContext\"},\"data\":[]}");
            return;
        }
        JsonNode body = body(exchange);
        if (!"authorize-guest".equals(body.path("cmd").asString("")) || !body.has("mac") || refuseNext.getAndSet(false)) {
            reply(exchange, 400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.InvalidPayload\"},\"data\":[]}");
            return;
        }
        if (unifiOs) {
            String rotated = UUID.randomUUID().toString();
            sessions.put(cookie.get(), rotated);
            exchange.getResponseHeaders().add("X-Updated-CSRF-Token", rotated);
        }
        authorizations.add(new Authorization(unifiOs ? "unifi-os" : "classic", site, body.get("mac").asString(), body.path("minutes").asLong(0),
                number(body, "up"), number(body, "down"), number(body, "bytes")));
        reply(exchange, 200, "{\"meta\":{\"rc\":\"ok\"},\"data\":[{\"cmd\":\"authorize-guest\",\"mac\":\""
                + body.get("mac").asString() + "\"}]}");
    }

    private void integration(HttpExchange exchange, String method, String path) throws IOException {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-KEY"))) {
            reply(exchange, 401, "{\"statusCode\":401,\"statusName\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}");
            return;
        }
        Matcher clients = CLIENTS.matcher(path);
        Matcher actions = ACTIONS.matcher(path);
        if (method.equals("GET") && clients.matches() && clients.group(1).equals(integrationSiteId)) {
            String query = URLDecoder.decode(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                    StandardCharsets.UTF_8);
            Matcher mac = MAC_FILTER.matcher(query);
            String data = mac.find() && clientIds.containsKey(mac.group(1))
                    ? "[{\"type\":\"WIRELESS\",\"id\":\"" + clientIds.get(mac.group(1)) + "\",\"macAddress\":\"" + mac.group(1) + "\"}]"
                    : "[]";
            reply(exchange, 200, "{\"offset\":0,\"limit\":25,\"count\":" + (data.equals("[]") ? 0 : 1) + ",\"data\":" + data + "}");
        } else if (method.equals("POST") && actions.matches() && actions.group(1).equals(integrationSiteId)) {
            JsonNode body = body(exchange);
            String mac = clientIds.entrySet().stream().filter(e -> e.getValue().equals(actions.group(2))).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (mac == null || !"AUTHORIZE_GUEST_ACCESS".equals(body.path("action").asString("")) || refuseNext.getAndSet(false)) {
                reply(exchange, 400, "{\"statusCode\":400,\"statusName\":\"BAD_REQUEST\",\"message\":\"Bad request\"}");
                return;
            }
            authorizations.add(new Authorization("integration", integrationSiteId, mac, body.path("timeLimitMinutes").asLong(0),
                    number(body, "txRateLimitKbps"), number(body, "rxRateLimitKbps"), number(body, "dataUsageLimitMBytes")));
            reply(exchange, 200, "{\"action\":\"AUTHORIZE_GUEST_ACCESS\"}");
        } else {
            reply(exchange, 404, "{\"statusCode\":404,\"statusName\":\"NOT_FOUND\",\"message\":\"Not found\"}");
        }
    }

    private Optional<String> session(HttpExchange exchange) {
        String prefix = cookieName() + "=";
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                String c = cookie.strip();
                if (c.startsWith(prefix)) {
                    return Optional.of(c.substring(prefix.length()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> number(JsonNode body, String field) {
        return body.hasNonNull(field) ? Optional.of(body.get(field).asLong()) : Optional.empty();
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static String ok() {
        return "{\"meta\":{\"rc\":\"ok\"},\"data\":[]}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
