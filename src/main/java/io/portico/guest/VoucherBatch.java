package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Vouchers made and printed together, with how many of them were redeemed at least once and
 * how many are revoked (counted when read).
 */
public record VoucherBatch(long id, long clientId, long guestPlanId, String label, int count, int maxUses,
                           @Nullable Instant expiresAt, @Nullable Long hotspotId, String createdBy, Instant createdAt,
                           int redeemed, int revoked) {
}
