package io.portico.subscription;

/**
 * A subscription active now at a venue with its personal key: the candidates the RADIUS work
 * tries against a WPA handshake (Ruckus dynamic PSK).
 */
public record VenueKey(long subscriptionId, String psk) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "VenueKey[subscriptionId=" + subscriptionId + ", psk=***]";
    }
}
