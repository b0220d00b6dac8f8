package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTryParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"aabbccddeeff", "AABBCCDDEEFF", "aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF", "aabb.ccdd.eeff", " aa-bb-cc-dd-ee-ff "})
    void normalisesEveryCommonNotation(String text) {
        assertThat(MacAddress.tryParse(text)).contains(new MacAddress("AA-BB-CC-DD-EE-FF"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VOUCHER-2024", "aabbccddee", "aabbccddeeffaa", "aa:bb-cc:dd:ee:ff", "gg:bb:cc:dd:ee:ff", "a:ab:bc:cd:de:eff"})
    void refusesWhatIsNotAMac(String text) {
        assertThat(MacAddress.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aabbccddeeff", "AA:BB:CC:DD:EE:FF"})
    void constructorAcceptsOnlyTheCanonicalForm(String text) {
        assertThatThrownBy(() -> new MacAddress(text)).isInstanceOf(io.portico.platform.PorticoException.class);
    }
}
