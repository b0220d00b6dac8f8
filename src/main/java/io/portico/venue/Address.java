package io.portico.venue;

import java.util.Locale;
import java.util.Set;

import io.portico.platform.PorticoException;

/** A postal address; {@code country} is ISO 3166-1 alpha-3 (the console's Country.ISO3166A3). */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.copyOf(java.util.Arrays.stream(Locale.getISOCountries())
            .map(c -> Locale.of("", c).getISO3Country()).toList());

    public Address {
        line1 = required("AddressLine1", line1, 200);
        line2 = line2 == null ? "" : limit("AddressLine2", line2.strip(), 200);
        city = required("City", city, 100);
        state = required("State", state, 100);
        postalCode = required("PostalCode", postalCode, 20);
        country = required("Country.ISO3166A3", country, 3).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw PorticoException.invalid("Country.ISO3166A3", "Country.ISO3166A3 '" + country + "' is not an ISO 3166 alpha-3 country code.");
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw PorticoException.invalid(field, field + " is required.");
        }
        return limit(field, value.strip(), max);
    }

    private static String limit(String field, String value, int max) {
        if (value.length() > max) {
            throw PorticoException.invalid(field, field + " must be at most " + max + " characters.");
        }
        return value;
    }
}
