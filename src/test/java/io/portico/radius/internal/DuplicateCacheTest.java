package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** RFC 5080 duplicate detection: the same source, code, identifier and Request Authenticator. */
class DuplicateCacheTest {

    static byte[] datagram(int code, int identifier, int authenticatorSeed) {
        byte[] d = new byte[RadiusCodec.HEADER];
        d[0] = (byte) code;
        d[1] = (byte) identifier;
        d[3] = RadiusCodec.HEADER;
        for (int i = 4; i < 20; i++) {
            d[i] = (byte) (authenticatorSeed * 31 + i);
        }
        return d;
    }

    static final InetSocketAddress NAS = new InetSocketAddress("192.0.2.10", 40000);

    @Test
    void aRetransmissionGetsTheFirstRequestsReply() {
        DuplicateCache cache = new DuplicateCache(Duration.ofSeconds(30), 1000);
        CompletableFuture<byte @Nullable []> first = new CompletableFuture<>();
        assertThat(cache.claim(DuplicateCache.Key.of(NAS, datagram(4, 7, 1)), first)).isEmpty();
        var again = new InetSocketAddress("192.0.2.10", 40000);
        assertThat(cache.claim(DuplicateCache.Key.of(again, datagram(4, 7, 1)), new CompletableFuture<>())).containsSame(first);
    }

    @Test
    void keysDifferByEveryPart() {
        DuplicateCache.Key base = DuplicateCache.Key.of(NAS, datagram(4, 7, 1));
        assertThat(Arrays.asList(
                DuplicateCache.Key.of(new InetSocketAddress("192.0.2.11", 40000), datagram(4, 7, 1)),
                DuplicateCache.Key.of(new InetSocketAddress("192.0.2.10", 40001), datagram(4, 7, 1)),
                DuplicateCache.Key.of(new InetSocketAddress("2001:db8::c000:20a", 40000), datagram(4, 7, 1)),
                DuplicateCache.Key.of(NAS, datagram(1, 7, 1)),
                DuplicateCache.Key.of(NAS, datagram(4, 8, 1)),
                DuplicateCache.Key.of(NAS, datagram(4, 7, 2)))).doesNotContain(base).doesNotHaveDuplicates();
        byte[] lastOctet = datagram(4, 7, 1);
        lastOctet[19] ^= 1;
        assertThat(DuplicateCache.Key.of(NAS, lastOctet)).isNotEqualTo(base);
    }

    @Test
    void aForgottenRequestIsProcessedAfresh() {
        DuplicateCache cache = new DuplicateCache(Duration.ofSeconds(30), 1000);
        DuplicateCache.Key key = DuplicateCache.Key.of(NAS, datagram(4, 7, 1));
        cache.claim(key, new CompletableFuture<>());
        cache.forget(key);
        assertThat(cache.claim(key, new CompletableFuture<>())).isEmpty();
    }
}
