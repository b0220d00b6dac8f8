package io.portico.hotspot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.portico.platform.PorticoException;

/**
 * What Portico asks a UniFi controller to grant a guest device after a portal sign-in
 * ({@link HotspotService#authorizeUniFiGuest}): how many minutes, the speeds in kbit/s and the data
 * cap in megabytes (empty means the controller's default, usually unlimited), and the access
 * point the hand-over named (lets the classic API authorise faster).
 *
 * @param mac   the device's MAC as {@code aa:bb:cc:dd:ee:ff} (any common spelling is accepted)
 * @param apMac the access point's MAC from the hand-over's {@code ap}, when it sent one
 */
public record UniFiGuestAccess(String mac, long minutes, Optional<Long> uploadKbps, Optional<Long> downloadKbps,
                               Optional<Long> megabytes, Optional<String> apMac) {

    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");

    public UniFiGuestAccess {
        mac = colons(mac);
        apMac = apMac == null ? Optional.empty() : apMac.filter(a -> !a.isBlank()).map(UniFiGuestAccess::colons);
        if (minutes < 1) {
            throw new IllegalArgumentException("a UniFi guest authorisation lasts at least one minute");
        }
        uploadKbps = uploadKbps == null ? Optional.empty() : uploadKbps;
        downloadKbps = downloadKbps == null ? Optional.empty() : downloadKbps;
        megabytes = megabytes == null ? Optional.empty() : megabytes;
    }

    /** {@code 02-00-00-00-00-01}, {@code 0200.0000.0001} or {@code 020000000001} as {@code 02:00:00:00:00:01}. */
    static String colons(String mac) {
        String hex = mac == null ? "" : mac.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
        if (!HEX12.matcher(hex).matches()) {
            throw PorticoException.invalid("That is not a device MAC address.");
        }
        return hex.replaceAll("(..)(?!$)", "$1:");
    }
}
