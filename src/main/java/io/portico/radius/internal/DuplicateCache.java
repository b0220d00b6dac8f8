package io.portico.radius.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.platform.Caches;

/**
 * Duplicate detection (RFC 5080 §2.2.2): a request with the same source address and port,
 * identifier and Request Authenticator as one seen within the window is a retransmission. It gets
 * the first request's reply (once that is ready) and is never processed again, so accounting is
 * never written twice. A request whose processing failed is forgotten, so its retransmission is
 * tried afresh.
 */
final class DuplicateCache {

    /**
     * Source address and port, code, identifier and Request Authenticator, in primitives only: a
     * reply stays cached for the whole window, so at thousands of requests a second the entries
     * are a large share of the live heap, and a key holding the {@link InetSocketAddress} (four
     * objects) made every young collection mark and move them all.
     */
    record Key(long addressHigh, long addressLow, int portCodeIdentifier, long authenticatorHigh, long authenticatorLow) {

        /** The key of a datagram (at least a RADIUS header) from {@code source}. */
        static Key of(InetSocketAddress source, byte[] datagram) {
            byte[] address = source.getAddress().getAddress();
            long high = 0;
            long low;
            if (address.length == 4) {
                low = 0xFFFF_0000_0000L | (ByteBuffer.wrap(address).getInt() & 0xFFFF_FFFFL); // as IPv4-mapped IPv6
            } else {
                high = ByteBuffer.wrap(address, 0, 8).getLong();
                low = ByteBuffer.wrap(address, 8, 8).getLong();
            }
            ByteBuffer header = ByteBuffer.wrap(datagram, 0, RadiusCodec.HEADER);
            int portCodeIdentifier = source.getPort() << 16 | (datagram[0] & 0xFF) << 8 | (datagram[1] & 0xFF);
            return new Key(high, low, portCodeIdentifier, header.getLong(4), header.getLong(12));
        }
    }

    private final Cache<Key, CompletableFuture<byte @Nullable []>> replies;

    DuplicateCache(Duration window, long maximumSize) {
        this.replies = Caches.builder().expireAfterWrite(window).maximumSize(maximumSize).build();
    }

    /** The earlier request's reply when {@code key} was seen; otherwise registers {@code mine} and returns empty. */
    Optional<CompletableFuture<byte @Nullable []>> claim(Key key, CompletableFuture<byte @Nullable []> mine) {
        return Optional.ofNullable(replies.asMap().putIfAbsent(key, mine));
    }

    void forget(Key key) {
        replies.invalidate(key);
    }
}
