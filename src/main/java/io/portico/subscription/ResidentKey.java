package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A resident's personal key for one active subscription, as "My WiFi" shows it. */
public record ResidentKey(long subscriptionId, String venueKey, String venueName, String unitKey, String psk, Instant startsAt,
                          @Nullable Instant endsAt) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ResidentKey[subscriptionId=" + subscriptionId + ", venueKey=" + venueKey + ", unitKey=" + unitKey + ", psk=***]";
    }
}
