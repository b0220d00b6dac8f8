package io.portico.radius.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portico.platform.Caches;
import io.portico.radius.persistence.ResidentDeviceRepository.Binding;
import io.portico.subscription.ActiveSubscription;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.SubscriptionSnapshot;
import io.portico.subscription.SubscriptionStarted;
import io.portico.unit.VenueUnitUpdated;

/**
 * Residents' subscriptions opened for MAC authentication (key unsealed, unit's VLAN, plan's
 * speeds), so that a device asking again costs its one binding look-up
 * ({@link io.portico.radius.persistence.ResidentDeviceRepository#lastBinding}) and neither reads
 * the subscription, unit and plan again nor unseals the key. A cached copy is used only while the
 * binding's row still matches it (same sealed key, dates, unit and plan), so a key rotated, a
 * subscription ended or moved on any node is read afresh on the next request; this node's own
 * changes (the subscription events, a unit's new VLAN) also drop the copy after they commit. A
 * plan's new speeds are read within {@link #TTL}. Bounded ({@link #MAX_SUBSCRIPTIONS}); the keys
 * are never logged ({@link ActiveSubscription#toString()}).
 */
@Component
class ResidentKeyCache {

    /** How long an opened subscription is kept at most: a plan's new speeds reach MAC authentication within it. */
    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_SUBSCRIPTIONS = 100_000;

    /** An opened subscription and the row it was opened from. */
    private record Opened(Binding binding, ActiveSubscription active) {
    }

    private final SubscriptionService subscriptions;
    private final Cache<Long, Opened> opened = Caches.builder().maximumSize(MAX_SUBSCRIPTIONS).expireAfterWrite(TTL).build();
    private final Counter reads;

    ResidentKeyCache(SubscriptionService subscriptions, MeterRegistry registry) {
        this.subscriptions = subscriptions;
        this.reads = Counter.builder("portico.radius.resident.keys.opened")
                .description("residents' subscriptions read and keys unsealed for MAC authentication").register(registry);
    }

    /** The bound subscription if it is active at {@code now}: from the cache while the binding's row matches it, else read and opened. */
    Optional<ActiveSubscription> active(long operatorId, Binding binding, Instant now) {
        if (!binding.activeAt(now)) {
            return Optional.empty();
        }
        Opened cached = opened.getIfPresent(binding.subscriptionId());
        if (cached != null && cached.binding().equals(binding)) {
            return Optional.of(cached.active());
        }
        reads.increment();
        Optional<ActiveSubscription> read = subscriptions.findActive(operatorId, binding.subscriptionId());
        // Kept with the row it was read after: if the row changed in between, the next request's row differs and reads again.
        read.ifPresentOrElse(a -> opened.put(binding.subscriptionId(), new Opened(binding, a)),
                () -> opened.invalidate(binding.subscriptionId()));
        return read;
    }

    /** Subscriptions read and keys unsealed so far (the metric {@code portico.radius.resident.keys.opened}). */
    double keysOpened() {
        return reads.count();
    }

    /** A subscription changed here: its copy goes, after the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true, classes = {SubscriptionAdded.class,
            SubscriptionStarted.class, SubscriptionKeyReset.class, SubscriptionAdjusted.class, SubscriptionPlanUpdated.class,
            SubscriptionEnded.class})
    void onSubscription(Object event) {
        SubscriptionSnapshot changed = SubscriptionChanges.of(event);
        opened.invalidate(changed.subscription().id());
    }

    /** A unit's VLAN changed here: copies of its subscriptions go (rare; all of them, simply). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onUnit(VenueUnitUpdated event) {
        opened.asMap().values().removeIf(o -> o.active().unitId() == event.unit().id());
    }
}
