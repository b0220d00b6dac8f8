package io.portico.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.WritableDictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.dictionary.parser.ResourceParser;
import org.tinyradius.core.dictionary.parser.resolver.ClasspathResourceResolver;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;

import io.netty.buffer.Unpooled;

/**
 * The RADIUS client side of a simulated gateway: builds Access- and Accounting-Requests with
 * tinyradius-netty (which signs them and adds Message-Authenticator to Access-Requests), sends them
 * over UDP, retransmits the same packet on timeout as a NAS does (RFC 5080 §2.2.1) and verifies the
 * answer's Response Authenticator with the shared secret.
 */
public final class NasRadiusClient {

    private static final byte ACCESS_REQUEST = 1;
    private static final byte ACCESS_ACCEPT = 2;
    private static final byte ACCOUNTING_REQUEST = 4;
    private static final byte ACCOUNTING_RESPONSE = 5;

    /** tinyradius-netty's standard dictionary with the vendor attributes Portico's server reads and writes. */
    static final Dictionary DICTIONARY = loadDictionary();

    private final InetSocketAddress auth;
    private final InetSocketAddress acct;
    private final String secret;
    private final Duration timeout;
    private final int attempts;
    private final AtomicInteger identifiers = new AtomicInteger();

    public NasRadiusClient(InetSocketAddress auth, InetSocketAddress acct, String secret) {
        this(auth, acct, secret, Duration.ofSeconds(3), 3);
    }

    NasRadiusClient(InetSocketAddress auth, InetSocketAddress acct, String secret, Duration timeout, int attempts) {
        this.auth = auth;
        this.acct = acct;
        this.secret = secret;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    private static Dictionary loadDictionary() {
        try {
            WritableDictionary standard = DictionaryParser.newClasspathParser()
                    .parseDictionary("org/tinyradius/core/dictionary/default_dictionary");
            // the same FreeRADIUS-format file Portico's server loads (a resource, not its code)
            return new ResourceParser(standard, ClasspathResourceResolver.INSTANCE).parseDictionary("io/portico/radius/dictionary");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RADIUS dictionary", e);
        }
    }

    static RadiusAttribute attribute(int type, byte[] value) {
        return DICTIONARY.createAttribute(-1, type, value);
    }

    static RadiusAttribute attribute(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    static RadiusAttribute integer(int type, long value) {
        return attribute(type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    static RadiusAttribute vendor(int vendorId, int type, String value) {
        return new VendorSpecificAttribute(DICTIONARY, vendorId,
                List.of(DICTIONARY.createAttribute(vendorId, type, value.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Sends an Access-Request; {@code papPassword} is encrypted as User-Password (RFC 2865 §5.2)
     * when present, otherwise the attributes carry CHAP-Password and CHAP-Challenge.
     *
     * @throws IllegalStateException when Portico does not answer
     */
    public RadiusReply access(List<RadiusAttribute> attributes, Optional<String> papPassword) {
        try {
            RadiusRequest request = RadiusRequest.create(DICTIONARY, ACCESS_REQUEST, nextIdentifier(), null, attributes);
            if (papPassword.isPresent()) {
                request = ((AccessRequest) request).withPapPassword(papPassword.get());
            }
            RadiusResponse response = exchange(auth, request.encodeRequest(secret));
            return new RadiusReply(response.getType() == ACCESS_ACCEPT, byName(response));
        } catch (RadiusPacketException e) {
            throw new IllegalStateException("cannot encode the Access-Request: " + e.getMessage(), e);
        }
    }

    /** Sends an Accounting-Request and waits for the Accounting-Response. */
    public void account(List<RadiusAttribute> attributes) {
        try {
            RadiusRequest request = RadiusRequest.create(DICTIONARY, ACCOUNTING_REQUEST, nextIdentifier(), null, attributes);
            RadiusResponse response = exchange(acct, request.encodeRequest(secret));
            if (response.getType() != ACCOUNTING_RESPONSE) {
                throw new IllegalStateException("answered an Accounting-Request with code " + response.getType());
            }
        } catch (RadiusPacketException e) {
            throw new IllegalStateException("cannot encode the Accounting-Request: " + e.getMessage(), e);
        }
    }

    private byte nextIdentifier() {
        return (byte) identifiers.getAndIncrement();
    }

    private RadiusResponse exchange(InetSocketAddress server, RadiusRequest request) {
        byte[] datagram = request.toBytes();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            for (int attempt = 0; attempt < attempts; attempt++) {
                socket.send(new DatagramPacket(datagram, datagram.length, server));
                Optional<RadiusResponse> answer = awaitAnswer(socket, request);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no RADIUS answer from " + server + " after " + attempts + " attempts");
    }

    private Optional<RadiusResponse> awaitAnswer(DatagramSocket socket, RadiusRequest request) throws IOException {
        byte[] buffer = new byte[4096];
        while (true) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            byte[] reply = Arrays.copyOf(buffer, packet.getLength());
            if (reply.length < 20 || reply[1] != request.getId()) {
                continue;
            }
            try {
                return Optional.of(RadiusResponse.fromByteBuf(DICTIONARY, Unpooled.wrappedBuffer(reply))
                        .decodeResponse(secret, request.getAuthenticator()));
            } catch (RadiusPacketException forged) {
                // a datagram not signed with our secret is not an answer; keep waiting
            }
        }
    }

    private static Map<String, List<String>> byName(RadiusResponse response) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (RadiusAttribute attribute : response.getAttributes()) {
            for (RadiusAttribute flat : attribute.flatten()) {
                attributes.computeIfAbsent(flat.getAttributeName(), name -> new ArrayList<>()).add(flat.getValueString());
            }
        }
        return attributes;
    }
}
