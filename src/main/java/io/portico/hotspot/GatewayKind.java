package io.portico.hotspot;

/**
 * The kind of gateway in front of a hotspot, which decides how the captive portal reads the
 * gateway's hand-over and how it lets a device on: MikroTik and CoovaChilli log the device in
 * through RADIUS with a one-time credential; a UniFi controller is asked server-to-server.
 */
public enum GatewayKind {
    MIKROTIK, COOVACHILLI, UNIFI
}
