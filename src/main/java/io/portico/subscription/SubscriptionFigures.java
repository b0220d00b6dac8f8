package io.portico.subscription;

/** The dashboard overview's MDU figures: subscriptions active now, and starting or ending within the horizon. */
public record SubscriptionFigures(long active, long startingSoon, long endingSoon) {
}
