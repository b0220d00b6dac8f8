package io.portico.guest;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * A device MAC address in the guest API's form {@code AA-BB-CC-DD-EE-FF}. Built from any of the
 * spellings RADIUS and portals use ({@code aabbccddeeff}, {@code AA:BB:...}, {@code aa-bb-...},
 * {@code aabb.ccdd.eeff}); anything else is a 400 naming the field.
 */
public record MacAddress(String value) {

    public MacAddress {
        if (!canonical(value)) {
            throw PorticoException.invalid("macAddress", "A MAC address must look like AA-BB-CC-DD-EE-FF.");
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
        return parse(text, "macAddress");
    }

    /**
     * The MAC when the text is one, else empty: RADIUS asks this of every User-Name and
     * Calling-Station-Id, where a voucher code or account name is normal, not an error. Stricter
     * than {@link #parse}: separators must be regular (pairs split by ':' or '-', Cisco's groups of
     * four split by '.', or none), so a code like {@code AB-CD-EF-12-34-56-X} is never a MAC.
     */
    public static Optional<MacAddress> tryParse(@Nullable String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!separatorsAreRegular(t)) {
            return Optional.empty();
        }
        String canonical = canonicalOrNull(t);
        return canonical == null ? Optional.empty() : Optional.of(new MacAddress(canonical));
    }

    private static boolean separatorsAreRegular(String text) {
        return switch (text.length()) {
            case 12 -> true;
            case 14 -> text.charAt(4) == '.' && text.charAt(9) == '.';
            case 17 -> {
                char sep = text.charAt(2);
                boolean ok = sep == ':' || sep == '-';
                for (int i = 2; i < 17 && ok; i += 3) {
                    ok = text.charAt(i) == sep;
                }
                yield ok;
            }
            default -> false;
        };
    }

    /** Normalises a MAC in any common spelling; {@code field} (a domain field name) is the one at fault in the 400. */
    public static MacAddress parse(String text, String field) {
        String canonical = text == null ? null : canonicalOrNull(text.strip());
        if (canonical == null) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " '" + text + "' is not a MAC address (e.g. AA-BB-CC-DD-EE-FF).");
        }
        return new MacAddress(canonical);
    }

    /**
     * {@code AA-BB-CC-DD-EE-FF} when the text is twelve hex digits once every '-', ':' and '.' is
     * dropped (wherever they stand), else null. Written out rather than as a regex because RADIUS
     * asks it of every request (a regex compiled per call showed in profiles).
     */
    private static @Nullable String canonicalOrNull(String text) {
        char[] out = new char[17];
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == ':' || c == '.') {
                continue;
            }
            char upper;
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) {
                upper = c;
            } else if (c >= 'a' && c <= 'f') {
                upper = (char) (c - ('a' - 'A'));
            } else {
                return null;
            }
            if (digits == 12) {
                return null;
            }
            int at = digits + digits / 2;
            out[at] = upper;
            if (digits % 2 == 1 && digits < 11) {
                out[at + 1] = '-';
            }
            digits++;
        }
        return digits == 12 ? new String(out) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
