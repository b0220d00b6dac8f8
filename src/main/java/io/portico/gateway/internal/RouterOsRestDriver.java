package io.portico.gateway.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.portico.gateway.CommandOutcome;
import io.portico.gateway.GatewayDriver;
import io.portico.gateway.GatewayTarget;
import io.portico.gateway.VlanCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MikroTik RouterOS v7 REST driver ({@code /rest/...}, HTTP Basic auth). A unit's VLAN is an
 * interface {@code portico-vlan<id>} on the bridge, and its speed a simple queue of the same
 * name. Each step reads first and writes only what differs, so re-applying changes nothing.
 */
@Component
public class RouterOsRestDriver implements GatewayDriver {

    /** A gateway answer that is not 2xx: carries RouterOS's error body. */
    static final class GatewayError extends Exception {
        final int status;

        GatewayError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    RouterOsRestDriver(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.timeout = properties.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .sslContext(properties.sslContext()).build();
    }

    @Override
    public String name() {
        return "routeros-rest";
    }

    @Override
    public boolean supports(String manufacturer, String connectionProtocol) {
        return manufacturer.contains("mikrotik") && (connectionProtocol.equals("https") || connectionProtocol.equals("http")
                || connectionProtocol.equals("rest"));
    }

    /** The interface (and queue) name of a unit's VLAN on the gateway. */
    public static String interfaceName(int vlanId) {
        return "portico-vlan" + vlanId;
    }

    @Override
    public CommandOutcome apply(GatewayTarget target, VlanCommand command) {
        int[] lastStatus = {0};
        try {
            String name = interfaceName(command.vlanId());
            boolean changed = ensure(target, "interface/vlan", name, command.enable(), Map.of(
                    "name", name, "vlan-id", Integer.toString(command.vlanId()), "interface", target.bridge()), lastStatus);
            if (command.enable() && command.speed() != null) {
                String limit = command.speed().uploadKbps() + "k/" + command.speed().downloadKbps() + "k";
                changed |= ensure(target, "queue/simple", name, true, Map.of("name", name, "target", name, "max-limit", limit), lastStatus);
            } else if (!command.enable()) {
                changed |= ensure(target, "queue/simple", name, false, Map.of(), lastStatus);
            }
            return CommandOutcome.applied(changed, lastStatus[0]);
        } catch (GatewayError e) {
            return CommandOutcome.failed(e.status, e.getMessage());
        } catch (HttpTimeoutException e) {
            return CommandOutcome.failed(0, "Gateway did not answer in time.");
        } catch (IOException e) {
            return CommandOutcome.failed(0, "Gateway unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandOutcome.failed(0, "Interrupted.");
        }
    }

    /**
     * Makes the named item in {@code menu} exist with the wanted fields and enabled, or disabled
     * (when it exists). Returns whether anything was written.
     */
    private boolean ensure(GatewayTarget target, String menu, String name, boolean enabled, Map<String, String> fields,
                           int[] lastStatus) throws GatewayError, IOException, InterruptedException {
        Optional<JsonNode> existing = find(target, menu, name, lastStatus);
        if (existing.isEmpty()) {
            if (!enabled) {
                return false;
            }
            Map<String, String> body = new LinkedHashMap<>(fields);
            body.put("disabled", "false");
            send(target, "PUT", "/rest/" + menu, body, lastStatus);
            return true;
        }
        JsonNode item = existing.get();
        Map<String, String> patch = new LinkedHashMap<>();
        if (enabled) {
            fields.forEach((k, v) -> {
                if (!k.equals("name") && !v.equals(text(item, k))) {
                    patch.put(k, v);
                }
            });
        }
        String disabled = enabled ? "false" : "true";
        if (!disabled.equals(text(item, "disabled"))) {
            patch.put("disabled", disabled);
        }
        if (patch.isEmpty()) {
            return false;
        }
        send(target, "PATCH", "/rest/" + menu + "/" + URLEncoder.encode(text(item, ".id"), StandardCharsets.UTF_8), patch, lastStatus);
        return true;
    }

    private Optional<JsonNode> find(GatewayTarget target, String menu, String name, int[] lastStatus)
            throws GatewayError, IOException, InterruptedException {
        JsonNode list = send(target, "GET", "/rest/" + menu + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null, lastStatus);
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                if (name.equals(text(item, "name"))) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    private JsonNode send(GatewayTarget target, String method, String path, Map<String, String> body, int[] lastStatus)
            throws GatewayError, IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((target.username() + ":" + target.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(target.baseUrl().toString()) + path))
                .timeout(timeout)
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        lastStatus[0] = response.statusCode();
        JsonNode parsed = parse(response.body());
        if (response.statusCode() >= 300) {
            throw new GatewayError(response.statusCode(), describeError(response.statusCode(), parsed, response.body()));
        }
        return parsed;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** RouterOS errors read {@code {"error":400,"message":"Bad Request","detail":"failure: ..."}}. */
    static String describeError(int status, JsonNode parsed, String raw) {
        if (parsed != null && parsed.isObject()) {
            String message = text(parsed, "message");
            String detail = text(parsed, "detail");
            String joined = (message + (detail.isEmpty() ? "" : ": " + detail)).strip();
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        String excerpt = raw == null ? "" : raw.strip();
        return "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + (excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
