package io.portico.hotspot;

/** A hotspot with its captive portal settings: what the portal pages look up for each hand-over. */
public record PortalHotspot(Hotspot hotspot, PortalSettings settings) {
}
