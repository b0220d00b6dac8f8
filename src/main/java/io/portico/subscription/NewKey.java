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
            throw PorticoException.invalid("UnitID_internal", "UnitID_internal is required.");
        }
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("ServicePlanID", "ServicePlanID is required.");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw PorticoException.invalid("EndDateTimeUTC.ISO8601", "EndDateTimeUTC.ISO8601 must be after StartDateTimeUTC.ISO8601.");
        }
        if (psk != null) {
            Psk.requireValid(psk);
        }
    }
}
