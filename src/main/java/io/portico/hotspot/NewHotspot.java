package io.portico.hotspot;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * What it takes to add or change a hotspot; validates itself. A NAS-Identifier is 1..253
 * printable ASCII characters (RFC 2865 allows any octets; gateways send text).
 */
public record NewHotspot(long clientId, long venueId, String name, String nasIdentifier) {

    public NewHotspot {
        name = Text.requiredAtMost("hotspotName", name, 200);
        if (nasIdentifier == null || nasIdentifier.isBlank() || nasIdentifier.strip().length() > 253
                || !nasIdentifier.strip().matches("[\\x21-\\x7E]+")) {
            throw PorticoException.invalid("nasIdentifier",
                    "{nasIdentifier} is required: 1 to 253 printable ASCII characters without spaces.");
        }
        nasIdentifier = nasIdentifier.strip();
    }
}
