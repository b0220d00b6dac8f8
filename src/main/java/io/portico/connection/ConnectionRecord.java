package io.portico.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.portico.guest.MacAddress;

/**
 * One guest connection of the report: one or more accounting sessions of a device at a hotspot
 * merged across roaming gaps, with the guest's profile fields (null once the guest was erased).
 *
 * @param onlineTime the sessions' summed Acct-Session-Time
 * @param uploaded   bytes the device sent; {@code downloaded} bytes it received
 * @param device     device family from the user agent (Apple, Android, Windows, ...), null without one
 */
public record ConnectionRecord(Instant startedAt, long hotspotId, String hotspotName, MacAddress macAddress,
                               @Nullable UUID guestToken, @Nullable String email, @Nullable String phone,
                               @Nullable String firstName, @Nullable String lastName, @Nullable String displayName,
                               Duration onlineTime, long uploaded, long downloaded,
                               @Nullable TerminateCause terminateCause, @Nullable String userAgent,
                               @Nullable String device) {
}
