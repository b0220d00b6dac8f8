package io.portico.radius;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.portico.platform.Digests;

/**
 * The password an Access-Request carried, already decoded with the NAS secret. Authorizers use it
 * to check a voucher code: {@code credentials.matches(code)} works the same for PAP and CHAP.
 */
public sealed interface Credentials {

    /** Whether the device proved knowledge of {@code secret} (a voucher code). */
    boolean matches(String secret);

    /** MAC authentication: no password was sent (or only the MAC itself as password). */
    record None() implements Credentials {
        @Override
        public boolean matches(String secret) {
            return false;
        }
    }

    record Pap(String password) implements Credentials {
        @Override
        public boolean matches(String secret) {
            return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Pap[***]";
        }
    }

    /** CHAP (RFC 1994 / RFC 2865 §5.3): response = MD5(identifier ‖ secret ‖ challenge). */
    record Chap(byte identifier, byte[] challenge, byte[] response) implements Credentials {
        public Chap {
            if (response.length != 16 || challenge.length == 0) {
                throw new IllegalArgumentException("CHAP response must be 16 octets and the challenge non-empty");
            }
            challenge = challenge.clone();
            response = response.clone();
        }

        @Override
        public boolean matches(String secret) {
            byte[] expected = Digests.md5(new byte[] {identifier}, secret.getBytes(StandardCharsets.UTF_8), challenge);
            return MessageDigest.isEqual(expected, response);
        }

        @Override
        public String toString() {
            return "Chap[***]";
        }
    }
}
