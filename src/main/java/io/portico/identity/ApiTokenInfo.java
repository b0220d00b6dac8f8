package io.portico.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A guest API token as listed: its prefix identifies it; the token itself is not kept. */
public record ApiTokenInfo(long id, long clientId, String label, String prefix, Instant createdAt, String createdBy,
                           @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
