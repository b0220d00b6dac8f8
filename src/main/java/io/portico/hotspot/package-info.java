/**
 * Hotspots: the guest networks of a client at its venues, known to gateways by NAS-Identifier.
 * Read by the guest API's hotspot list and by RADIUS accounting to place a session.
 */
@NullMarked
package io.portico.hotspot;

import org.jspecify.annotations.NullMarked;
