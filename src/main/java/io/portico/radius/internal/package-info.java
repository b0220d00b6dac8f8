/**
 * The RADIUS machinery behind {@link io.portico.radius.RadiusService}: the UDP listeners, the
 * codec on tinyradius-netty (the only place attribute names and packet codes appear), duplicate
 * detection, the authorisation chain, accounting group commit and Disconnect-Requests.
 */
@NullMarked
package io.portico.radius.internal;

import org.jspecify.annotations.NullMarked;
