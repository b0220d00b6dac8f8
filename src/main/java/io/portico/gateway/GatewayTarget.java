package io.portico.gateway;

import java.net.URI;

import io.portico.platform.PorticoException;

/**
 * Where and how to reach one gateway: its management base URL (scheme from the equipment's
 * ConnectionProtocol), the API credentials (decrypted just before use, never logged), and the
 * bridge that carries the units' VLANs.
 */
public record GatewayTarget(URI baseUrl, String username, String password, String bridge) {

    public GatewayTarget {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw PorticoException.invalid("ipAddress", "The gateway needs an http(s) address.");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        bridge = bridge == null || bridge.isBlank() ? "bridge" : bridge.strip();
    }

    @Override
    public String toString() {
        return "GatewayTarget[" + baseUrl + ", user=" + username + ", bridge=" + bridge + "]";
    }
}
