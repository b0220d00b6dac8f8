package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.portico.radius.DisconnectOutcome;
import io.portico.guest.MacAddress;

/** Disconnect-Requests against a small loopback responder that plays the NAS. */
class DisconnectClientTest {

    static final String SECRET = "coa-secret-789";

    /** A NAS on 127.0.0.1 that ignores the first {@code ignore} requests, then answers with {@code code} (verifying the request first). */
    static final class FakeNas implements AutoCloseable {
        final DatagramSocket socket;
        final AtomicInteger received = new AtomicInteger();
        final Thread thread;
        volatile byte[] lastRequest = new byte[0];

        FakeNas(int ignore, byte code, byte[] extraAttributes) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            thread = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[4096];
                while (!socket.isClosed()) {
                    try {
                        var packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        byte[] request = Arrays.copyOf(buffer, packet.getLength());
                        lastRequest = request;
                        if (received.incrementAndGet() <= ignore || !validRequest(request)) {
                            continue;
                        }
                        byte[] reply = new byte[20 + extraAttributes.length];
                        reply[0] = code;
                        reply[1] = request[1];
                        reply[3] = (byte) reply.length;
                        System.arraycopy(request, 4, reply, 4, 16);
                        System.arraycopy(extraAttributes, 0, reply, 20, extraAttributes.length);
                        System.arraycopy(RadiusCodec.md5(reply, SECRET.getBytes(StandardCharsets.UTF_8)), 0, reply, 4, 16);
                        socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        static boolean validRequest(byte[] request) {
            byte[] zeroed = request.clone();
            Arrays.fill(zeroed, 4, 20, (byte) 0);
            return request[0] == RadiusCodec.DISCONNECT_REQUEST
                    && Arrays.equals(Arrays.copyOfRange(request, 4, 20), RadiusCodec.md5(zeroed, SECRET.getBytes(StandardCharsets.UTF_8)));
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private final DisconnectClient client = new DisconnectClient(Duration.ofMillis(300), 3);

    private DisconnectClient.Target target(InetSocketAddress nas) {
        return new DisconnectClient.Target(nas, SECRET, "session-42", "aabbcc000001", Optional.of(MacAddress.parse("aabbcc000001")), "lobby");
    }

    @Test
    void retriesUntilTheNasAcknowledges() throws IOException {
        try (var nas = new FakeNas(1, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.ACKNOWLEDGED);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(new String(nas.lastRequest, StandardCharsets.ISO_8859_1)).contains("session-42", "AA-BB-CC-00-00-01", "lobby");
        }
    }

    @Test
    void reportsTheNasRefusalWithItsErrorCause() throws IOException {
        byte[] errorCause503 = {(byte) RadiusCodec.ERROR_CAUSE, 6, 0, 0, 0x01, (byte) 0xF7};
        try (var nas = new FakeNas(0, RadiusCodec.DISCONNECT_NAK, errorCause503)) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.REFUSED);
            assertThat(outcome.errorCause()).contains(503);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWhenTheNasIsSilent() throws IOException {
        try (var nas = new FakeNas(Integer.MAX_VALUE, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.NO_ANSWER);
            assertThat(nas.received).hasValue(3);
        }
    }
}
