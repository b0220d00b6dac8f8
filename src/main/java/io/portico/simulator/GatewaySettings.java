package io.portico.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * How a simulated gateway is configured, as an operator configures the real one: its
 * NAS-Identifier (RouterOS {@code /system identity}, CoovaChilli {@code radiusnasid}), the RADIUS
 * server and shared secret, the external portal URL (RouterOS's login.html form action,
 * CoovaChilli's {@code uamserver}) and CoovaChilli's {@code uamsecret}.
 */
public record GatewaySettings(String nasIdentifier, InetSocketAddress radiusAuth, InetSocketAddress radiusAcct, String radiusSecret,
                              URI portalUrl, Optional<String> uamSecret) {

    public GatewaySettings {
        if (nasIdentifier.isBlank() || radiusSecret.isEmpty()) {
            throw new IllegalArgumentException("a gateway needs a NAS-Identifier and a RADIUS secret");
        }
    }

    /** Portico's portal entry point for this NAS: {@code <portico>/portal/<NAS-Identifier>}. */
    public static URI portalOf(URI portico, String nasIdentifier) {
        return portico.resolve("/portal/" + nasIdentifier);
    }

    @Override
    public String toString() {
        return "GatewaySettings[" + nasIdentifier + ", " + radiusAuth + ", " + portalUrl + "]";
    }
}
