package io.portico.radius.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.radius.internal.RadiusMetrics.Drop;
import io.portico.radius.persistence.NasClientRepository.WithSecret;

/**
 * The steps every datagram takes before the listener's own work: parse, check the packet code,
 * find the NAS client, verify the authenticator (and the Message-Authenticator on Access-Requests),
 * and answer retransmissions from the {@link DuplicateCache}. Anything that fails is dropped and
 * counted, never answered: an answer would tell a prober which secrets and sources are right.
 */
final class RequestPipeline implements UdpListener.Handler {

    /** The listener's own work on a verified request; completes with the signed reply, or null to drop. */
    interface Work {
        CompletableFuture<byte @Nullable []> process(VerifiedRequest request);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestPipeline.class);

    private final String listener;
    private final byte expectedCode;
    private final boolean requireMessageAuthenticator;
    private final NasClientRegistry clients;
    private final DuplicateCache duplicates;
    private final RadiusMetrics metrics;
    private final Clock clock;
    private final Work work;

    RequestPipeline(String listener, byte expectedCode, boolean requireMessageAuthenticator, NasClientRegistry clients,
                    DuplicateCache duplicates, RadiusMetrics metrics, Clock clock, Work work) {
        this.listener = listener;
        this.expectedCode = expectedCode;
        this.requireMessageAuthenticator = requireMessageAuthenticator;
        this.clients = clients;
        this.duplicates = duplicates;
        this.metrics = metrics;
        this.clock = clock;
        this.work = work;
    }

    @Override
    public CompletableFuture<byte @Nullable []> handle(byte[] datagram, int size, InetSocketAddress source) {
        long started = System.nanoTime();
        if (datagram[0] != expectedCode) {
            return drop(Drop.WRONG_CODE, source);
        }
        Optional<RadiusRequest> parsed = RadiusCodec.parse(datagram, size);
        if (parsed.isEmpty()) {
            return drop(Drop.MALFORMED, source);
        }
        RadiusRequest request = parsed.get();
        String nasIdentifier = RadiusCodec.string(request, RadiusCodec.NAS_IDENTIFIER).orElse("");
        Optional<WithSecret> nas = clients.find(source.getAddress(), nasIdentifier);
        if (nas.isEmpty()) {
            return drop(Drop.UNKNOWN_CLIENT, source);
        }
        if (expectedCode == RadiusCodec.ACCESS_REQUEST && requireMessageAuthenticator && !RadiusCodec.hasMessageAuthenticator(request)) {
            return drop(Drop.MISSING_MESSAGE_AUTHENTICATOR, source);
        }
        RadiusRequest decoded;
        try {
            decoded = RadiusCodec.decode(request, datagram, nas.get().secret());
        } catch (RadiusPacketException | RuntimeException e) {
            log.debug("RADIUS {} request from {} failed verification: {}", listener, source, e.toString());
            return drop(Drop.BAD_AUTHENTICATOR, source);
        }
        var key = DuplicateCache.Key.of(source, datagram);
        CompletableFuture<byte @Nullable []> mine = new CompletableFuture<>();
        Optional<CompletableFuture<byte @Nullable []>> earlier = duplicates.claim(key, mine);
        if (earlier.isPresent()) {
            metrics.duplicate(listener);
            return earlier.get();
        }
        CompletableFuture<byte @Nullable []> reply;
        try {
            reply = work.process(new VerifiedRequest(decoded, nas.get(), source, clock.instant(), started));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((bytes, failure) -> {
            if (bytes == null) {
                duplicates.forget(key);
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                            ? c.getCause() : failure;
                    if (cause instanceof QueueFullException) {
                        metrics.dropped(listener, Drop.QUEUE_FULL);
                    } else {
                        metrics.dropped(listener, Drop.ERROR);
                        log.warn("RADIUS {} request from {} not answered: {}", listener, source, cause.toString(), cause);
                    }
                }
                mine.complete(null);
            } else {
                metrics.answered(listener, bytes[0] == RadiusCodec.ACCESS_ACCEPT ? RadiusMetrics.Result.ACCEPT
                        : bytes[0] == RadiusCodec.ACCESS_REJECT ? RadiusMetrics.Result.REJECT : RadiusMetrics.Result.ACCOUNTED,
                        System.nanoTime() - started);
                mine.complete(bytes);
            }
        });
        return mine;
    }

    private CompletableFuture<byte @Nullable []> drop(Drop reason, InetSocketAddress source) {
        metrics.dropped(listener, reason);
        log.debug("RADIUS {} request from {} dropped: {}", listener, source, reason);
        return CompletableFuture.completedFuture(null);
    }

    /** The accounting writer's queue is full: drop, and let the NAS retransmit later. */
    static final class QueueFullException extends RuntimeException {
        QueueFullException() {
            super("accounting queue full", null, false, false);
        }
    }
}
