package io.portico.subscription;

import java.security.SecureRandom;

import io.portico.platform.PorticoException;

/** Personal pre-shared keys: generated from a secure random source, or checked when given. */
final class Psk {

    /** No 0/O, 1/l/I: residents type these. 16 characters carry about 93 bits. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Psk() {
    }

    static String generate() {
        StringBuilder psk = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            psk.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return psk.toString();
    }

    /** WPA2/WPA3 passphrases are 8 to 63 printable ASCII characters. */
    static String requireValid(String psk) {
        if (psk.length() < 8 || psk.length() > 63 || !psk.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw PorticoException.invalid("psk", "{psk} must be 8 to 63 printable ASCII characters.");
        }
        return psk;
    }
}
