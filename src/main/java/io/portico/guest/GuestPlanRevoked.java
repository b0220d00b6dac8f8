package io.portico.guest;

import java.time.Instant;

/**
 * Staff revoked a guest's plan purchase. Published inside the revoking transaction by the guest
 * module; RADIUS listens and disconnects the guest's open sessions.
 */
public record GuestPlanRevoked(long operatorId, long clientId, long guestId, long purchaseId, MacAddress macAddress,
                               Instant revokedAt) {
}
