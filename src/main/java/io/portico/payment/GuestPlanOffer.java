package io.portico.payment;

import java.time.Duration;

/** A priced guest plan the captive portal offers for card payment. */
public record GuestPlanOffer(long planId, String name, Duration duration, Money price) {
}
