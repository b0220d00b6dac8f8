package io.portico.connection;

import io.portico.guest.MacAddress;

/** A guest session still open at its NAS, as a Disconnect-Request must name it. */
public record OpenNasSession(long nasClientId, String nasAddress, String nasIdentifier, String acctSessionId, String userName,
                             MacAddress device) {
}
