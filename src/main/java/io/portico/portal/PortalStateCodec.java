package io.portico.portal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.portico.platform.SecretBox;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals {@link PortalState} with the platform {@link SecretBox} (AES-GCM: nobody can read or alter
 * it without the server's key) into a URL-safe token, and opens it again, refusing a token that
 * was altered, is older than {@link #LIFETIME} or belongs to another hotspot.
 */
@Component
class PortalStateCodec {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final SecretBox box;
    private final JsonMapper json;
    private final Clock clock;

    PortalStateCodec(SecretBox box, JsonMapper json, Clock clock) {
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    String seal(PortalState state) {
        // URL-safe alphabet and no padding (the JDK's decoder does not need it): no character of
        // the token needs escaping in a query or a hidden field.
        return box.seal(json.writeValueAsString(state)).replace('+', '-').replace('/', '_').replace("=", "");
    }

    /** The state behind a token for this hotspot; a {@link StateRefused} when it is not one we issued for it, or expired. */
    PortalState open(String token, String nas) {
        PortalState state;
        try {
            state = json.readValue(box.open(token.replace('-', '+').replace('_', '/')), PortalState.class);
        } catch (RuntimeException e) {
            throw new StateRefused(false);
        }
        if (!state.nas().equals(nas)) {
            throw new StateRefused(false);
        }
        if (state.issuedAt().plus(LIFETIME).isBefore(clock.instant())) {
            throw new StateRefused(true);
        }
        return state;
    }

    /** A state token the portal will not use: forged or for another hotspot, or simply too old. */
    static final class StateRefused extends RuntimeException {
        private final boolean expired;

        StateRefused(boolean expired) {
            super(expired ? "portal state expired" : "portal state refused", null, false, false);
            this.expired = expired;
        }

        boolean expired() {
            return expired;
        }
    }
}
