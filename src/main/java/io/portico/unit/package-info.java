/**
 * Resident units of a venue, each with its VLAN: given explicitly or assigned from the
 * operator's range for the unit's purpose, and unique in the venue.
 */
@NullMarked
package io.portico.unit;

import org.jspecify.annotations.NullMarked;
