/**
 * Who may call Portico: operator administrators (console login, access and refresh tokens,
 * lockout) and clients' guest API tokens. Hands out {@link io.portico.platform.Actor}s and
 * {@link io.portico.identity.ClientPrincipal}s to the API facades.
 */
@NullMarked
package io.portico.identity;

import org.jspecify.annotations.NullMarked;
