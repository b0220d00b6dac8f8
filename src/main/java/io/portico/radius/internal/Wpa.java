package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.portico.radius.WpaHandshake;

/**
 * WPA2-Personal key checks for dynamic PSK (IEEE 802.11-2020 §12.7.1): the PMK from a passphrase,
 * and whether a PMK produced a 4-way handshake message's MIC. As FreeRADIUS's rlm_dpsk computes it.
 */
final class Wpa {

    private static final byte[] LABEL = "Pairwise key expansion".getBytes(StandardCharsets.US_ASCII);

    private Wpa() {
    }

    /** PMK = PBKDF2-HMAC-SHA1(passphrase, SSID, 4096 iterations, 32 octets). */
    static byte[] pmk(String passphrase, String ssid) {
        try {
            var spec = new PBEKeySpec(passphrase.toCharArray(), ssid.getBytes(StandardCharsets.UTF_8), 4096, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code pmk} produced the frame's MIC: KCK = the first 16 octets of PRF-384(PMK,
     * "Pairwise key expansion", min(AA, SPA) ‖ max(AA, SPA) ‖ min(ANonce, SNonce) ‖ max(ANonce, SNonce)),
     * MIC = HMAC-SHA1(KCK, frame with its MIC zeroed), first 16 octets.
     */
    static boolean produced(byte[] pmk, WpaHandshake handshake) {
        byte[] sNonce = handshake.sNonce();
        boolean apFirst = Arrays.compareUnsigned(handshake.apMac(), handshake.stationMac()) <= 0;
        boolean aNonceFirst = Arrays.compareUnsigned(handshake.aNonce(), sNonce) <= 0;
        byte[] data = new byte[LABEL.length + 1 + 12 + 64 + 1]; // label, 0, MACs, nonces, counter 0
        int at = LABEL.length + 1;
        System.arraycopy(LABEL, 0, data, 0, LABEL.length);
        System.arraycopy(apFirst ? handshake.apMac() : handshake.stationMac(), 0, data, at, 6);
        System.arraycopy(apFirst ? handshake.stationMac() : handshake.apMac(), 0, data, at + 6, 6);
        System.arraycopy(aNonceFirst ? handshake.aNonce() : sNonce, 0, data, at + 12, 32);
        System.arraycopy(aNonceFirst ? sNonce : handshake.aNonce(), 0, data, at + 44, 32);
        byte[] kck = Arrays.copyOf(hmacSha1(pmk, data), 16);
        byte[] frame = handshake.eapolKeyFrame().clone();
        Arrays.fill(frame, 81, 97, (byte) 0);
        return MessageDigest.isEqual(Arrays.copyOf(hmacSha1(kck, frame), 16), handshake.mic());
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }
}
