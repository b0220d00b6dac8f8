package io.portico.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 as the gateway protocols use it (CHAP responses, CoovaChilli's {@code md} and
 * hotspotlogin.cgi, RADIUS CHAP checks); called by the portal's hand-overs, the gateway
 * simulators and the RADIUS credentials. Not for anything that needs a secure hash.
 */
public final class Digests {

    private Digests() {
    }

    /** MD5 over the parts in order. */
    public static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
