package io.portico.hotspot;

import java.util.Optional;

/**
 * A hotspot's portal configuration as the console shows it: the settings, and the secrets masked
 * ({@link io.portico.platform.SecretBox#mask}) or empty when not set.
 */
public record PortalDetails(long hotspotId, PortalSettings settings, Optional<String> uamSecretMasked,
                            Optional<String> unifiControllerUrl, Optional<String> unifiUsername,
                            Optional<String> unifiPasswordMasked, Optional<String> unifiApiKeyMasked,
                            Optional<String> unifiIntegrationSiteId) {
}
