package io.portico.platform;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * A rate limit per key (a client address, an email address): {@code capacity} requests, refilled
 * evenly over {@code period}, on the injected clock so tests can move time. In memory on this node;
 * keys unused for two periods are forgotten. Used by the subscriber console's sign-in, password
 * reset and sign-up.
 */
public final class KeyedRateLimit {

    private final int capacity;
    private final Duration period;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public KeyedRateLimit(int capacity, Duration period, Clock clock) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
        }
        this.capacity = capacity;
        this.period = period;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caches.builder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
    }

    /** Takes one request from the key's allowance; a 429 PorticoException with the wait when it is spent. */
    public void take(String key, String message) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw PorticoException.tooManyRequests(message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
