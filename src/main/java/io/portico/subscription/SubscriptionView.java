package io.portico.subscription;

import io.portico.unit.Unit;

/** A subscription with what the console lists beside it: subscriber, unit, venue, plan and its state now. */
public record SubscriptionView(Subscription subscription, Subscriber subscriber, Unit unit, String venueKey, String planKey,
                               Subscription.State state) {
}
