/**
 * Guest connections: RADIUS accounting sessions recorded idempotently
 * ({@link io.portico.connection.ConnectionService#record}) and the guest connections report, which
 * merges the sessions of one device at one hotspot separated by a short roaming gap.
 */
@NullMarked
package io.portico.connection;

import org.jspecify.annotations.NullMarked;
