package io.portico.hotspot.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.portico.hotspot.UniFiController;
import io.portico.hotspot.UniFiGuestAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Network application's session API with a local user, on either kind of controller, found
 * out at each call:
 * <ul>
 *   <li>a UniFi OS console (UDM, Cloud Key Gen2+, UniFi OS Server): {@code POST /api/auth/login}
 *       answers 200, setting the {@code TOKEN} cookie and sending an {@code X-CSRF-Token} header;
 *       the Network application lives under {@code /proxy/network}, and the session ends with
 *       {@code POST /api/auth/logout};</li>
 *   <li>otherwise the classic self-hosted controller: {@code POST /api/login} (the {@code unifises}
 *       cookie, and a CSRF token on newer versions), the API at the root, {@code POST /api/logout}.</li>
 * </ul>
 * Then {@code POST <network>/api/s/{site}/cmd/stamgr} with
 * {@code {"cmd":"authorize-guest","mac":..,"minutes":..,"up":..,"down":..,"bytes":..}} (speeds in
 * kbit/s, quota in MB), with the CSRF token on every write. A fresh cookie jar per call, so no
 * controller session outlives it.
 */
final class ClassicUniFiApi implements UniFiApi {

    /** Where a UniFi OS console serves the Network application's API. */
    static final String UNIFI_OS_NETWORK = "proxy/network/";

    private final JsonMapper json;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final SSLContext tls;

    ClassicUniFiApi(JsonMapper json, Duration connectTimeout, Duration requestTimeout, SSLContext tls) {
        this.json = json;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.tls = tls;
    }

    @Override
    public void authorizeGuest(UniFiController controller, String site, UniFiGuestAccess access)
            throws IOException, InterruptedException, UniFiException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(tls)
                .cookieHandler(new CookieManager()).build();
        URI base = base(controller.url());
        Map<String, String> user = Map.of("username", controller.username().orElseThrow(),
                "password", controller.password().orElseThrow());
        HttpResponse<String> login = post(http, base.resolve("api/auth/login"), user, Optional.empty());
        boolean unifiOs = login.statusCode() == 200;
        if (!unifiOs) {
            int osStatus = login.statusCode();
            login = post(http, base.resolve("api/login"), user, Optional.empty());
            if (login.statusCode() != 200) {
                throw new UniFiException("login refused (UniFi OS: HTTP " + osStatus + ", classic: HTTP " + login.statusCode() + ")");
            }
        }
        Optional<String> csrf = login.headers().firstValue("X-CSRF-Token");
        URI network = unifiOs ? base.resolve(UNIFI_OS_NETWORK) : base;
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cmd", "authorize-guest");
        command.put("mac", access.mac());
        command.put("minutes", access.minutes());
        access.uploadKbps().ifPresent(v -> command.put("up", v));
        access.downloadKbps().ifPresent(v -> command.put("down", v));
        access.megabytes().ifPresent(v -> command.put("bytes", v));
        access.apMac().ifPresent(v -> command.put("ap_mac", v));
        Optional<String> logoutCsrf = csrf;
        try {
            HttpResponse<String> answer = post(http, network.resolve("api/s/" + site + "/cmd/stamgr"), command, csrf);
            // UniFi OS may rotate the token on a write; the logout then needs the new one
            logoutCsrf = answer.headers().firstValue("X-Updated-CSRF-Token").or(() -> csrf);
            String rc = rc(answer.body());
            if (answer.statusCode() != 200 || !"ok".equals(rc)) {
                throw new UniFiException("authorize-guest refused (HTTP " + answer.statusCode() + ", rc " + rc + ")");
            }
        } finally {
            post(http, base.resolve(unifiOs ? "api/auth/logout" : "api/logout"), Map.of(), logoutCsrf);
        }
    }

    private HttpResponse<String> post(HttpClient http, URI uri, Map<String, ?> body, Optional<String> csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        csrf.ifPresent(token -> request.header("X-CSRF-Token", token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rc(String body) {
        try {
            JsonNode meta = json.readTree(body).path("meta");
            return meta.path("rc").asString("") + (meta.has("msg") ? " " + meta.path("msg").asString("") : "");
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    /** The controller URL as a base that relative paths resolve under (with a trailing slash). */
    static URI base(URI url) {
        String s = url.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

}
