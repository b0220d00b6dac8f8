package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscription at a venue with its personal key and when it runs: the candidates the RADIUS
 * work tries against a WPA handshake (Ruckus dynamic PSK). {@link #activeAt} tells whether the
 * key lets a device in at that moment.
 */
public record VenueKey(long subscriptionId, String psk, Instant startsAt, @Nullable Instant endsAt) {

    /** A key active at any moment (the bound subscription already checked active, tests). */
    public VenueKey(long subscriptionId, String psk) {
        this(subscriptionId, psk, Instant.MIN, null);
    }

    public boolean activeAt(Instant now) {
        return !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "VenueKey[subscriptionId=" + subscriptionId + ", startsAt=" + startsAt + ", endsAt=" + endsAt + ", psk=***]";
    }
}
