/**
 * Guest connections: RADIUS accounting sessions recorded idempotently
 * ({@link io.portico.connection.AccountingWriter#record}) and the guest connections report
 * ({@link io.portico.connection.ConnectionReader#report}), which merges the sessions of one device at
 * one hotspot separated by a short roaming gap. Erased guests' sessions are anonymised
 * ({@code internal.GuestErasure}).
 */
@NullMarked
package io.portico.connection;

import org.jspecify.annotations.NullMarked;
