package io.portico.radius.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket: a platform thread receives datagrams and hands each to a worker (or, for a
 * handler that never blocks, runs it itself), at most {@code maxInFlight} at once. Past that,
 * datagrams are dropped and counted; the NAS retransmits. Nothing a datagram contains can stop the
 * receive loop.
 *
 * <p>Each datagram gets a virtual thread, or, when {@code workerThreads} is positive
 * ({@code portico.radius.auth-workers}), one of a fixed pool of platform threads: an
 * Access-Request's work is a database look-up or two, and a virtual thread that blocks on JDBC's
 * socket read is unmounted, its stack copied to the heap and its wake-up routed through the JDK's
 * poller; a platform thread just blocks.
 */
final class UdpListener implements AutoCloseable {

    /** Handles one datagram; completes with the reply, or null to send nothing. */
    interface Handler {
        CompletableFuture<byte @Nullable []> handle(byte[] datagram, int size, InetSocketAddress source);
    }

    private static final Logger log = LoggerFactory.getLogger(UdpListener.class);

    private final String name;
    private final DatagramChannel channel;
    private final Handler handler;
    private final Semaphore inFlight;
    private final RadiusMetrics metrics;
    private final ExecutorService workers;
    private final Thread receiver;
    private volatile boolean running = true;
    private final boolean inline;

    UdpListener(String name, InetSocketAddress bind, Handler handler, int maxInFlight, RadiusMetrics metrics) throws IOException {
        this(name, bind, handler, maxInFlight, metrics, false, 0);
    }

    /** A listener whose handler blocks, run by {@code workerThreads} platform threads (0: a virtual thread per datagram). */
    UdpListener(String name, InetSocketAddress bind, Handler handler, int maxInFlight, RadiusMetrics metrics, int workerThreads)
            throws IOException {
        this(name, bind, handler, maxInFlight, metrics, false, workerThreads);
    }

    /**
     * @param inline run the handler on the receiving thread instead of a virtual thread per datagram:
     *               for a handler that never blocks (it hands slow work on and completes its
     *               future later, like the accounting listener's group commit)
     */
    UdpListener(String name, InetSocketAddress bind, Handler handler, int maxInFlight, RadiusMetrics metrics, boolean inline)
            throws IOException {
        this(name, bind, handler, maxInFlight, metrics, inline, 0);
    }

    private UdpListener(String name, InetSocketAddress bind, Handler handler, int maxInFlight, RadiusMetrics metrics, boolean inline,
                        int workerThreads) throws IOException {
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must be 0 or more");
        }
        this.inline = inline;
        // The in-flight permits bound the pool's queue.
        this.workers = workerThreads > 0
                ? Executors.newFixedThreadPool(workerThreads, Thread.ofPlatform().daemon().name("radius-" + name + "-worker-", 0).factory())
                : Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("radius-worker-", 0).factory());
        this.name = name;
        this.handler = handler;
        this.inFlight = new Semaphore(maxInFlight);
        this.metrics = metrics;
        this.channel = DatagramChannel.open();
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
        channel.bind(bind);
        this.receiver = Thread.ofPlatform().daemon().name("radius-" + name).unstarted(this::receive);
    }

    void start() {
        receiver.start();
    }

    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void receive() {
        // One extra octet tells an oversized datagram (more than 4096 octets) from a full one.
        ByteBuffer buffer = ByteBuffer.allocate(RadiusCodec.MAX_PACKET + 1);
        while (running) {
            try {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                if (source == null) {
                    continue;
                }
                int size = buffer.position();
                if (size > RadiusCodec.MAX_PACKET || size < RadiusCodec.HEADER) {
                    metrics.dropped(name, RadiusMetrics.Drop.MALFORMED);
                    continue;
                }
                if (!inFlight.tryAcquire()) {
                    metrics.dropped(name, RadiusMetrics.Drop.OVERLOAD);
                    continue;
                }
                byte[] datagram = java.util.Arrays.copyOf(buffer.array(), size);
                if (inline) {
                    process(datagram, size, source);
                } else {
                    workers.execute(() -> process(datagram, size, source));
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.warn("RADIUS {} listener: {}", name, e.toString());
                }
            }
        }
    }

    private void process(byte[] datagram, int size, InetSocketAddress source) {
        CompletableFuture<byte @Nullable []> reply;
        try {
            reply = handler.handle(datagram, size, source);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            inFlight.release();
            metrics.dropped(name, RadiusMetrics.Drop.ERROR);
            log.warn("RADIUS {} request from {} failed: {}", name, source, e.toString());
            return;
        }
        reply.whenComplete((bytes, failure) -> {
            inFlight.release();
            if (bytes != null) {
                send(bytes, source);
            }
        });
    }

    void send(byte[] reply, InetSocketAddress target) {
        try {
            channel.send(ByteBuffer.wrap(reply), target);
        } catch (IOException e) {
            log.debug("RADIUS {} reply to {} not sent: {}", name, target, e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdown();
    }
}
