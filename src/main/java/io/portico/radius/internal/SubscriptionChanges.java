package io.portico.radius.internal;

import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionSnapshot;
import io.portico.subscription.SubscriptionStarted;

/** The subscription events that change a resident's key, dates, unit or plan, which the RADIUS key caches listen to. */
final class SubscriptionChanges {

    private SubscriptionChanges() {
    }

    /** The changed subscription an event carries. */
    static SubscriptionSnapshot of(Object event) {
        return switch (event) {
            case SubscriptionAdded e -> e.subscription();
            case SubscriptionStarted e -> e.subscription();
            case SubscriptionKeyReset e -> e.subscription();
            case SubscriptionAdjusted e -> e.subscription();
            case SubscriptionPlanUpdated e -> e.subscription();
            case SubscriptionEnded e -> e.subscription();
            default -> throw new IllegalArgumentException("Not a subscription change: " + event.getClass());
        };
    }
}
