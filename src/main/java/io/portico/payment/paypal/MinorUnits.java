package io.portico.payment.paypal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import io.portico.platform.PorticoException;

/**
 * Amounts as Portico keeps them (minor units of a currency) and as PayPal writes them (a decimal
 * string with the currency's own number of decimals: "5.00" USD, "500" JPY).
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** 500 USD cents as "5.00"; 500 JPY as "500". */
    public static String toDecimal(long minorUnits, String currency) {
        if (minorUnits < 0) {
            throw PorticoException.invalid("amount", "{amount} must not be negative.");
        }
        return BigDecimal.valueOf(minorUnits, digits(currency)).toPlainString();
    }

    /** "5.00" USD as 500; refuses more decimals than the currency has. */
    public static long fromDecimal(String value, String currency) {
        try {
            return new BigDecimal(value).setScale(digits(currency)).unscaledValue().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw PorticoException.invalid("amount", "'" + value + "' is not an amount in " + currency + ".");
        }
    }

    private static int digits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("currency", "'" + currency + "' is not an ISO 4217 currency code.");
        }
    }
}
