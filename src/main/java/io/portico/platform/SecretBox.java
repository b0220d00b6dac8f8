package io.portico.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the operator secrets Portico must be able to read back (RADIUS secret, Stripe keys,
 * identity-provider client secret, PMS API key, equipment credentials, webhook signing secret)
 * with AES-256-GCM under the master key {@code portico.secrets.key}. Modules that store such a
 * secret call {@link #seal} before writing and {@link #open} when they need it in clear;
 * {@link #mask} is what the APIs show instead. {@link #digest} finds a sealed value again without
 * storing it in clear (a resident's WiFi key by the key a device sent).
 */
public final class SecretBox {

    /** Sealed values start with this version tag, so a later key rotation can tell formats apart. */
    static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] digestKey;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        // A separate key for digests, derived from the master key, so no value is both encrypted and hashed under one key.
        this.digestKey = hmacSha256(key, "portico digest key v1".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A keyed digest (HMAC-SHA-256 under a key derived from the master key), base64url without
     * padding (43 characters): equal inputs give equal digests, so a column of them can be
     * indexed and made unique, while without the master key it reveals nothing of the value.
     * {@code purpose} keeps digests of different kinds of value apart.
     */
    public String digest(String purpose, String value) {
        byte[] input = (purpose + '\0' + value).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmacSha256(digestKey, input));
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    /** Encrypts a clear value: {@code v1:} + base64(iv ‖ ciphertext ‖ tag). A fresh random IV every time. */
    public String seal(String clear) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Decrypts a value made by {@link #seal}; fails when it was sealed under another key or altered. */
    public String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] data = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("sealed secret does not open with the configured portico.secrets.key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * What the APIs show for a secret: asterisks and at most the last four characters; short
     * secrets (under 12 characters) show none, so the visible part never is a large share.
     */
    public static String mask(String clear) {
        if (clear.isEmpty()) {
            return "";
        }
        int visible = clear.length() >= 12 ? 4 : 0;
        return "********" + clear.substring(clear.length() - visible);
    }
}
