package io.portico.subscription;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/** A subscriber's contact details as given by staff, validated (email, E.164 phone, locale). */
public record SubscriberDetails(String email, String givenName, String familyName, String phoneE164, String locale,
                                boolean contactBySms, boolean contactByEmail) {

    public SubscriberDetails {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw PorticoException.invalid("EmailAddress", "EmailAddress is required and must be a valid email address.");
        }
        givenName = name("GivenName", givenName);
        familyName = name("FamilyName", familyName);
        phoneE164 = phoneE164 == null ? "" : phoneE164.strip();
        if (!phoneE164.isEmpty() && !phoneE164.matches("\\+[1-9]\\d{1,14}")) {
            throw PorticoException.invalid("PhoneNumber.E164", "PhoneNumber.E164 must be an E.164 number such as +15551234567.");
        }
        if (contactBySms && phoneE164.isEmpty()) {
            throw PorticoException.invalid("contactpref_sms", "contactpref_sms needs PhoneNumber.E164.");
        }
        locale = locale == null || locale.isBlank() ? "en-us" : locale.strip().toLowerCase(Locale.ROOT);
        if (!locale.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw PorticoException.invalid("locale", "locale must be a code such as en-us.");
        }
    }

    private static String name(String field, @Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 100) {
            throw PorticoException.invalid(field, field + " is required (at most 100 characters).");
        }
        return v;
    }
}
