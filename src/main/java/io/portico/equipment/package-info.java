/**
 * Equipment at venues (gateways, switches, access points) with credentials sealed at rest, the
 * equipment log, and the VLAN state each gateway has confirmed. The gateway drivers (issue 6)
 * record their commands and confirmations here.
 */
@NullMarked
package io.portico.equipment;

import org.jspecify.annotations.NullMarked;
