package io.portico.platform;

import org.jspecify.annotations.Nullable;

/**
 * The length checks every module makes of free text, worded alike: the value comes back
 * stripped, and a failure is a 400 on {@code field} (a domain field name, see
 * {@link PorticoException}). Records call these from their compact constructors.
 */
public final class Text {

    private Text() {
    }

    /** The stripped value ("" for null); longer than {@code max}: "{field} must be at most max characters." */
    public static String atMost(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be at most " + max + " characters.");
        }
        return v;
    }

    /** The stripped value; blank: "{field} is required.", longer than {@code max} as {@link #atMost}. */
    public static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " is required.");
        }
        return atMost(field, value, max);
    }

    /** The stripped value; blank or longer than {@code max}: "{field} is required (at most max characters)." */
    public static String requiredAtMost(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " is required (at most " + max + " characters).");
        }
        return v;
    }
}
