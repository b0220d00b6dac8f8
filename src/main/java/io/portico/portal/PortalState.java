package io.portico.portal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the portal carries between its pages instead of a cookie: the hotspot, the gateway's
 * hand-over (exactly one of the three) and when it was issued. Sealed by {@link PortalStateCodec}
 * into the hidden {@code state} field and link parameter, so a guest's pages keep working across
 * the gateway hop in mini-browsers that drop cookies, and nobody can alter what the gateway said.
 */
record PortalState(String nas, Instant issuedAt, @Nullable MikroTikHandOver mikrotik, @Nullable ChilliHandOver chilli,
                   @Nullable UniFiHandOver unifi) {

    PortalState {
        int given = (mikrotik == null ? 0 : 1) + (chilli == null ? 0 : 1) + (unifi == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a portal state carries exactly one hand-over");
        }
    }

    /** The phone's MAC as the gateway sent it (canonical {@code AA-BB-CC-DD-EE-FF}). */
    String mac() {
        return mikrotik != null ? mikrotik.mac() : chilli != null ? chilli.mac() : unifi.mac();
    }

    @Nullable String deviceIp() {
        return mikrotik != null ? mikrotik.ip() : chilli != null ? chilli.ip() : null;
    }
}
