package io.portico.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * A phone's session at a simulated gateway, from Access-Accept to Accounting Stop: what the
 * gateway sent Portico in accounting and what Portico granted.
 *
 * @param acctSessionId the Acct-Session-Id in the vendor's format
 * @param granted       Portico's Access-Accept
 * @param inputOctets   octets from the phone so far (Acct-Input-Octets)
 * @param outputOctets  octets to the phone so far (Acct-Output-Octets)
 * @param stoppedAt     when the gateway sent Accounting Stop
 */
public record GatewaySession(Phone phone, String username, String acctSessionId, Instant startedAt, RadiusReply granted,
                             long inputOctets, long outputOctets, Optional<Instant> stoppedAt) {

    GatewaySession withTraffic(long input, long output) {
        return new GatewaySession(phone, username, acctSessionId, startedAt, granted, inputOctets + input, outputOctets + output,
                stoppedAt);
    }

    GatewaySession stopped(Instant at) {
        return new GatewaySession(phone, username, acctSessionId, startedAt, granted, inputOctets, outputOctets, Optional.of(at));
    }
}
