package io.portico.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import io.portico.platform.PorticoException;

/**
 * Argon2id hashing (Spring Security's encoder on Bouncy Castle) and the password policy, for
 * administrators and (through {@link #hash}) subscribers.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the email is unknown, so both paths cost one Argon2 verification. */
    private final String decoy = encoder.encode("decoy-password-for-unknown-accounts");

    /** Checks the policy (400 when it fails) and returns the Argon2id hash. */
    public String hash(String password) {
        check(password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password.length() <= MAX_LENGTH && encoder.matches(password, hash);
    }

    public void spendDecoyVerification(String password) {
        encoder.matches(password.length() > MAX_LENGTH ? "" : password, decoy);
    }

    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw PorticoException.invalid("password", "{password} must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (password.isBlank()) {
            throw PorticoException.invalid("password", "{password} must not be blank.");
        }
    }
}
