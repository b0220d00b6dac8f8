package io.portico.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.portico.radius.PersonalKey.Delivery;

class PersonalKeyTest {

    @Test
    void choosesTheReplyAttributeFromTheEquipmentsManufacturerAndModel() {
        assertThat(Delivery.forEquipment("OpenWrt", "hostapd")).isEqualTo(Delivery.TUNNEL_PASSWORD);
        assertThat(Delivery.forEquipment("Ubiquiti", "U6-Pro")).isEqualTo(Delivery.TUNNEL_PASSWORD);
        assertThat(Delivery.forEquipment("Cisco", "C9120AXI")).isEqualTo(Delivery.CISCO_AVPAIR);
        assertThat(Delivery.forEquipment("Cisco", "MR46")).isEqualTo(Delivery.TUNNEL_PASSWORD);
        assertThat(Delivery.forEquipment("Cisco Meraki", "CW9166")).isEqualTo(Delivery.TUNNEL_PASSWORD);
        assertThat(Delivery.forEquipment("HPE Aruba Networking", "AP-515")).isEqualTo(Delivery.ARUBA_MPSK);
        assertThat(Delivery.forEquipment("Mikrotik", "cAP ax")).isEqualTo(Delivery.MIKROTIK_PSK);
    }

    @Test
    void neverPrintsTheKeyAndAcceptsOnlyWpaPassphrases() {
        assertThat(new PersonalKey("Resident-Key-1", Delivery.ARUBA_MPSK).toString()).doesNotContain("Resident");
        assertThatThrownBy(() -> new PersonalKey("short", Delivery.TUNNEL_PASSWORD)).isInstanceOf(IllegalArgumentException.class);
    }
}
