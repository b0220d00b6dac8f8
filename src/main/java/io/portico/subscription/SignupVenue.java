package io.portico.subscription;

import java.util.List;

import io.portico.plan.ServicePlan;

/**
 * What a venue's sign-up page shows: the venue, whether residents need the property's sign-up
 * code, and the plans that allow self sign-up (with whether each is free, a trial, or paid).
 */
public record SignupVenue(long operatorId, long venueId, String venueName, boolean codeRequired, List<Offer> offers) {

    public SignupVenue {
        offers = List.copyOf(offers);
    }

    /** A plan on offer: {@code kind} says how a resident can take it today. */
    public record Offer(ServicePlan plan, Kind kind) {
    }

    public enum Kind {
        /** Every price is 0. */
        FREE,
        /** Priced, with {@code TrialCycles} free cycles first: the trial can start now. */
        TRIAL,
        /** Priced without a trial: needs card payment, which Portico cannot take yet. */
        PAID
    }
}
