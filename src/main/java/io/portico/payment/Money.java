package io.portico.payment;

import java.util.Currency;
import java.util.Locale;

import io.portico.platform.PorticoException;

/**
 * An amount in the minor unit of an ISO 4217 currency (cents for USD, yen for JPY), as Stripe and
 * the guest plans store it; never a floating-point number.
 */
public record Money(long minorUnits, String currency) {

    public Money {
        if (minorUnits < 0) {
            throw PorticoException.invalid("amount", "{amount} must not be negative.");
        }
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("currency", "{currency} '" + currency + "' is not an ISO 4217 currency code.");
        }
        currency = code;
    }

    /** The currency code as Stripe's API spells it (lower case). */
    public String stripeCurrency() {
        return currency.toLowerCase(Locale.ROOT);
    }

    /** For receipts and pages: e.g. {@code 4.99 USD} ({@code 500 JPY} for currencies without a minor unit). */
    public String display() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }

    public boolean isFree() {
        return minorUnits == 0;
    }
}
