package io.portico.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.portico.hotspot.UniFiGuestAccess;

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

    private static final long MEGABYTE = 1024 * 1024;

    /**
     * What to ask a UniFi controller for this grant ({@code HotspotService.authorizeUniFiGuest}):
     * the session time in whole minutes (rounded up), the speeds, and the data cap in MB (rounded up).
     */
    public UniFiGuestAccess unifiAccess(MacAddress device, Optional<String> apMac) {
        long minutes = Math.max(1, (sessionTimeout.toSeconds() + 59) / 60);
        return new UniFiGuestAccess(device.value(), minutes, uploadKbps, downloadKbps,
                dataCapBytes.map(bytes -> (bytes + MEGABYTE - 1) / MEGABYTE), apMac);
    }

    @Override
    public String toString() {
        return "PortalGrant[guest=" + guestId + ", purchase=" + purchaseId + ", plan=" + planName + ", endsAt=" + endsAt
                + ", user=" + radiusUsername + ", password=***]";
    }
}
