package io.portico.connection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The NAS side of an accounting session, stored with the connection so RADIUS can act on it:
 * Disconnect-Requests go to {@code nasAddress} naming {@code acctSessionId} and {@code userName};
 * Accounting-On/Off closes a NAS client's open sessions; the stale sweep closes a session once
 * {@code staleAfter} (2 × its interim interval + margin) passes without another packet.
 *
 * @param nasClientId   the registered RADIUS client that reported the session
 * @param nasAddress    the source address the NAS sent from
 * @param acctSessionId Acct-Session-Id as the NAS sent it (at most 253 characters)
 * @param userName      User-Name as the NAS sent it, or empty
 * @param framedIp      Framed-IP-Address, when sent
 * @param staleAfter    when the session counts as lost without another update
 */
public record NasSession(long nasClientId, String nasAddress, String acctSessionId, String userName, @Nullable String framedIp,
                         Instant staleAfter) {

    public NasSession {
        if (nasAddress == null || nasAddress.isBlank() || nasAddress.length() > 45) {
            throw new IllegalArgumentException("a NAS address is an IPv4 or IPv6 address");
        }
        if (acctSessionId == null || acctSessionId.isEmpty() || acctSessionId.length() > 253) {
            throw new IllegalArgumentException("an Acct-Session-Id has 1 to 253 characters");
        }
        if (userName == null || userName.length() > 253) {
            throw new IllegalArgumentException("a User-Name has at most 253 characters");
        }
        if (framedIp != null && framedIp.length() > 45) {
            throw new IllegalArgumentException("a Framed-IP-Address is an IPv4 or IPv6 address");
        }
        if (staleAfter == null) {
            throw new IllegalArgumentException("a session needs its stale deadline");
        }
    }
}
