package io.portico.subscription;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.portico.plan.ServicePlan;

/**
 * "My plan": one of the resident's current or future subscriptions with its plan (name, speeds,
 * FCC label), dates, the end of its current billing cycle, and the resident's pending
 * cancellation, if any; {@code timeZone} is the venue's, for showing the dates (the subscription then ends at {@code cancelledFor}, which undo reverts).
 */
public record ResidentPlan(long subscriptionId, String venueKey, String venueName, java.time.ZoneId timeZone, String unitKey, String unitName, ServicePlan plan,
                           Instant startsAt, @Nullable Instant endsAt, Subscription.State state, Instant cycleEndsAt,
                           Optional<Instant> cancelledFor) {

    /** Whether the plan has a price (residents pay for it online through the payment module). */
    public static boolean paid(ServicePlan plan) {
        return plan.terms().prices().values().stream().anyMatch(minorUnits -> minorUnits > 0);
    }
}
