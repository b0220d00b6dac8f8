package io.portico.subscription;

import java.util.Locale;

import io.portico.platform.PorticoException;

/** What a resident changes about how Portico contacts them: by SMS and/or email, and in which locale. */
public record ContactPreferences(boolean contactBySms, boolean contactByEmail, String locale) {

    public ContactPreferences {
        locale = locale == null ? "" : locale.strip().toLowerCase(Locale.ROOT);
        if (!locale.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw PorticoException.invalid("locale", "{locale} must be a code such as en-us.");
        }
    }
}
