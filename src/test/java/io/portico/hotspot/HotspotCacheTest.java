package io.portico.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The short-lived hotspot cache RADIUS reads through: expiry bounds what other nodes' changes take to show. */
class HotspotCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final HotspotCache cache = new HotspotCache(Duration.ofSeconds(5), nanos::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<Hotspot> load(Hotspot h) {
        loads.incrementAndGet();
        return Optional.of(h);
    }

    private static Hotspot hotspot(String name, String nas) {
        return new Hotspot(7, 1, 2, 3, name, nas, Instant.EPOCH);
    }

    @Test
    void servesFromMemoryUntilTheEntryExpires() {
        assertThat(cache.byNasIdentifier(1, "lobby", () -> load(hotspot("Lobby", "lobby")))).map(Hotspot::name).contains("Lobby");
        nanos.addAndGet(Duration.ofMillis(4_900).toNanos());
        assertThat(cache.byNasIdentifier(1, "lobby", () -> load(hotspot("Changed elsewhere", "lobby")))).map(Hotspot::name).contains("Lobby");
        assertThat(loads).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.byNasIdentifier(1, "lobby", () -> load(hotspot("Changed elsewhere", "lobby"))))
                .map(Hotspot::name).contains("Changed elsewhere");
        assertThat(loads).hasValue(2);
    }

    @Test
    void remembersMissesButEvictionForgetsThem() {
        assertThat(cache.byNasIdentifier(1, "new", Optional::empty)).isEmpty();
        assertThat(cache.byNasIdentifier(1, "new", () -> load(hotspot("New", "new")))).isEmpty();
        cache.evict(1, 7, "new");
        assertThat(cache.byNasIdentifier(1, "new", () -> load(hotspot("New", "new")))).isPresent();
    }

    @Test
    void evictionForgetsTheIdAndEveryNamedIdentifierOfTheOperatorOnly() {
        cache.byId(7, () -> load(hotspot("Lobby", "old")));
        cache.byNasIdentifier(1, "old", () -> load(hotspot("Lobby", "old")));
        cache.byNasIdentifier(2, "old", () -> load(hotspot("Other operator", "old")));
        cache.evict(1, 7, "old", "new");
        assertThat(cache.byId(7, () -> load(hotspot("Renamed", "new")))).map(Hotspot::name).contains("Renamed");
        assertThat(cache.byNasIdentifier(1, "old", Optional::empty)).isEmpty();
        assertThat(cache.byNasIdentifier(2, "old", Optional::empty)).map(Hotspot::name).contains("Other operator");
    }

    @Test
    void zeroTtlCachesNothing() {
        HotspotCache off = new HotspotCache(Duration.ZERO, nanos::get);
        off.byId(7, () -> load(hotspot("Lobby", "lobby")));
        off.byId(7, () -> load(hotspot("Lobby", "lobby")));
        assertThat(loads).hasValue(2);
    }
}
