package io.portico.venue;

import java.util.Locale;
import java.util.Set;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/** A postal address; {@code country} is ISO 3166-1 alpha-3 (the console's Country.ISO3166A3). */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.copyOf(java.util.Arrays.stream(Locale.getISOCountries())
            .map(c -> Locale.of("", c).getISO3Country()).toList());

    public Address {
        line1 = Text.required("line1", line1, 200);
        line2 = Text.atMost("line2", line2, 200);
        city = Text.required("city", city, 100);
        state = Text.required("state", state, 100);
        postalCode = Text.required("postalCode", postalCode, 20);
        country = Text.required("countryCode", country, 3).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw PorticoException.invalid("countryCode", "{countryCode} '" + country + "' is not an ISO 3166 alpha-3 country code.");
        }
    }
}
