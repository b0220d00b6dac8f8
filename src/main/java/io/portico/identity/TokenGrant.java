package io.portico.identity;

/** The tokens of a console login or refresh; shown to the caller once, stored only as digests. */
public record TokenGrant(String accessToken, long expiresInSeconds, String refreshToken, String tokenType) {

    public TokenGrant {
        if (accessToken.isBlank() || refreshToken.isBlank() || expiresInSeconds <= 0) {
            throw new IllegalArgumentException("a token grant needs both tokens and a positive lifetime");
        }
    }
}
