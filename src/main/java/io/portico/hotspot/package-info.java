/**
 * Hotspots: the guest networks of a client at its venues, known to gateways by NAS-Identifier.
 * Read by the guest API's hotspot list and by RADIUS accounting to place a session. Also each
 * hotspot's captive portal ({@link io.portico.hotspot.PortalSettings}, sealed gateway secrets),
 * which the portal pages look up by NAS-Identifier or UniFi site, and the UniFi controller client
 * that lets a signed-in guest on ({@link io.portico.hotspot.HotspotService#authorizeUniFiGuest}).
 */
@NullMarked
package io.portico.hotspot;

import org.jspecify.annotations.NullMarked;
