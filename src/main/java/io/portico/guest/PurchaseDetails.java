package io.portico.guest;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A purchase with its guest, plan and session profile names, for the guest API's guest plan
 * list; {@code active} is its state at the time of the request.
 */
public record PurchaseDetails(long purchaseId, UUID guestToken, MacAddress macAddress, @Nullable String email,
                              String guestPlanName, Instant startsAt, Instant expiresAt, boolean active,
                              String sessionProfileName, String paymentGateway, String transactionId) {
}
