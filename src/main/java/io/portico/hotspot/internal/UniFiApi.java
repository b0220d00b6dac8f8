package io.portico.hotspot.internal;

import java.io.IOException;

import io.portico.hotspot.UniFiController;
import io.portico.hotspot.UniFiGuestAccess;

/**
 * One way to ask a UniFi controller to let a guest device on: the classic controller API
 * ({@link ClassicUniFiApi}) or the Network integration API with an API key
 * ({@link IntegrationUniFiApi}). {@link UniFiClient} picks one per controller.
 */
public interface UniFiApi {

    /**
     * Authorises the guest on the site; throws {@link UniFiException} with what the controller
     * said when it refuses, {@link IOException} when it cannot be reached.
     */
    void authorizeGuest(UniFiController controller, String site, UniFiGuestAccess access)
            throws IOException, InterruptedException, UniFiException;

    /** The controller answered but refused or did not understand; the message is safe to log (no secrets). */
    final class UniFiException extends Exception {
        public UniFiException(String message) {
            super(message, null, false, false);
        }
    }
}
