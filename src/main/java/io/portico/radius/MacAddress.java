package io.portico.radius;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's MAC address, always in the canonical form {@code AA-BB-CC-DD-EE-FF}. Gateways send
 * MACs in User-Name and Calling-Station-Id as {@code aabbccddeeff}, {@code AA:BB:CC:DD:EE:FF},
 * {@code aa-bb-...} or Cisco's {@code aabb.ccdd.eeff}; {@link #parse} accepts all of them.
 */
public record MacAddress(String value) {

    private static final Pattern CANONICAL = Pattern.compile("([0-9A-F]{2}-){5}[0-9A-F]{2}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:.\\-]");
    private static final Pattern HEX12 = Pattern.compile("[0-9A-F]{12}");

    public MacAddress {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical MAC address (AA-BB-CC-DD-EE-FF): " + value);
        }
    }

    /** The MAC in any common notation, or empty when the text is not one. */
    public static Optional<MacAddress> parse(String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        String hex = SEPARATORS.matcher(text.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        if (!HEX12.matcher(hex).matches() || !separatorsAreRegular(text.strip())) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(hex, i, i + 2);
        }
        return Optional.of(new MacAddress(sb.toString()));
    }

    /** Like {@link #parse} but for text that must be a MAC (tests, stored values). */
    public static MacAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a MAC address: " + text));
    }

    /** Accepts 12 bare hex digits, pairs split by ':' or '-', or Cisco's groups of four split by '.'. */
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

    @Override
    public String toString() {
        return value;
    }
}
