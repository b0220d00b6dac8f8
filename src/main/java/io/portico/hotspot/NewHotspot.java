package io.portico.hotspot;

import io.portico.platform.PorticoException;

/**
 * What it takes to add or change a hotspot; validates itself. A NAS-Identifier is 1..253
 * printable ASCII characters (RFC 2865 allows any octets; gateways send text).
 */
public record NewHotspot(long clientId, long venueId, String name, String nasIdentifier) {

    public NewHotspot {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw PorticoException.invalid("HotspotName", "HotspotName is required (at most 200 characters).");
        }
        if (nasIdentifier == null || nasIdentifier.isBlank() || nasIdentifier.strip().length() > 253
                || !nasIdentifier.strip().matches("[\\x21-\\x7E]+")) {
            throw PorticoException.invalid("NASIdentifier",
                    "NASIdentifier is required: 1 to 253 printable ASCII characters without spaces.");
        }
        name = name.strip();
        nasIdentifier = nasIdentifier.strip();
    }
}
