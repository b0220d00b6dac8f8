package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * The console's addKey: a subscriber (created when new) gets a subscription on a unit with a plan.
 * A null {@code psk} asks for a generated one; a null {@code startsAt} means now.
 */
public record NewKey(String unitKey, String planKey, SubscriberDetails subscriber, @Nullable Instant startsAt,
                     @Nullable Instant endsAt, @Nullable String psk) {

    public NewKey {
        if (unitKey == null || unitKey.isBlank()) {
            throw PorticoException.invalid("unitId", "{unitId} is required.");
        }
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("planId", "{planId} is required.");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw PorticoException.invalid("endsAt", "{endsAt} must be after {startsAt}.");
        }
        if (psk != null) {
            Psk.requireValid(psk);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "NewKey[unitKey=" + unitKey + ", planKey=" + planKey + ", subscriber=" + subscriber.email() + ", startsAt="
                + startsAt + ", endsAt=" + endsAt + ", psk=" + (psk == null ? "generated" : "***") + "]";
    }
}
