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

    /**
     * For residents' receipts and the Billing list: the amount in the reader's locale with the
     * currency's own number of decimals ({@code $45.00}, {@code 45,00 US$}, {@code ¥500}).
     */
    public String format(Locale locale) {
        Currency c = Currency.getInstance(currency);
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(c);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(minorUnits, digits));
    }

    public boolean isFree() {
        return minorUnits == 0;
    }
}
