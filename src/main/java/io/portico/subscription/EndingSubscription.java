package io.portico.subscription;

import java.time.Instant;

/** A subscription that ends soon, as the subscription-end report lists it. */
public record EndingSubscription(long subscriptionId, String venueName, String unitName, String subscriberName, String subscriberEmail,
                                 String planKey, Instant startsAt, Instant endsAt) {
}
