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
import io.portico.support.LoopbackNas;

/** Disconnect-Requests against a small loopback responder that plays the NAS. */
class DisconnectClientTest {

    static final String SECRET = "coa-secret-789";

    private final DisconnectClient client = new DisconnectClient(Duration.ofMillis(300), 3);

    private DisconnectClient.Target target(InetSocketAddress nas) {
        return new DisconnectClient.Target(nas, SECRET, "session-42", "aabbcc000001", Optional.of(MacAddress.parse("aabbcc000001")), "lobby");
    }

    @Test
    void retriesUntilTheNasAcknowledges() throws IOException {
        try (var nas = new LoopbackNas(SECRET, 1, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.ACKNOWLEDGED);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(new String(nas.lastRequest, StandardCharsets.ISO_8859_1)).contains("session-42", "AA-BB-CC-00-00-01", "lobby");
        }
    }

    @Test
    void reportsTheNasRefusalWithItsErrorCause() throws IOException {
        byte[] errorCause503 = {(byte) RadiusCodec.ERROR_CAUSE, 6, 0, 0, 0x01, (byte) 0xF7};
        try (var nas = new LoopbackNas(SECRET, 0, RadiusCodec.DISCONNECT_NAK, errorCause503)) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.REFUSED);
            assertThat(outcome.errorCause()).contains(503);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWhenTheNasIsSilent() throws IOException {
        try (var nas = new LoopbackNas(SECRET, Integer.MAX_VALUE, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            DisconnectOutcome outcome = client.disconnect(target(nas.address()));
            assertThat(outcome.result()).isEqualTo(DisconnectOutcome.Result.NO_ANSWER);
            assertThat(nas.received).hasValue(3);
        }
    }
}
