/**
 * Gateway drivers: apply a unit's VLAN (and the plan's speed) to a venue gateway and report
 * what happened. The reconciler that decides what to apply lives with the engines.
 */
@NullMarked
package io.portico.gateway;

import org.jspecify.annotations.NullMarked;
