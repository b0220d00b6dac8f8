/**
 * RADIUS server: the authentication (UDP 1812) and accounting (UDP 1813) listeners gateways talk
 * to, the registry of NAS clients, and Disconnect-Requests (RFC 5176) to end sessions.
 * <p>
 * The API is {@link io.portico.radius.RadiusService} plus the ports other modules implement:
 * {@link io.portico.radius.GuestAuthorizer}, {@link io.portico.radius.ResidentAuthorizer} and
 * {@link io.portico.radius.AccountingSink}. RADIUS spellings (attribute names, packet codes) stay
 * in {@code internal}; the API speaks in {@link io.portico.guest.MacAddress},
 * {@link io.portico.radius.AccessGrant} and {@link io.portico.radius.SessionReport}.
 */
@NullMarked
package io.portico.radius;

import org.jspecify.annotations.NullMarked;
