package io.portico.radius;

import java.util.Locale;

/**
 * A resident's WiFi key, handed to an access point that asked by MAC alone (MAC authentication on
 * a multi/identity/private-PSK network), and the attribute that access point reads it from. The
 * resident authorizer puts it into the {@link AccessGrant}; the reply step writes (and where the
 * vendor wants it, encrypts) it.
 */
public record PersonalKey(String passphrase, Delivery delivery) {

    public PersonalKey {
        if (passphrase.length() < 8 || passphrase.length() > 63 || !passphrase.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("a WPA passphrase is 8 to 63 printable ASCII characters");
        }
    }

    /** How a vendor's access point expects the key in the Access-Accept. */
    public enum Delivery {
        /** hostapd/OpenWrt ({@code wpa_psk_radius}), Cisco Meraki iPSK and most others: Tunnel-Password (RFC 2868, salt-encrypted, tag 0). */
        TUNNEL_PASSWORD,
        /** Cisco IOS-XE/AireOS identity PSK: Cisco-AVPair {@code psk-mode=ascii} and {@code psk=<key>}. */
        CISCO_AVPAIR,
        /** Aruba MPSK: Aruba-MPSK-Passphrase (vendor 14823, attribute 44, encrypted like Tunnel-Password without tag). */
        ARUBA_MPSK,
        /** MikroTik RouterOS: Mikrotik-Wireless-PSK (vendor 14988, attribute 16, in clear as RouterOS reads it). */
        MIKROTIK_PSK;

        /**
         * The delivery for a piece of equipment, from its manufacturer and model as staff entered
         * them; anything unrecognised gets Tunnel-Password, the one most access points read.
         */
        public static Delivery forEquipment(String manufacturer, String model) {
            String maker = manufacturer.toLowerCase(Locale.ROOT);
            if (maker.contains("mikrotik")) {
                return MIKROTIK_PSK;
            }
            if (maker.contains("aruba") || maker.contains("hpe")) {
                return ARUBA_MPSK;
            }
            // Meraki (Cisco's cloud line, "MR" access points) reads Tunnel-Password, not the AV-pair.
            if (maker.contains("cisco") && !maker.contains("meraki") && !model.strip().toUpperCase(Locale.ROOT).startsWith("MR")) {
                return CISCO_AVPAIR;
            }
            return TUNNEL_PASSWORD;
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "PersonalKey[***, " + delivery + "]";
    }
}
