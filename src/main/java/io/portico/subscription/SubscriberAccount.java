package io.portico.subscription;

import java.util.List;

/** A subscriber with all their subscriptions (any state): what staff's per-subscriber routes start from. */
public record SubscriberAccount(Subscriber subscriber, List<Subscription> subscriptions) {

    public SubscriberAccount {
        subscriptions = List.copyOf(subscriptions);
    }
}
