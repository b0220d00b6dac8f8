package io.portico.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the portal's status page and the RFC 8908 API show a signed-in device: its plan, when it
 * started (from then on the portal counts the device's usage, which lives in the connection
 * module, against the cap) and ends, the time left, the plan's data cap, whether
 * the guest can extend on the portal (a voucher can be redeemed there), and the guest's
 * unsubscribe token for the marketing link.
 */
public record PortalStatus(long guestId, String planName, Instant startedAt, Instant endsAt, Duration timeLeft, Optional<Long> dataCapBytes,
                           boolean canExtend, String unsubscribeToken) {
}
