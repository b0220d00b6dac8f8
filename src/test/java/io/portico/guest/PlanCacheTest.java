package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Guest plans and session profiles RADIUS reads for every accept: read once per id and expiry. */
class PlanCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<SessionProfile> profile(long id) {
        loads.incrementAndGet();
        return Optional.of(new SessionProfile(id, 1, "Profile " + loads.get(), Duration.ofHours(1), null, null, null, null, Instant.EPOCH));
    }

    @Test
    void readsEachIdOnceUntilItExpires() {
        PlanCache cache = new PlanCache(Duration.ofSeconds(5), nanos::get);
        assertThat(cache.profile(3, this::profile)).map(SessionProfile::name).contains("Profile 1");
        assertThat(cache.profile(3, this::profile)).map(SessionProfile::name).contains("Profile 1");
        assertThat(cache.profile(4, this::profile)).map(SessionProfile::name).contains("Profile 2");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(cache.profile(3, this::profile)).map(SessionProfile::name).contains("Profile 3");
        assertThat(loads).hasValue(3);
    }

    @Test
    void keepsPlansAndProfilesApartAndZeroTtlCachesNothing() {
        PlanCache off = new PlanCache(Duration.ZERO, nanos::get);
        off.profile(3, this::profile);
        off.profile(3, this::profile);
        assertThat(loads).hasValue(2);
        PlanCache cache = new PlanCache(Duration.ofSeconds(5), nanos::get);
        GuestPlan plan = new GuestPlan(3, 1, 3, "Day", Duration.ofDays(1), 0, "usd", Instant.EPOCH);
        assertThat(cache.plan(3, id -> Optional.of(plan))).contains(plan);
        assertThat(cache.plan(3, id -> Optional.empty())).contains(plan);
        assertThat(cache.profile(3, this::profile)).isPresent();
    }
}
