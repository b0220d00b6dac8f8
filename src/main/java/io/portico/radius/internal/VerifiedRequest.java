package io.portico.radius.internal;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.persistence.NasClientRepository.WithSecret;

/**
 * A request from a known NAS whose authenticator checked out, with encrypted attributes (the PAP
 * password) decoded. What the authorisation chain and the accounting step start from.
 */
record VerifiedRequest(RadiusRequest request, WithSecret nas, InetSocketAddress source, Instant receivedAt, long startedNanos) {

    String secret() {
        return nas.secret();
    }
}
