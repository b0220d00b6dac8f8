package io.portico.identity;

import java.util.Optional;

/**
 * The outcome of the dashboard's password step: signed in (a grant), or a code needed (an opaque,
 * sealed, short-lived challenge the code step takes back, so the password is not asked again).
 */
public record SignInStep(Optional<TokenGrant> grant, Optional<String> codeChallenge) {

    public SignInStep {
        if (grant.isPresent() == codeChallenge.isPresent()) {
            throw new IllegalArgumentException("a sign-in step is either a grant or a code challenge");
        }
    }

    static SignInStep signedIn(TokenGrant grant) {
        return new SignInStep(Optional.of(grant), Optional.empty());
    }

    static SignInStep codeNeeded(String challenge) {
        return new SignInStep(Optional.empty(), Optional.of(challenge));
    }
}
