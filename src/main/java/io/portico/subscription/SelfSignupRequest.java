package io.portico.subscription;

import org.jspecify.annotations.Nullable;

/**
 * A resident's self sign-up at a venue: the venue link's token, the unit (its number within the
 * venue), the property's sign-up code when it has one, the plan, the resident's details, a
 * password and the acceptance of the terms and conditions. {@link SelfSignup#signUp} validates it.
 */
public record SelfSignupRequest(String venueToken, @Nullable String unitNumber, @Nullable String signupCode,
                                @Nullable String planKey, @Nullable String email, @Nullable String givenName,
                                @Nullable String familyName, @Nullable String phoneE164, String locale,
                                @Nullable String password, boolean acceptedTerms) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SelfSignupRequest[unit=" + unitNumber + ", plan=" + planKey + ", email=" + email + ", locale=" + locale
                + ", acceptedTerms=" + acceptedTerms + "]";
    }
}
