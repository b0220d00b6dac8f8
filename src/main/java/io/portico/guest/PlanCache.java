package io.portico.guest;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;

import io.portico.platform.Caches;

/**
 * Guest plans and session profiles by id, remembered for a short time: every accepted
 * Access-Request needs its purchase's plan and profile, and neither changes once created (there
 * is no update for them), so only the purchase itself is read per request.
 */
final class PlanCache {

    private static final long MAXIMUM_SIZE = 10_000;

    private final Cache<Long, Optional<GuestPlan>> plans;
    private final Cache<Long, Optional<SessionProfile>> profiles;

    PlanCache(Duration ttl, Ticker ticker) {
        this.plans = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
        this.profiles = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
    }

    Optional<GuestPlan> plan(long id, LongFunction<Optional<GuestPlan>> load) {
        return plans.get(id, k -> load.apply(k));
    }

    Optional<SessionProfile> profile(long id, LongFunction<Optional<SessionProfile>> load) {
        return profiles.get(id, k -> load.apply(k));
    }

    /** Forgets a changed plan or profile in this node (other nodes see the change within the TTL). */
    void evict(@org.jspecify.annotations.Nullable Long planId, @org.jspecify.annotations.Nullable Long profileId) {
        if (planId != null) {
            plans.invalidate(planId);
        }
        if (profileId != null) {
            profiles.invalidate(profileId);
        }
    }
}
