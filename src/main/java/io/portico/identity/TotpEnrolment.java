package io.portico.identity;

/**
 * A started TOTP enrolment: the Base32 secret (shown as text for typing into an app) and the
 * {@code otpauth://} URI the dashboard renders as a QR code. Shown to the administrator once.
 */
public record TotpEnrolment(String secret, String otpauthUri) {

    public TotpEnrolment {
        if (secret.isBlank() || !otpauthUri.startsWith("otpauth://totp/")) {
            throw new IllegalArgumentException("an enrolment needs a secret and an otpauth URI");
        }
    }
}
