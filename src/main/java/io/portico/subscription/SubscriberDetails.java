package io.portico.subscription;

import java.util.Locale;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/** A subscriber's contact details as given by staff, validated (email, E.164 phone, locale). */
public record SubscriberDetails(String email, String givenName, String familyName, String phoneE164, String locale,
                                boolean contactBySms, boolean contactByEmail) {

    public SubscriberDetails {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw PorticoException.invalid("email", "{email} is required and must be a valid email address.");
        }
        givenName = Text.requiredAtMost("givenName", givenName, 100);
        familyName = Text.requiredAtMost("familyName", familyName, 100);
        phoneE164 = phoneE164 == null ? "" : phoneE164.strip();
        if (!phoneE164.isEmpty() && !phoneE164.matches("\\+[1-9]\\d{1,14}")) {
            throw PorticoException.invalid("phoneE164", "{phoneE164} must be an E.164 number such as +15551234567.");
        }
        if (contactBySms && phoneE164.isEmpty()) {
            throw PorticoException.invalid("smsContact", "{smsContact} needs {phoneE164}.");
        }
        locale = locale == null || locale.isBlank() ? "en-us" : locale.strip().toLowerCase(Locale.ROOT);
        if (!locale.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw PorticoException.invalid("locale", "{locale} must be a code such as en-us.");
        }
    }
}
