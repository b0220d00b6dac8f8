/**
 * RADIUS server: the authentication (UDP 1812) and accounting (UDP 1813) listeners gateways talk
 * to, the registry of NAS clients, and Disconnect-Requests (RFC 5176) to end sessions.
 * <p>
 * The API is {@link io.portico.radius.RadiusService} plus the ports
 * {@link io.portico.radius.GuestAuthorizer}, {@link io.portico.radius.ResidentAuthorizer} and
 * {@link io.portico.radius.AccountingSink}, implemented in {@code internal} by adapters onto the
 * guest, hotspot, equipment, subscription and connection modules (which never depend on radius). RADIUS spellings (attribute names, packet codes) stay
 * in {@code internal}; the API speaks in {@link io.portico.guest.MacAddress},
 * {@link io.portico.radius.AccessGrant} and {@link io.portico.radius.SessionReport}.
 */
@NullMarked
package io.portico.radius;

import org.jspecify.annotations.NullMarked;
