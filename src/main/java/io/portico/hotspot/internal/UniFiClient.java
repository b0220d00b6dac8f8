package io.portico.hotspot.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.portico.hotspot.HotspotProperties;
import io.portico.hotspot.UniFiController;
import io.portico.hotspot.UniFiGuestAccess;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a guest device on through its hotspot's UniFi controller, for
 * {@link io.portico.hotspot.HotspotService#authorizeUniFiGuest}: the integration API when the
 * controller has an API key and integration site id, else the classic API. Failures are logged
 * (never with credentials) and become a 503 with a message for the guest.
 */
@Component
public class UniFiClient {

    private static final Logger log = LoggerFactory.getLogger(UniFiClient.class);

    private final UniFiApi classic;
    private final UniFiApi integration;

    UniFiClient(JsonMapper json, HotspotProperties properties) {
        this.classic = new ClassicUniFiApi(json, properties.unifiConnectTimeout(), properties.unifiRequestTimeout(),
                properties.unifiTls());
        this.integration = new IntegrationUniFiApi(json, properties.unifiConnectTimeout(), properties.unifiRequestTimeout(),
                properties.unifiTls());
    }

    public void authorizeGuest(long hotspotId, UniFiController controller, String site, UniFiGuestAccess access) {
        String failure;
        try {
            (controller.integration() ? integration : classic).authorizeGuest(controller, site, access);
            return;
        } catch (UniFiApi.UniFiException e) {
            failure = e.getMessage();
        } catch (HttpTimeoutException e) {
            failure = "no answer in time";
        } catch (IOException e) {
            failure = "unreachable: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        log.warn("UniFi controller {} of hotspot {} did not authorise guest {}: {}", controller.url(), hotspotId,
                access.mac(), failure);
        throw new PorticoException(Problem.UNAVAILABLE,
                "The WiFi network could not let your device on just now. Please try again in a moment.");
    }
}
