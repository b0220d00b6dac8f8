package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * A request for vouchers of one guest plan: {@code count} random codes, or exactly one with the
 * given {@code code}; each redeemable {@code maxUses} times until {@code expiresAt} (never when null).
 */
public record NewVouchers(long clientId, long guestPlanId, int count, @Nullable String code, int maxUses,
                          @Nullable Instant expiresAt) {

    public static final int MAX_BATCH = 10_000;

    public NewVouchers {
        if (count < 1 || count > MAX_BATCH) {
            throw PorticoException.invalid("count", "{count} must be between 1 and " + MAX_BATCH + ".");
        }
        if (code != null && !code.isBlank()) {
            code = code.strip().toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[A-Z0-9-]{4,40}")) {
                throw PorticoException.invalid("voucherCode", "{voucherCode} must be 4 to 40 letters, digits or '-'.");
            }
            if (count != 1) {
                throw PorticoException.invalid("count", "A voucher with a chosen code is a single voucher: {count} must be 1.");
            }
        } else {
            code = null;
        }
        if (maxUses < 1 || maxUses > 1_000_000) {
            throw PorticoException.invalid("maxUses", "{maxUses} must be between 1 (single-use) and 1000000.");
        }
    }
}
