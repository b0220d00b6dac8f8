package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A code that redeems a guest plan, {@code maxUses} times in all (1 for single-use vouchers),
 * until {@code expiresAt} (never when null) or until revoked.
 */
public record Voucher(long id, long clientId, long guestPlanId, String code, int maxUses, int uses,
                      @Nullable Instant expiresAt, @Nullable Instant revokedAt, Instant createdAt) {

    public boolean redeemableAt(Instant at) {
        return revokedAt == null && uses < maxUses && (expiresAt == null || expiresAt.isAfter(at));
    }
}
