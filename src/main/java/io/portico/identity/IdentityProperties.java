package io.portico.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and token settings ({@code portico.identity.*}).
 *
 * @param accessTokenTtl    how long a console access token is valid (the login's ExpiresIn)
 * @param refreshTokenTtl   how long a refresh token is valid; each use replaces it
 * @param maxFailedLogins   consecutive wrong passwords that lock the account
 * @param lockoutDuration   how long the account stays locked
 */
@ConfigurationProperties("portico.identity")
public record IdentityProperties(@DefaultValue("1h") Duration accessTokenTtl,
                                 @DefaultValue("30d") Duration refreshTokenTtl,
                                 @DefaultValue("5") int maxFailedLogins,
                                 @DefaultValue("15m") Duration lockoutDuration) {

    public IdentityProperties {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("portico.identity: access-token-ttl must be positive and not longer than refresh-token-ttl");
        }
        if (maxFailedLogins < 1 || lockoutDuration.isNegative()) {
            throw new IllegalArgumentException("portico.identity: max-failed-logins must be at least 1");
        }
    }
}
