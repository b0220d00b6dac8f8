package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message 2 of a WPA2-Personal 4-way handshake computed from a known key, SSID, nonces and MACs,
 * written out from IEEE 802.11-2020 §12.7.1.3 (PRF) and §12.7.2 (EAPOL-Key frame) for the tests,
 * independently of the production code.
 */
record TestHandshake(byte[] pmk, byte[] aNonce, byte[] frame) {

    static final byte[] AP = HexFormat.of().parseHex("0014a7000001");
    /** The RSN element a station sends in message 2: CCMP group and pairwise, PSK. */
    private static final byte[] RSN = HexFormat.of().parseHex("30140100000fac040100000fac040100000fac020000");

    static TestHandshake of(String key, String ssid, byte[] station, long seed) {
        byte[] aNonce = nonce(seed);
        byte[] sNonce = nonce(seed + 1);
        byte[] pmk = pbkdf2(key, ssid);
        byte[] frame = new byte[4 + 95 + RSN.length];
        frame[0] = 2; // 802.1X version
        frame[1] = 3; // EAPOL-Key
        frame[2] = 0;
        frame[3] = (byte) (95 + RSN.length);
        frame[4] = 2; // RSN key descriptor
        frame[5] = 0x01; // key information: MIC set,
        frame[6] = 0x0a; //   pairwise, descriptor version 2 (HMAC-SHA1-128, AES)
        frame[8] = 16; // key length
        frame[16] = 1; // replay counter
        System.arraycopy(sNonce, 0, frame, 17, 32);
        frame[98] = (byte) RSN.length;
        System.arraycopy(RSN, 0, frame, 99, RSN.length);
        byte[] kck = Arrays.copyOf(prf(pmk, station, aNonce, sNonce), 16);
        System.arraycopy(hmac(kck, frame), 0, frame, 81, 16);
        return new TestHandshake(pmk, aNonce, frame);
    }

    /** Ruckus-DPSK-Params: AKM suite (00-0F-AC:2), cipher (4, CCMP), ANonce, EAPOL-Key frame. */
    byte[] dpskParams() {
        byte[] akm = HexFormat.of().parseHex("000fac02");
        byte[] out = new byte[2 + akm.length + 3 + 2 + 32 + 2 + frame.length];
        int at = tlv(out, 0, 1, akm);
        at = tlv(out, at, 2, new byte[] {4});
        at = tlv(out, at, 3, aNonce);
        tlv(out, at, 4, frame);
        return out;
    }

    private static int tlv(byte[] out, int at, int type, byte[] value) {
        out[at] = (byte) type;
        out[at + 1] = (byte) (2 + value.length);
        System.arraycopy(value, 0, out, at + 2, value.length);
        return at + 2 + value.length;
    }

    static byte[] pbkdf2(String key, String ssid) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                    .generateSecret(new PBEKeySpec(key.toCharArray(), ssid.getBytes(StandardCharsets.UTF_8), 4096, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 20 octets of PRF(PMK, "Pairwise key expansion", min/max MACs ‖ min/max nonces): HMAC-SHA1 with counter 0. */
    private static byte[] prf(byte[] pmk, byte[] station, byte[] aNonce, byte[] sNonce) {
        byte[] label = "Pairwise key expansion".getBytes(StandardCharsets.US_ASCII);
        boolean apLow = Arrays.compareUnsigned(AP, station) < 0;
        boolean aLow = Arrays.compareUnsigned(aNonce, sNonce) < 0;
        byte[] data = concat(label, new byte[1], apLow ? AP : station, apLow ? station : AP, aLow ? aNonce : sNonce,
                aLow ? sNonce : aNonce, new byte[1]);
        return hmac(pmk, data);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] nonce(long seed) {
        byte[] nonce = new byte[32];
        new java.util.Random(seed).nextBytes(nonce);
        return nonce;
    }
}
