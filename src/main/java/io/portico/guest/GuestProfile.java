package io.portico.guest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * What a guest told the captive portal (or staff entered): names, contact, address and the ten
 * operator-defined custom fields. Every field is optional; blank text is stored as null.
 * Validates lengths and the e-mail shape on construction.
 */
public record GuestProfile(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
                           @Nullable String displayName, @Nullable String profileUrl, @Nullable String mobilePhone,
                           @Nullable LocalDate birthdate, @Nullable String gender, @Nullable String country,
                           @Nullable String region, @Nullable String city, @Nullable String address,
                           @Nullable String postalCode, List<@Nullable String> custom, @Nullable String userAgent) {

    public static final int CUSTOM_FIELDS = 10;
    // Compiled once: accounting and RADIUS build a profile for every guest row they read.
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ()./-]{3,32}");
    public static final GuestProfile EMPTY = new GuestProfile(null, null, null, null, null, null, null, null, null,
            null, null, null, null, List.of(), null);

    public GuestProfile {
        email = text("guestEmail", email, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw PorticoException.invalid("guestEmail", "{guestEmail} '" + email + "' is not an e-mail address.");
        }
        firstName = text("firstName", firstName, 100);
        lastName = text("lastName", lastName, 100);
        displayName = text("displayName", displayName, 200);
        profileUrl = text("profileUrl", profileUrl, 500);
        mobilePhone = text("mobilePhone", mobilePhone, 32);
        if (mobilePhone != null && !PHONE.matcher(mobilePhone).matches()) {
            throw PorticoException.invalid("mobilePhone", "{mobilePhone} '" + mobilePhone + "' is not a phone number.");
        }
        gender = text("gender", gender, 20);
        country = text("country", country, 100);
        region = text("region", region, 100);
        city = text("city", city, 100);
        address = text("address", address, 200);
        postalCode = text("postalCode", postalCode, 20);
        userAgent = userAgent == null || userAgent.isBlank() ? null
                : userAgent.strip().substring(0, Math.min(512, userAgent.strip().length()));
        if (custom == null) {
            custom = List.of();
        }
        if (custom.size() > CUSTOM_FIELDS) {
            throw PorticoException.invalid("custom", "At most " + CUSTOM_FIELDS + " custom fields.");
        }
        List<@Nullable String> padded = new ArrayList<>(CUSTOM_FIELDS);
        for (int i = 0; i < CUSTOM_FIELDS; i++) {
            padded.add(i < custom.size() ? text("custom" + (i + 1), custom.get(i), 500) : null);
        }
        custom = Collections.unmodifiableList(padded);
    }

    /** This profile with the user agent the portal last saw, when this one has none. */
    public GuestProfile withUserAgentFrom(GuestProfile previous) {
        return userAgent != null ? this : new GuestProfile(email, firstName, lastName, displayName, profileUrl, mobilePhone,
                birthdate, gender, country, region, city, address, postalCode, custom, previous.userAgent());
    }

    /**
     * This profile laid over an earlier one: each field this one has wins, the others keep the
     * earlier value (a returning guest who leaves a form field empty does not erase it).
     */
    public GuestProfile over(GuestProfile previous) {
        List<@Nullable String> merged = new ArrayList<>(CUSTOM_FIELDS);
        for (int i = 1; i <= CUSTOM_FIELDS; i++) {
            merged.add(or(custom(i), previous.custom(i)));
        }
        return new GuestProfile(or(email, previous.email), or(firstName, previous.firstName), or(lastName, previous.lastName),
                or(displayName, previous.displayName), or(profileUrl, previous.profileUrl), or(mobilePhone, previous.mobilePhone),
                or(birthdate, previous.birthdate), or(gender, previous.gender), or(country, previous.country),
                or(region, previous.region), or(city, previous.city), or(address, previous.address),
                or(postalCode, previous.postalCode), merged, or(userAgent, previous.userAgent));
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T previous) {
        return value != null ? value : previous;
    }

    /** Custom field 1..10. */
    public @Nullable String custom(int number) {
        return custom.get(number - 1);
    }

    private static @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Text.atMost(field, value, max);
    }
}
