package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.platform.Text;

/**
 * A batch of random-code vouchers of one guest plan, made to be printed together (the
 * dashboard's voucher page): {@code count} codes, each redeemable {@code maxUses} times until
 * {@code expiresAt} (never when null); {@code hotspotId} names the hotspot whose portal the
 * printed QR codes open (optional).
 */
public record NewVoucherBatch(long clientId, long guestPlanId, String label, int count, int maxUses,
                              @Nullable Instant expiresAt, @Nullable Long hotspotId) {

    public NewVoucherBatch {
        label = Text.requiredAtMost("label", label, 200);
        new NewVouchers(clientId, guestPlanId, count, null, maxUses, expiresAt);
    }

    NewVouchers vouchers() {
        return new NewVouchers(clientId, guestPlanId, count, null, maxUses, expiresAt);
    }
}
