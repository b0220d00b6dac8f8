/**
 * Gateway simulators: a MikroTik Hotspot and a CoovaChilli gateway on loopback that hand a phone to
 * Portico's captive portal exactly as the vendors document it and send real RADIUS packets to
 * Portico. Plain classes, so the portal's browser tests and the {@code --demo} walk-through (the
 * only place they run inside the application) share them.
 */
@NullMarked
package io.portico.simulator;

import org.jspecify.annotations.NullMarked;
