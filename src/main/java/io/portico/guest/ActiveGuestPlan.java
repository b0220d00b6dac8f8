package io.portico.guest;

import java.time.Duration;
import java.time.Instant;

/**
 * The plan that currently grants a guest access, with what it grants; RADIUS builds its
 * Access-Accept from it (Session-Timeout is the smaller of the profile's and {@link #remaining}).
 */
public record ActiveGuestPlan(Purchase purchase, GuestPlan plan, SessionProfile sessionProfile) {

    public Duration remaining(Instant at) {
        Duration left = Duration.between(at, purchase.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
