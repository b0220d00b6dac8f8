package io.portico.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * Purchasable access: a name, the session profile it grants, how long it lasts from its start,
 * and its price in minor units of an ISO 4217 currency (0 for free plans).
 */
public record GuestPlan(long id, long clientId, long sessionProfileId, String name, Duration duration,
                        long priceCents, String currency, Instant createdAt) {

    private static final Duration MAX = Duration.ofDays(366 * 5);
    /** Compiled once: RADIUS builds a GuestPlan for every Access-Request it accepts. */
    private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[A-Za-z]{3}");

    public GuestPlan {
        name = Text.requiredAtMost("guestPlanName", name, 200);
        if (duration == null || duration.toMinutes() < 1 || duration.compareTo(MAX) > 0) {
            throw PorticoException.invalid("durationMinutes", "{durationMinutes} must be between 1 and " + MAX.toMinutes() + ".");
        }
        if (priceCents < 0) {
            throw PorticoException.invalid("priceCents", "{priceCents} must not be negative.");
        }
        if (currency == null || !CURRENCY.matcher(currency.strip()).matches()) {
            throw PorticoException.invalid("currency", "{currency} must be an ISO 4217 code such as USD.");
        }
        currency = currency.strip().toUpperCase(Locale.ROOT);
    }
}
