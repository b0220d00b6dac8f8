package io.portico.radius;

import java.util.Arrays;

/**
 * The second message of a WPA2-Personal 4-way handshake as a Ruckus access point forwards it for
 * dynamic PSK (Ruckus-DPSK-Params): whoever knows the key that produced the frame's MIC is the
 * resident. Built by the RADIUS codec; the resident authorizer searches the venue's keys with it.
 *
 * @param ssid        the network name (the PBKDF2 salt of the PMK)
 * @param apMac       the access point's (BSSID's) MAC, 6 octets
 * @param stationMac  the device's MAC, 6 octets
 * @param aNonce      the access point's nonce, 32 octets
 * @param eapolKeyFrame the EAPOL-Key frame (message 2) with its MIC, from the 802.1X header on
 */
public record WpaHandshake(String ssid, byte[] apMac, byte[] stationMac, byte[] aNonce, byte[] eapolKeyFrame) {

    /** 802.1X header (4) + descriptor type, key information, key length, replay counter, nonce, IV, RSC, reserved, MIC, data length. */
    public static final int MIN_FRAME = 4 + 95;

    public WpaHandshake {
        if (ssid.isEmpty() || apMac.length != 6 || stationMac.length != 6 || aNonce.length != 32 || eapolKeyFrame.length < MIN_FRAME
                || eapolKeyFrame.length > 512) {
            throw new IllegalArgumentException("a WPA handshake needs an SSID, two 6-octet MACs, a 32-octet ANonce and an EAPOL-Key frame");
        }
        apMac = apMac.clone();
        stationMac = stationMac.clone();
        aNonce = aNonce.clone();
        eapolKeyFrame = eapolKeyFrame.clone();
    }

    /** The device's nonce, from the frame. */
    public byte[] sNonce() {
        return Arrays.copyOfRange(eapolKeyFrame, 17, 49);
    }

    /** The frame's MIC (16 octets). */
    public byte[] mic() {
        return Arrays.copyOfRange(eapolKeyFrame, 81, 97);
    }

    /** Key descriptor version (key information bits 0–2): 2 is HMAC-SHA1-128 with AES (CCMP), the one DPSK supports. */
    public int descriptorVersion() {
        return eapolKeyFrame[6] & 0x07;
    }

    @Override
    public String toString() {
        return "WpaHandshake[ssid=" + ssid + "]";
    }
}
