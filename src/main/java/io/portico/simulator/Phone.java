package io.portico.simulator;

import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The simulated phone behind a gateway: its MAC address (twelve hex digits) and the IP address the
 * gateway's DHCP gave it. The browser that plays the phone always connects from 127.0.0.1, so the
 * simulator says which phone it is.
 */
public record Phone(String mac, String ip) {

    public Phone {
        mac = mac.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        if (mac.length() != 12) {
            throw new IllegalArgumentException("a MAC address has twelve hex digits: " + mac);
        }
    }

    /** A locally administered unicast MAC (02-...) and an address in 10.5.50.0/24, MikroTik's default hotspot network. */
    public static Phone random(RandomGenerator random) {
        byte[] mac = new byte[6];
        random.nextBytes(mac);
        mac[0] = 0x02;
        return new Phone(HexFormat.of().formatHex(mac), "10.5.50." + (2 + random.nextInt(250)));
    }

    /** {@code 01:23:45:67:89:AB}: RouterOS's $(mac) and Calling-Station-Id. */
    public String colonMac() {
        return separated(':');
    }

    /** {@code 01-23-45-67-89-AB}: CoovaChilli's {@code mac=} and Calling-Station-Id ({@code %.2X-%.2X-...}). */
    public String dashMac() {
        return separated('-');
    }

    private String separated(char separator) {
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(mac, i, i + 2);
        }
        return text.toString();
    }
}
