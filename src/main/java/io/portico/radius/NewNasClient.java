package io.portico.radius;

import java.util.Optional;

/**
 * What it takes to register a NAS client; validates itself. Called by the console (gateways) and
 * the guest module (hotspots) once wired, and by the demo data.
 */
public record NewNasClient(long operatorId, String name, NasNetwork network, String nasIdentifier, String sharedSecret,
                           Optional<Long> hotspotId, Optional<Long> equipmentId, int coaPort) {

    public NewNasClient {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("NAS name is required (at most 200 characters)");
        }
        nasIdentifier = nasIdentifier == null ? "" : nasIdentifier.strip();
        if (nasIdentifier.length() > 253) {
            throw new IllegalArgumentException("NAS-Identifier is at most 253 characters");
        }
        // RFC 2865 asks for at least 16 octets; shorter ones are what BlastRADIUS-style attacks guess.
        if (sharedSecret == null || sharedSecret.length() < 8 || sharedSecret.length() > 128) {
            throw new IllegalArgumentException("shared secret must be 8..128 characters (16 or more recommended)");
        }
        if (coaPort < 1 || coaPort > 65535) {
            throw new IllegalArgumentException("CoA port must be 1..65535");
        }
    }

    public static NewNasClient forHotspot(long operatorId, String name, String network, String nasIdentifier, String secret, long hotspotId) {
        return new NewNasClient(operatorId, name, NasNetwork.parse(network), nasIdentifier, secret, Optional.of(hotspotId), Optional.empty(), 3799);
    }

    public static NewNasClient forGateway(long operatorId, String name, String network, String nasIdentifier, String secret, long equipmentId) {
        return new NewNasClient(operatorId, name, NasNetwork.parse(network), nasIdentifier, secret, Optional.empty(), Optional.of(equipmentId), 3799);
    }
}
