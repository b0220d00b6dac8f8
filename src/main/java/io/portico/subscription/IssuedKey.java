package io.portico.subscription;

import io.portico.plan.ServicePlan;
import io.portico.unit.Unit;

/** What addKey answers: the subscriber, the new subscription with its PSK, its unit, venue and plan. */
public record IssuedKey(Subscriber subscriber, Subscription subscription, Unit unit, String venueKey, ServicePlan plan,
                        boolean subscriberCreated) {
}
