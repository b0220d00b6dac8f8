package io.portico.subscription;

import io.portico.unit.Unit;
import io.portico.venue.Venue;

/**
 * A subscription as it stands when one of its events is published, with its subscriber, unit,
 * venue and plan key: what the webhook payloads and subscriber emails show, so their listeners
 * need nothing but the event.
 */
public record SubscriptionSnapshot(Subscription subscription, Subscriber subscriber, Unit unit, Venue venue, String planKey) {

    public long operatorId() {
        return subscription.operatorId();
    }

    public long subscriptionId() {
        return subscription.id();
    }
}
