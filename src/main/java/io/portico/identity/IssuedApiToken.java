package io.portico.identity;

import java.time.Instant;

/** A new guest API token: the only time its clear value is ever available. */
public record IssuedApiToken(long id, long clientId, String label, String prefix, String token, Instant createdAt) {
}
