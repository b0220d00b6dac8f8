package io.portico.connection;

import io.portico.guest.MacAddress;

/**
 * A guest session still open at its NAS, as a Disconnect-Request must name it; {@code sessionId} is
 * the connection's own id, by which the radius module later checks that the session's Stop arrived.
 */
public record OpenNasSession(long nasClientId, String nasAddress, String nasIdentifier, String acctSessionId, String userName,
                             MacAddress device, long sessionId) {
}
