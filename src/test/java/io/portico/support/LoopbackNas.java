package io.portico.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import io.portico.platform.Digests;

/**
 * A NAS's dynamic authorization port (RFC 5176) on 127.0.0.1, port 0: it ignores the first
 * {@code ignore} Disconnect-Requests, then answers each valid one (authenticator checked with the
 * secret) with {@code code}, e.g. {@link #DISCONNECT_ACK} or {@link #DISCONNECT_NAK}.
 */
public final class LoopbackNas implements AutoCloseable {

    public static final byte DISCONNECT_REQUEST = 40;
    public static final byte DISCONNECT_ACK = 41;
    public static final byte DISCONNECT_NAK = 42;

    public final AtomicInteger received = new AtomicInteger();
    public volatile byte[] lastRequest = new byte[0];
    private final DatagramSocket socket;
    private final String secret;

    public LoopbackNas(String secret, int ignore, byte code, byte[] extraAttributes) throws IOException {
        this.secret = secret;
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(() -> {
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
                    System.arraycopy(Digests.md5(reply, secret.getBytes(StandardCharsets.UTF_8)), 0, reply, 4, 16);
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private boolean validRequest(byte[] request) {
        byte[] zeroed = request.clone();
        Arrays.fill(zeroed, 4, 20, (byte) 0);
        return request[0] == DISCONNECT_REQUEST
                && Arrays.equals(Arrays.copyOfRange(request, 4, 20), Digests.md5(zeroed, secret.getBytes(StandardCharsets.UTF_8)));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    /** The request packets as text (Acct-Session-Id and User-Name are plain strings in them). */
    public String lastRequestText() {
        return new String(lastRequest, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        socket.close();
    }
}
