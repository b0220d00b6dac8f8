package io.portico.radius;

import java.time.Instant;
import java.util.Optional;

/**
 * A Disconnect-Request Portico sent and how it stands: {@code SENT} (waiting for the NAS),
 * {@code ACKED} (the NAS said yes; waiting for the session's accounting Stop), {@code DONE} (ACK and
 * Stop), {@code RETRYING} (NAK, no answer, or no Stop in time: failed, will be sent again) or
 * {@code FAILED} (out of attempts). Shown on the dashboard's live sessions page.
 */
public record DisconnectRequest(long id, String nasIdentifier, String acctSessionId, Optional<String> device,
                                Optional<Long> connectionSessionId, String reason, String requestedBy, State state,
                                int attempts, Optional<String> lastError, Instant requestedAt, Optional<Instant> finishedAt) {

    public enum State {
        SENT, ACKED, DONE, RETRYING, FAILED;

        public boolean failed() {
            return this == RETRYING || this == FAILED;
        }

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }
}
