package io.portico.radius.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.DisconnectOutcome;
import io.portico.guest.MacAddress;

/**
 * Sends Disconnect-Requests (RFC 5176) to a NAS's dynamic authorization port and waits for the
 * ACK or NAK, retransmitting the identical packet on timeout (RFC 5080). Used by
 * {@link io.portico.radius.RadiusService#disconnect}; blocking, so callers use virtual threads.
 */
public class DisconnectClient {

    /** What identifies the session at the NAS. */
    public record Target(InetSocketAddress nas, String secret, String sessionId, String username, Optional<MacAddress> device,
                         String nasIdentifier) {
        @Override
        public String toString() {
            return "Target[" + nas + ", " + sessionId + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DisconnectClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration timeout;
    private final int attempts;

    public DisconnectClient(Duration timeout, int attempts) {
        this.timeout = timeout;
        this.attempts = attempts;
    }

    public DisconnectOutcome disconnect(Target target) {
        byte identifier = (byte) RANDOM.nextInt(256);
        byte[] request = encode(target, identifier);
        byte[] requestAuthenticator = Arrays.copyOfRange(request, 4, 20);
        String nas = target.nas().getAddress().getHostAddress() + ":" + target.nas().getPort();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            for (int attempt = 1; attempt <= attempts; attempt++) {
                socket.send(new DatagramPacket(request, request.length, target.nas()));
                Optional<DisconnectOutcome> answer = awaitAnswer(socket, identifier, requestAuthenticator, target, nas, attempt);
                if (answer.isPresent()) {
                    log.info("Disconnect of session {} at {}: {} after {} attempt(s)", target.sessionId(), nas, answer.get().result(), attempt);
                    return answer.get();
                }
            }
        } catch (IOException e) {
            log.warn("Disconnect of session {} at {} failed: {}", target.sessionId(), nas, e.toString());
        }
        log.warn("Disconnect of session {} at {}: no answer after {} attempt(s)", target.sessionId(), nas, attempts);
        return new DisconnectOutcome(DisconnectOutcome.Result.NO_ANSWER, target.sessionId(), nas, attempts, Optional.empty());
    }

    /** Reads until a valid answer to this request arrives or the timeout passes; other datagrams are ignored. */
    private Optional<DisconnectOutcome> awaitAnswer(DatagramSocket socket, byte identifier, byte[] requestAuthenticator, Target target,
                                                   String nas, int attempt) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[RadiusCodec.MAX_PACKET];
        while (System.nanoTime() < deadline) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            byte[] reply = Arrays.copyOf(packet.getData(), packet.getLength());
            if (!isAnswer(reply, identifier, requestAuthenticator, target.secret())) {
                continue;
            }
            if (reply[0] == RadiusCodec.DISCONNECT_ACK) {
                return Optional.of(new DisconnectOutcome(DisconnectOutcome.Result.ACKNOWLEDGED, target.sessionId(), nas, attempt, Optional.empty()));
            }
            return Optional.of(new DisconnectOutcome(DisconnectOutcome.Result.REFUSED, target.sessionId(), nas, attempt, errorCause(reply)));
        }
        return Optional.empty();
    }

    static byte[] encode(Target target, byte identifier) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        if (!target.username().isEmpty()) {
            attributes.add(RadiusCodec.attribute(RadiusCodec.USER_NAME, target.username()));
        }
        attributes.add(RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, target.sessionId()));
        target.device().ifPresent(mac -> attributes.add(RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, mac.value())));
        if (!target.nasIdentifier().isEmpty()) {
            attributes.add(RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, target.nasIdentifier()));
        }
        // Event-Timestamp lets the NAS refuse a replayed request (RFC 5176 §5.1).
        attributes.add(RadiusCodec.integerAttribute(55, Instant.now().getEpochSecond()));
        try {
            return RadiusRequest.create(RadiusCodec.DICTIONARY, RadiusCodec.DISCONNECT_REQUEST, identifier, null, attributes)
                    .encodeRequest(target.secret()).toBytes();
        } catch (RadiusPacketException e) {
            throw new IllegalArgumentException("cannot encode a Disconnect-Request: " + e.getMessage(), e);
        }
    }

    /** An ACK or NAK with our identifier and a Response Authenticator made with the shared secret. */
    static boolean isAnswer(byte[] reply, byte identifier, byte[] requestAuthenticator, String secret) {
        if (reply.length < RadiusCodec.HEADER || reply[1] != identifier
                || (reply[0] != RadiusCodec.DISCONNECT_ACK && reply[0] != RadiusCodec.DISCONNECT_NAK)) {
            return false;
        }
        int length = ((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF);
        if (length < RadiusCodec.HEADER || length > reply.length) {
            return false;
        }
        byte[] signed = Arrays.copyOf(reply, length);
        byte[] received = Arrays.copyOfRange(signed, 4, 20);
        System.arraycopy(requestAuthenticator, 0, signed, 4, 16);
        return java.security.MessageDigest.isEqual(received, RadiusCodec.md5(signed, secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<Integer> errorCause(byte[] reply) {
        int length = ((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF);
        for (int at = RadiusCodec.HEADER; at + 2 <= length; ) {
            int type = reply[at] & 0xFF;
            int attrLength = reply[at + 1] & 0xFF;
            if (attrLength < 2 || at + attrLength > length) {
                return Optional.empty();
            }
            if (type == RadiusCodec.ERROR_CAUSE && attrLength == 6) {
                return Optional.of(((reply[at + 2] & 0xFF) << 24) | ((reply[at + 3] & 0xFF) << 16) | ((reply[at + 4] & 0xFF) << 8)
                        | (reply[at + 5] & 0xFF));
            }
            at += attrLength;
        }
        return Optional.empty();
    }
}
