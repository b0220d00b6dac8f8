package io.portico.payment;

import java.time.Duration;

/** A priced guest plan the captive portal offers for card payment. */
public record GuestPlanOffer(long planId, String name, Duration duration, Money price) {

    /** The offer of a priced plan. */
    static GuestPlanOffer of(io.portico.guest.GuestPlan plan) {
        return new GuestPlanOffer(plan.id(), plan.name(), plan.duration(), new Money(plan.priceCents(), plan.currency()));
    }
}
