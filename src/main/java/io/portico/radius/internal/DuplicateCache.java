package io.portico.radius.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Duplicate detection (RFC 5080 §2.2.2): a request with the same source address and port,
 * identifier and Request Authenticator as one seen within the window is a retransmission. It gets
 * the first request's reply (once that is ready) and is never processed again, so accounting is
 * never written twice. A request whose processing failed is forgotten, so its retransmission is
 * tried afresh.
 */
final class DuplicateCache {

    record Key(InetSocketAddress source, byte code, byte identifier, long authHigh, long authLow) {
        static Key of(InetSocketAddress source, byte code, byte identifier, byte[] authenticator) {
            return new Key(source, code, identifier, java.nio.ByteBuffer.wrap(authenticator, 0, 8).getLong(),
                    java.nio.ByteBuffer.wrap(authenticator, 8, 8).getLong());
        }
    }

    private final Cache<Key, CompletableFuture<byte @Nullable []>> replies;

    DuplicateCache(Duration window, long maximumSize) {
        this.replies = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maximumSize).build();
    }

    /** The earlier request's reply when {@code key} was seen; otherwise registers {@code mine} and returns empty. */
    Optional<CompletableFuture<byte @Nullable []>> claim(Key key, CompletableFuture<byte @Nullable []> mine) {
        return Optional.ofNullable(replies.asMap().putIfAbsent(key, mine));
    }

    void forget(Key key) {
        replies.invalidate(key);
    }
}
