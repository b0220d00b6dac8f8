package io.portico.radius;

import java.util.Optional;

/**
 * How a Disconnect-Request (RFC 5176) ended: the NAS acknowledged it, refused it (with its
 * Error-Cause, e.g. 503 Session Context Not Found), or never answered after all retries.
 */
public record DisconnectOutcome(Result result, String sessionId, String nasAddress, int attempts, Optional<Integer> errorCause) {

    public enum Result { ACKNOWLEDGED, REFUSED, NO_ANSWER }

    public boolean disconnected() {
        return result == Result.ACKNOWLEDGED;
    }
}
