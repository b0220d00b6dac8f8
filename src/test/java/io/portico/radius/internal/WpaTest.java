package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.portico.radius.WpaHandshake;

class WpaTest {

    private static final byte[] STATION = HexFormat.of().parseHex("02000000a001");

    @Test
    void derivesThePmkOfTheIeee80211TestVector() {
        // IEEE 802.11-2020 J.4.2: passphrase "password", SSID "IEEE".
        assertThat(HexFormat.of().formatHex(Wpa.pmk("password", "IEEE")))
                .isEqualTo("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e");
    }

    @Test
    void recognisesTheKeyThatProducedAHandshakeAndNoOther() {
        TestHandshake h = TestHandshake.of("Resident-Key-7731", "Harbor Residents", STATION, 42);
        var handshake = new WpaHandshake("Harbor Residents", TestHandshake.AP, STATION, h.aNonce(), h.frame());
        assertThat(handshake.descriptorVersion()).isEqualTo(2);
        assertThat(Wpa.produced(Wpa.pmk("Resident-Key-7731", "Harbor Residents"), handshake)).isTrue();
        assertThat(Wpa.produced(Wpa.pmk("Resident-Key-7731", "Harbor Residents"), handshake)).as("checking leaves the frame intact").isTrue();
        assertThat(Wpa.produced(Wpa.pmk("Resident-Key-7732", "Harbor Residents"), handshake)).isFalse();
        assertThat(Wpa.produced(Wpa.pmk("Resident-Key-7731", "Other SSID"), handshake)).isFalse();
    }
}
