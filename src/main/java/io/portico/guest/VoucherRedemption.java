package io.portico.guest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One use of a voucher: the guest's device (MAC and email; empty once the guest is erased), the
 * hotspot it came through (null when redeemed outside a hotspot, e.g. demo data) and when.
 */
public record VoucherRedemption(long id, long voucherId, String code, @Nullable Long guestId, @Nullable String macAddress,
                                @Nullable String email, @Nullable Long hotspotId, Instant redeemedAt) {
}
