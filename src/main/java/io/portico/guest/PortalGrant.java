package io.portico.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a portal sign-in (or a returning device) got: the guest and purchase, what the plan grants
 * (for the status page and for a UniFi controller's {@code authorize-guest}), and a one-time RADIUS
 * credential for MikroTik and CoovaChilli gateways. {@code radiusPassword} is in clear only here,
 * for the portal to hand to the gateway (as CHAP response or password); it is stored sealed, works
 * once, for this device only, until {@code credentialExpiresAt}. Never log it.
 *
 * @param sessionTimeout what RADIUS will grant as Session-Timeout: the smaller of the session
 *                       profile's limit and the plan's time left
 */
public record PortalGrant(long guestId, long purchaseId, String planName, Instant endsAt, Duration sessionTimeout,
                          Optional<Long> uploadKbps, Optional<Long> downloadKbps, Optional<Long> dataCapBytes,
                          String radiusUsername, String radiusPassword, Instant credentialExpiresAt,
                          String unsubscribeToken) {

    @Override
    public String toString() {
        return "PortalGrant[guest=" + guestId + ", purchase=" + purchaseId + ", plan=" + planName + ", endsAt=" + endsAt
                + ", user=" + radiusUsername + ", password=***]";
    }
}
