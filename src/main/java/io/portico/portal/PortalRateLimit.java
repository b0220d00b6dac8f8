package io.portico.portal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.portico.platform.Caches;
import io.portico.platform.ClockTimeMeter;
import io.portico.platform.PorticoException;

/** Portal forms per remote address ({@link PortalProperties#formsPerMinute}); refills on the injected clock. */
@Component
class PortalRateLimit {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caches.builder().expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000).build();
    private final TimeMeter time;

    PortalRateLimit(PortalProperties properties, Clock clock) {
        this.perMinute = properties.formsPerMinute();
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one form from the address's allowance; a 429 PorticoException (with the wait) when it is spent. */
    void take(String remoteAddress) {
        Bucket bucket = buckets.get(remoteAddress, address -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw PorticoException.tooManyRequests("Too many portal forms from this address.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
