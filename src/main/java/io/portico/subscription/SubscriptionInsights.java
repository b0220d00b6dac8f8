package io.portico.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.subscription.persistence.SubscriptionFigureRepository;

/**
 * The dashboard overview's subscription figures for the operator or one venue, counted in SQL on
 * {@code ix_subscription_operator}: active now, starting and ending within the horizon, and the
 * VLAN changes waiting for a gateway.
 */
@Service
public class SubscriptionInsights {

    private final SubscriptionFigureRepository figures;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    SubscriptionInsights(SubscriptionFigureRepository figures, SubscriptionService subscriptions, Clock clock) {
        this.figures = figures;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SubscriptionFigures figures(Actor actor, Optional<Long> venueId, Duration horizon) {
        actor.require(Permission.READ_CONFIGURATION);
        Instant now = clock.instant();
        return figures.figures(actor.operatorId(), venueId, now, now.plus(horizon));
    }

    /** VLAN changes waiting for a gateway (units to enable, units to disable); these lists stay short. */
    @Transactional(readOnly = true)
    public long pendingVlanChanges(Actor actor) {
        return subscriptions.pendingEnables(actor).size() + subscriptions.pendingDisables(actor).size();
    }
}
