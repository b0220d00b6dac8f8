package io.portico.tenant;

import java.text.Normalizer;
import java.util.Locale;

import io.portico.platform.PorticoException;

/**
 * The console's dotted, human-readable identifiers: parts joined with '.', each part upper-cased
 * with spaces and other punctuation removed ("Test Plan" becomes {@code TESTPLAN}).
 */
public final class Keys {

    private static final int MAX = 200;

    private Keys() {
    }

    /** One ID part: letters and digits only, upper case, accents folded. */
    public static String part(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.replaceAll("[^A-Za-z0-9_-]", "").toUpperCase(Locale.ROOT);
    }

    /** A dotted key: validated, not re-cased (existing keys keep their casing, as the console's do). */
    static String require(String what, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (key.length() > MAX || !key.matches("[A-Za-z0-9_.-]+") || key.startsWith(".") || key.endsWith(".")) {
            throw PorticoException.invalid(what + " '" + key + "' must be dot-separated letters, digits, '_' or '-' (at most " + MAX + " characters).");
        }
        return key;
    }
}
