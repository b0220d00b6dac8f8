/**
 * Venues: the sites of a client (property management group) with their address and time zone.
 * Hotspots, units and equipment live at a venue.
 */
@NullMarked
package io.portico.venue;

import org.jspecify.annotations.NullMarked;
