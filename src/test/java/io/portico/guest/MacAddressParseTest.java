package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.portico.platform.PorticoException;

/** The hand-written parser accepts exactly what the former regex-based one did. */
class MacAddressParseTest {

    /** The regex-based parse this replaced, kept as the oracle. */
    private static Optional<String> regexParse(String text) {
        String hex = text == null ? "" : text.strip().replaceAll("[-:.]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{12}")) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(hex, i, i + 2);
        }
        return Optional.of(sb.toString());
    }

    private static Optional<String> parsed(String text) {
        try {
            return Optional.of(MacAddress.parse(text).value());
        } catch (PorticoException e) {
            return Optional.empty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aabbccddeeff", "AABBCCDDEEFF", "aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF", "aabb.ccdd.eeff",
            " aa-bb-cc-dd-ee-ff ", "aa-bb:cc.dd-ee-ff", "-aabbccddeeff-", "a.a.b.b.c.c.d.d.e.e.f.f", "\taabbccddeeff\n",
            "0123456789aB", "::::aabbccddeeff"})
    void parseNormalisesAnySeparatorsAsBefore(String text) {
        assertThat(parsed(text)).isPresent().isEqualTo(regexParse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "aabbccddeef", "aabbccddeeffa", "aabbccddeefg", "aa bb cc dd ee ff", "aa_bb_cc_dd_ee_ff",
            "ａａbbccddeeff", "aabbccddeeff\u0000", "AA-BB-CC-DD-EE-FF-00", "ıabbccddeeff", "------------"})
    void parseRefusesWhatIsNotAMacAsBefore(String text) {
        assertThat(regexParse(text)).isEmpty();
        assertThatThrownBy(() -> MacAddress.parse(text, "mac")).isInstanceOf(PorticoException.class)
                .hasMessageContaining("mac '" + text + "' is not a MAC address");
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> MacAddress.parse(null, "mac")).isInstanceOf(PorticoException.class);
    }

    @Test
    void agreesWithTheRegexOnRandomText() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEFgG-:. xX";
        for (int i = 0; i < 200_000; i++) {
            int length = 10 + random.nextInt(10);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(parsed(text)).as(text).isEqualTo(regexParse(text));
        }
    }

    @Test
    void tryParseAgreesWithParseWhereSeparatorsAreRegular() {
        String[] regular = {"aabbccddeeff", "aa:bb:cc:dd:ee:ff", "aa-bb-cc-dd-ee-ff", "aabb.ccdd.eeff", "02-00-3F-00-0C-35"};
        for (String text : regular) {
            assertThat(MacAddress.tryParse(text).map(MacAddress::value)).as(text).isEqualTo(regexParse(text));
        }
        assertThat(MacAddress.tryParse("aa-bb:cc.dd-ee-ff")).isEmpty();
        assertThat(MacAddress.tryParse("gg-bb-cc-dd-ee-ff")).isEmpty();
        assertThat(MacAddress.tryParse("aabb.ccdd.eefg")).isEmpty();
        assertThat(MacAddress.tryParse(null)).isEmpty();
        assertThat(MacAddress.tryParse("  aa-bb-cc-dd-ee-ff   ")).isEmpty(); // longer than 20 before stripping, as before
    }
}
