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
 * The classic UniFi controller API: {@code POST /api/login} with the local user (the session
 * cookie, and on UniFi OS the CSRF token, come back), then {@code POST /api/s/{site}/cmd/stamgr}
 * with {@code {"cmd":"authorize-guest","mac":..,"minutes":..,"up":..,"down":..,"bytes":..}}
 * (speeds in kbit/s, quota in MB), then {@code POST /api/logout}. A fresh cookie jar per call, so
 * no controller session outlives it.
 */
final class ClassicUniFiApi implements UniFiApi {

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
        HttpResponse<String> login = post(http, base.resolve("api/login"), Map.of("username",
                controller.username().orElseThrow(), "password", controller.password().orElseThrow()), Optional.empty());
        if (login.statusCode() != 200) {
            throw new UniFiException("login refused (HTTP " + login.statusCode() + ")");
        }
        Optional<String> csrf = login.headers().firstValue("X-CSRF-Token");
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cmd", "authorize-guest");
        command.put("mac", access.mac());
        command.put("minutes", access.minutes());
        access.uploadKbps().ifPresent(v -> command.put("up", v));
        access.downloadKbps().ifPresent(v -> command.put("down", v));
        access.megabytes().ifPresent(v -> command.put("bytes", v));
        access.apMac().ifPresent(v -> command.put("ap_mac", v));
        try {
            HttpResponse<String> answer = post(http, base.resolve("api/s/" + site + "/cmd/stamgr"), command, csrf);
            String rc = rc(answer.body());
            if (answer.statusCode() != 200 || !"ok".equals(rc)) {
                throw new UniFiException("authorize-guest refused (HTTP " + answer.statusCode() + ", rc " + rc + ")");
            }
        } finally {
            post(http, base.resolve("api/logout"), Map.of(), csrf);
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
