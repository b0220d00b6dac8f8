package io.portico.radius;

import java.time.Duration;
import java.util.Optional;

/**
 * What an authorizer grants a device: becomes the Access-Accept's Session-Timeout, Idle-Timeout,
 * Acct-Interim-Interval, speed attributes and (for residents) the dynamic VLAN and, for an access
 * point that asked by MAC alone, the resident's {@link PersonalKey}, or for one that sent a WPA
 * handshake (dynamic PSK), the pairwise master key it proved.
 */
public record AccessGrant(Optional<Duration> sessionTimeout, Optional<Duration> idleTimeout,
                          Optional<Duration> interimInterval, Optional<Speed> speed, Optional<Vlan> vlan,
                          Optional<PersonalKey> personalKey, Optional<byte[]> pairwiseMasterKey) {

    public AccessGrant {
        positive("session timeout", sessionTimeout);
        positive("idle timeout", idleTimeout);
        positive("interim interval", interimInterval);
    }

    /** A grant with no limits: the gateway's own defaults apply. */
    public static AccessGrant unlimited() {
        return new AccessGrant(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public AccessGrant withSessionTimeout(Duration d) {
        return new AccessGrant(Optional.of(d), idleTimeout, interimInterval, speed, vlan, personalKey, pairwiseMasterKey);
    }

    public AccessGrant withIdleTimeout(Duration d) {
        return new AccessGrant(sessionTimeout, Optional.of(d), interimInterval, speed, vlan, personalKey, pairwiseMasterKey);
    }

    public AccessGrant withInterimInterval(Duration d) {
        return new AccessGrant(sessionTimeout, idleTimeout, Optional.of(d), speed, vlan, personalKey, pairwiseMasterKey);
    }

    public AccessGrant withSpeed(Speed s) {
        return new AccessGrant(sessionTimeout, idleTimeout, interimInterval, Optional.of(s), vlan, personalKey, pairwiseMasterKey);
    }

    public AccessGrant withVlan(Vlan v) {
        return new AccessGrant(sessionTimeout, idleTimeout, interimInterval, speed, Optional.of(v), personalKey, pairwiseMasterKey);
    }

    public AccessGrant withPersonalKey(PersonalKey k) {
        return new AccessGrant(sessionTimeout, idleTimeout, interimInterval, speed, vlan, Optional.of(k), pairwiseMasterKey);
    }

    public AccessGrant withPairwiseMasterKey(byte[] pmk) {
        if (pmk.length != 32) {
            throw new IllegalArgumentException("a PMK is 32 octets");
        }
        return new AccessGrant(sessionTimeout, idleTimeout, interimInterval, speed, vlan, personalKey, Optional.of(pmk.clone()));
    }

    private static void positive(String what, Optional<Duration> d) {
        if (d.isPresent() && (d.get().isNegative() || d.get().isZero() || d.get().toSeconds() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException(what + " must be at least one second: " + d.get());
        }
    }
}
