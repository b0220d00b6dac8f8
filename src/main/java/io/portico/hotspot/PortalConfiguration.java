package io.portico.hotspot;

import java.util.Optional;

import io.portico.platform.PorticoException;

/**
 * What the console sets for a hotspot's captive portal: the {@link PortalSettings} and the
 * secrets, which are sealed before they are stored. An empty secret keeps the stored one; a
 * CoovaChilli gateway needs a UAM secret and a UniFi gateway a controller, once set.
 */
public record PortalConfiguration(PortalSettings settings, Optional<String> uamSecret, Optional<UniFiController> unifiController) {

    public PortalConfiguration {
        uamSecret = uamSecret == null ? Optional.empty() : uamSecret.filter(s -> !s.isBlank());
        unifiController = unifiController == null ? Optional.empty() : unifiController;
        if (uamSecret.isPresent() && (uamSecret.get().length() > 128 || settings.gatewayKind() != GatewayKind.COOVACHILLI)) {
            throw PorticoException.invalid("uamSecret", "{uamSecret} (at most 128 characters) is only for CoovaChilli gateways.");
        }
        if (unifiController.isPresent() && settings.gatewayKind() != GatewayKind.UNIFI) {
            throw PorticoException.invalid("unifiControllerUrl", "{unifiControllerUrl}: a UniFi controller is only for UniFi gateways.");
        }
    }

    @Override
    public String toString() {
        return "PortalConfiguration[" + settings + ", uamSecret=" + (uamSecret.isPresent() ? "***" : "-") + ", " + unifiController + "]";
    }
}
