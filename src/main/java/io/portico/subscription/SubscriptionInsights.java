package io.portico.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.subscription.persistence.EndingSubscriptionRepository;
import io.portico.subscription.persistence.PendingVlanRepository;
import io.portico.subscription.persistence.SubscriptionFigureRepository;

/**
 * The dashboard overview's subscription figures for the operator or one venue, counted in SQL on
 * {@code ix_subscription_operator}: active now, starting and ending within the horizon, and the
 * VLAN changes waiting for a gateway.
 */
@Service
public class SubscriptionInsights {

    private final SubscriptionFigureRepository figures;
    private final EndingSubscriptionRepository ending;
    private final PendingVlanRepository pendingVlans;
    private final Clock clock;

    SubscriptionInsights(SubscriptionFigureRepository figures, EndingSubscriptionRepository ending, PendingVlanRepository pendingVlans,
                         Clock clock) {
        this.figures = figures;
        this.ending = ending;
        this.pendingVlans = pendingVlans;
        this.clock = clock;
    }

    /**
     * A page of the operator's subscriptions ending in (from, until], soonest first, after the keyset
     * (ends_at, id); one more than {@code limit} tells there is a next page.
     */
    @Transactional(readOnly = true)
    public List<EndingSubscription> ending(long operatorId, Instant from, Instant until, Optional<Instant> afterEndsAt,
                                           Optional<Long> afterId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 subscriptions");
        }
        return ending.page(operatorId, from, until, afterEndsAt, afterId, limit + 1);
    }

    /** Every subscription of the operator ending in (from, until], soonest first, streamed (the report's CSV). */
    @Transactional(readOnly = true)
    public void forEachEnding(long operatorId, Instant from, Instant until, Consumer<EndingSubscription> each) {
        ending.forEach(operatorId, from, until, each);
    }

    @Transactional(readOnly = true)
    public SubscriptionFigures figures(Actor actor, Optional<Long> venueId, Duration horizon) {
        actor.require(Permission.READ_CONFIGURATION);
        Instant now = clock.instant();
        return figures.figures(actor.operatorId(), venueId, now, now.plus(horizon));
    }

    /** VLAN changes waiting for a gateway (units to enable, units to disable), counted in SQL. */
    @Transactional(readOnly = true)
    public long pendingVlanChanges(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return pendingVlans.count(actor.operatorId(), clock.instant());
    }
}
