package io.portico.radius.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portico.platform.Caches;
import io.portico.radius.DpskProperties;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionSnapshot;
import io.portico.subscription.SubscriptionStarted;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.VenueKey;

/**
 * A venue's opened keys for dynamic PSK, so that a look-up neither reads the venue's
 * subscriptions nor unseals their keys again. Per (operator, venue): every subscription not yet
 * ended with its key and dates, filtered by the clock at each look-up (a key whose end has come is
 * refused at once, one whose start has come is tried). A subscription added, started, ended,
 * adjusted, moved to another plan or given a new key (staff or the resident) is read again, on
 * its own, after its transaction commits; changes made on another node are read when the venue's
 * keys expire, a minute after they were read (a match is always checked against the stored
 * subscription, so an old or ended key is refused on every node at once). Bounded by {@code portico.radius.dpsk.pmk-cache-size}
 * keys in all (least recently used venues out).
 */
@Component
class VenueKeyCache {

    private record VenueRef(long operatorId, long venueId) {
    }

    /** A venue's unended keys by subscription id (replaced, never changed in place). */
    private record VenueKeys(Map<Long, VenueKey> keys) {
    }

    private final SubscriptionService subscriptions;
    private final Clock clock;
    private final Cache<VenueRef, VenueKeys> venues;
    private final Counter opened;

    VenueKeyCache(SubscriptionService subscriptions, DpskProperties properties, MeterRegistry registry, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
        // Expiry: another node's changes (its events stay local) are read within a minute; the PMKs stay cached.
        this.venues = Caches.builder().maximumWeight(properties.pmkCacheSize()).expireAfterWrite(Duration.ofMinutes(1))
                .weigher((VenueRef ref, VenueKeys v) -> Math.max(1, v.keys().size())).build();
        this.opened = Counter.builder("portico.radius.dpsk.keys.opened")
                .description("residents' keys read and unsealed for dynamic PSK look-ups").register(registry);
    }

    /** The venue's keys active now, read and unsealed only when the venue is not cached. */
    List<VenueKey> activeAt(long operatorId, long venueId) {
        VenueKeys cached = venues.get(new VenueRef(operatorId, venueId), ref -> load(ref));
        var now = clock.instant();
        return cached.keys().values().stream().filter(k -> k.activeAt(now)).toList();
    }

    /** Keys unsealed into the cache so far (the metric {@code portico.radius.dpsk.keys.opened}). */
    double keysOpened() {
        return opened.count();
    }

    private VenueKeys load(VenueRef ref) {
        List<VenueKey> keys = subscriptions.unendedKeysAtVenue(ref.operatorId(), ref.venueId());
        opened.increment(keys.size());
        Map<Long, VenueKey> byId = new LinkedHashMap<>();
        keys.forEach(k -> byId.put(k.subscriptionId(), k));
        return new VenueKeys(byId);
    }

    /**
     * Reads the subscription again and puts it in (or takes it out of) its venue's keys, if that
     * venue is cached. The read runs inside the cache's atomic update of that venue, after the
     * change committed, so a load or refresh racing with it cannot leave the older key behind.
     */
    private void refresh(SubscriptionSnapshot changed) {
        long operatorId = changed.subscription().operatorId();
        long subscriptionId = changed.subscription().id();
        venues.asMap().computeIfPresent(new VenueRef(operatorId, changed.subscription().venueId()), (ref, current) -> {
            Map<Long, VenueKey> keys = new LinkedHashMap<>(current.keys());
            keys.remove(subscriptionId);
            subscriptions.unendedKey(operatorId, subscriptionId).ifPresent(k -> {
                opened.increment();
                keys.put(subscriptionId, k);
            });
            return new VenueKeys(keys);
        });
    }

    /** Every change of a subscription's key or dates, after its transaction commits. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true, classes = {SubscriptionAdded.class,
            SubscriptionStarted.class, SubscriptionKeyReset.class, SubscriptionAdjusted.class, SubscriptionPlanUpdated.class,
            SubscriptionEnded.class})
    void on(Object event) {
        refresh(SubscriptionChanges.of(event));
    }
}
