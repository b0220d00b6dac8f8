package io.portico.radius.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.AccessDecision;
import io.portico.radius.AccessGrant;
import io.portico.radius.AccountingSink;
import io.portico.radius.GuestAuthorizer;
import io.portico.guest.MacAddress;
import io.portico.radius.RadiusProperties;
import io.portico.radius.ResidentAuthorizer;
import io.portico.radius.Speed;
import io.portico.radius.Vlan;
import io.portico.support.LoopbackRadius;

/**
 * Test helpers: a RADIUS server on free loopback ports with test authorizers, and a raw UDP
 * client that sends exact bytes (for duplicates and fuzzing).
 */
final class TestRadius {

    static final MacAddress GUEST = MacAddress.parse("AA-BB-CC-00-00-01");
    static final MacAddress RESIDENT = MacAddress.parse("AA-BB-CC-00-00-02");
    static final String VOUCHER = "VOUCHER-2024";

    /** Accepts {@link #GUEST} by MAC and any device with the voucher code; rejects the rest. */
    static final GuestAuthorizer GUESTS = (hotspotId, attempt) -> {
        if (attempt.device().equals(GUEST)) {
            return AccessDecision.accept(AccessGrant.unlimited().withSessionTimeout(Duration.ofMinutes(90))
                    .withIdleTimeout(Duration.ofMinutes(10)).withInterimInterval(Duration.ofMinutes(5))
                    .withSpeed(new Speed(10_000_000, 100_000_000)));
        }
        if (attempt.account().isPresent()) {
            return attempt.credentials().matches(VOUCHER) && attempt.account().get().equals(VOUCHER)
                    ? AccessDecision.accept(AccessGrant.unlimited().withSessionTimeout(Duration.ofHours(24)))
                    : AccessDecision.reject("Unknown voucher code.");
        }
        return AccessDecision.reject("No active guest plan for this device.");
    };

    static final ResidentAuthorizer RESIDENTS = (equipmentId, attempt) -> attempt.device().equals(RESIDENT)
            ? AccessDecision.accept(AccessGrant.unlimited().withVlan(new Vlan(120)).withSpeed(new Speed(50_000_000, 500_000_000)))
            : AccessDecision.notMine();

    private TestRadius() {
    }

    static RadiusProperties properties() {
        return LoopbackRadius.properties();
    }

    /** A server on free ports in front of the real domain's authorisation chain and accounting. */
    static RadiusServer startDomain(org.springframework.context.ApplicationContext context) {
        var server = new RadiusServer(properties(), context.getBean(NasClientRegistry.class), context.getBean(AuthorizationChain.class),
                context.getBean(AccountingSink.class), context.getBean(RadiusMetrics.class), context.getBean(Clock.class));
        server.start();
        return server;
    }

    static void stop(@org.jspecify.annotations.Nullable RadiusServer server) {
        if (server != null) {
            server.stop();
        }
    }

    /** A resident service plan of 1 Gbit/s each way with a one-hour session timeout. */
    static io.portico.plan.PlanChanges servicePlan(String name) {
        return new io.portico.plan.PlanChanges(name, 1_000_000L, 1_000_000L, 100, false, true, name + " billed monthly", "",
                new io.portico.plan.FccLabel("FABCDE1234567898", 1_000_000, 1_000_000, "https://www.testprivacypol.com",
                        "https://www.testnetworkmgtpol.com", "https://www.testdatapol.com", "https://www.testbundledisc.com",
                        "http://www.test.com/customerservice"),
                "", "https://example.com/sample-images/serviceplan-sample.png", 0, 730.5, List.of("USD"),
                java.util.Map.of("USD", 1600L), 0, 0, 3600);
    }

    static RadiusServer start(NasClientRegistry registry, AccountingSink sink, RadiusMetrics metrics, Clock clock) {
        var server = new RadiusServer(properties(), registry, new AuthorizationChain(List.of(RESIDENTS), List.of(GUESTS)), sink, metrics, clock);
        server.start();
        return server;
    }

    /** An Access-Request as a gateway would send it (PAP password when given), with Message-Authenticator. */
    static byte[] accessRequest(String secret, byte id, Optional<String> password, RadiusAttribute... attributes) {
        try {
            AccessRequest request = (AccessRequest) RadiusRequest.create(RadiusCodec.DICTIONARY, RadiusCodec.ACCESS_REQUEST, id, null,
                    List.of(attributes));
            RadiusRequest withPassword = password.isPresent() ? request.withPapPassword(password.get()) : request;
            return withPassword.encodeRequest(secret).toBytes();
        } catch (RadiusPacketException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] accountingRequest(String secret, byte id, RadiusAttribute... attributes) {
        try {
            return RadiusRequest.create(RadiusCodec.DICTIONARY, RadiusCodec.ACCOUNTING_REQUEST, id, null, List.of(attributes))
                    .encodeRequest(secret).toBytes();
        } catch (RadiusPacketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UDP socket on 127.0.0.1 that sends datagrams and waits briefly for answers. */
    static final class Udp implements AutoCloseable {
        private final DatagramSocket socket;
        private final InetSocketAddress server;

        Udp(int port, Duration timeout) {
            try {
                socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                socket.setSoTimeout((int) timeout.toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = new InetSocketAddress("127.0.0.1", port);
        }

        void send(byte[] datagram) {
            try {
                socket.send(new DatagramPacket(datagram, datagram.length, server));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<byte[]> receive() {
            byte[] buffer = new byte[4096];
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<byte[]> exchange(byte[] datagram) {
            send(datagram);
            return receive();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
