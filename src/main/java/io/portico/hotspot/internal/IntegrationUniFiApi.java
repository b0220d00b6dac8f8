package io.portico.hotspot.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.portico.hotspot.UniFiController;
import io.portico.hotspot.UniFiGuestAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UniFi Network integration API (Network 9.1 and later, API key from Control Plane >
 * Integrations): finds the client by MAC with
 * {@code GET /proxy/network/integration/v1/sites/{siteId}/clients?filter=macAddress.eq('..')},
 * then {@code POST .../clients/{clientId}/actions} with {@code AUTHORIZE_GUEST_ACCESS},
 * {@code timeLimitMinutes}, {@code dataUsageLimitMBytes}, {@code rxRateLimitKbps} (download) and
 * {@code txRateLimitKbps} (upload). The key goes in {@code X-API-KEY}.
 */
final class IntegrationUniFiApi implements UniFiApi {

    static final String PREFIX = "proxy/network/integration/v1/sites/";

    private final JsonMapper json;
    private final Duration requestTimeout;
    private final HttpClient http;

    IntegrationUniFiApi(JsonMapper json, Duration connectTimeout, Duration requestTimeout, SSLContext tls) {
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(tls).build();
    }

    @Override
    public void authorizeGuest(UniFiController controller, String site, UniFiGuestAccess access)
            throws IOException, InterruptedException, UniFiException {
        URI sites = ClassicUniFiApi.base(controller.url()).resolve(PREFIX + controller.integrationSiteId().orElseThrow() + "/");
        String filter = URLEncoder.encode("macAddress.eq('" + access.mac() + "')", StandardCharsets.UTF_8);
        HttpResponse<String> found = http.send(request(controller, sites.resolve("clients?filter=" + filter)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() != 200) {
            throw new UniFiException("client look-up refused (HTTP " + found.statusCode() + ")");
        }
        JsonNode clients = json.readTree(found.body()).path("data");
        if (!clients.isArray() || clients.isEmpty() || !clients.get(0).hasNonNull("id")) {
            throw new UniFiException("the controller does not know device " + access.mac() + " on this site");
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "AUTHORIZE_GUEST_ACCESS");
        action.put("timeLimitMinutes", access.minutes());
        access.megabytes().ifPresent(v -> action.put("dataUsageLimitMBytes", v));
        access.downloadKbps().ifPresent(v -> action.put("rxRateLimitKbps", v));
        access.uploadKbps().ifPresent(v -> action.put("txRateLimitKbps", v));
        URI actions = sites.resolve("clients/" + URLEncoder.encode(clients.get(0).get("id").asString(), StandardCharsets.UTF_8)
                + "/actions");
        HttpResponse<String> done = http.send(request(controller, actions).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(action))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() / 100 != 2) {
            throw new UniFiException("AUTHORIZE_GUEST_ACCESS refused (HTTP " + done.statusCode() + ")");
        }
    }

    private HttpRequest.Builder request(UniFiController controller, URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
                .header("X-API-KEY", controller.apiKey().orElseThrow());
    }
}
