package io.portico.guest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.portico.platform.PorticoException;

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
        name = name("GuestPlanName", name);
        if (duration == null || duration.toMinutes() < 1 || duration.compareTo(MAX) > 0) {
            throw PorticoException.invalid("DurationMinutes", "DurationMinutes must be between 1 and " + MAX.toMinutes() + ".");
        }
        if (priceCents < 0) {
            throw PorticoException.invalid("PriceCents", "PriceCents must not be negative.");
        }
        if (currency == null || !CURRENCY.matcher(currency.strip()).matches()) {
            throw PorticoException.invalid("Currency", "Currency must be an ISO 4217 code such as USD.");
        }
        currency = currency.strip().toUpperCase(Locale.ROOT);
    }

    static String name(String field, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw PorticoException.invalid(field, field + " is required (at most 200 characters).");
        }
        return name.strip();
    }
}
