package io.portico.platform;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The one way Portico builds its Caffeine caches: maintenance (eviction, expiry) runs on the
 * calling thread, amortised over its reads and writes. Caffeine's default hands it to
 * {@code ForkJoinPool.commonPool()} instead, which on the RADIUS hot path (a duplicate-cache write
 * per request) woke a pool thread every few requests and cost about a sixth of the server's CPU in
 * wake-ups and the pool's idle spinning.
 */
public final class Caches {

    private Caches() {
    }

    /** A cache builder whose maintenance runs on the caller's thread. */
    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
