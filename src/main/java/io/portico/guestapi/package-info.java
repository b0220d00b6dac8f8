/**
 * Facade of the guest WiFi API v2 ({@code /v2/...}): GET routes authorised by a client's
 * {@code api_token}, answering in the v2 wire format. No rules live here; services do the work.
 */
@NullMarked
package io.portico.guestapi;

import org.jspecify.annotations.NullMarked;
