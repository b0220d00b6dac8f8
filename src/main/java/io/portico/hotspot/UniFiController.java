package io.portico.hotspot;

import java.net.URI;
import java.util.Optional;

import io.portico.platform.PorticoException;

/**
 * How Portico reaches a hotspot's UniFi controller to authorise guests: its base URL and either
 * a local user name and password (classic API, {@code /api/login} then {@code cmd/stamgr}) or an
 * API key (the newer integration API, which also needs the site's id there). Part of
 * {@link PortalConfiguration}; the password and key are stored sealed and never shown again.
 */
public record UniFiController(URI url, Optional<String> username, Optional<String> password, Optional<String> apiKey,
                              Optional<String> integrationSiteId) {

    public UniFiController {
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw PorticoException.invalid("unifiControllerUrl", "{unifiControllerUrl} must be an http(s) URL.");
        }
        username = clean(username);
        password = clean(password);
        apiKey = clean(apiKey);
        integrationSiteId = clean(integrationSiteId);
        if (apiKey.isEmpty() && (username.isEmpty() || password.isEmpty())) {
            throw PorticoException.invalid("unifiControllerUser",
                    "{unifiControllerUser}: the UniFi controller needs a user name and password, or an API key.");
        }
        if (apiKey.isPresent() && integrationSiteId.isEmpty() && username.isEmpty()) {
            throw PorticoException.invalid("unifiIntegrationSiteId", "{unifiIntegrationSiteId}: an API key needs the site's id in the integration API.");
        }
    }

    /** Whether to use the integration API (API key) rather than the classic one. */
    public boolean integration() {
        return apiKey.isPresent() && integrationSiteId.isPresent();
    }

    @Override
    public String toString() {
        return "UniFiController[" + url + ", user=" + username.orElse("-") + ", secrets=***]";
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
