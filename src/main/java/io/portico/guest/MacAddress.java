package io.portico.guest;

import java.util.Locale;

import io.portico.platform.PorticoException;

/**
 * A device MAC address in the guest API's form {@code AA-BB-CC-DD-EE-FF}. Built from any of the
 * spellings RADIUS and portals use ({@code aabbccddeeff}, {@code AA:BB:...}, {@code aa-bb-...},
 * {@code aabb.ccdd.eeff}); anything else is a 400 naming the field.
 */
public record MacAddress(String value) {

    public MacAddress {
        if (!canonical(value)) {
            throw PorticoException.invalid("macaddress", "A MAC address must look like AA-BB-CC-DD-EE-FF.");
        }
    }

    /** A hand-written check rather than a regex: reports build one MacAddress per row streamed. */
    private static boolean canonical(String value) {
        if (value == null || value.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            boolean ok = i % 3 == 2 ? c == '-' : (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static MacAddress parse(String text) {
        return parse(text, "macaddress");
    }

    /** Normalises a MAC in any common spelling; the field names the parameter in the 400. */
    public static MacAddress parse(String text, String field) {
        String hex = text == null ? "" : text.strip().replaceAll("[-:.]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{12}")) {
            throw PorticoException.invalid(field, field + " '" + text + "' is not a MAC address (e.g. AA-BB-CC-DD-EE-FF).");
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(hex, i, i + 2);
        }
        return new MacAddress(sb.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
