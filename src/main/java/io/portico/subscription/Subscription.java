package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A subscription: subscriber + unit + plan from {@code startsAt} until {@code endsAt} (open-ended when null). */
public record Subscription(long id, long operatorId, long subscriberId, long unitId, long venueId, long planId,
                           Instant startsAt, @Nullable Instant endsAt, String psk, Instant createdAt) {

    /** Never prints the key (records print every component): subscriptions appear in logs and exceptions. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", operatorId=" + operatorId + ", subscriberId=" + subscriberId + ", unitId=" + unitId
                + ", planId=" + planId + ", startsAt=" + startsAt + ", endsAt=" + endsAt + ", psk=***]";
    }

    /** Where a subscription stands at a moment. */
    public enum State { FUTURE, ACTIVE, ENDED }

    public State state(Instant now) {
        if (startsAt.isAfter(now)) {
            return State.FUTURE;
        }
        return endsAt != null && !endsAt.isAfter(now) ? State.ENDED : State.ACTIVE;
    }

    /** True when [startsAt, endsAt) and [from, to) share a moment; null ends are open. */
    public boolean overlaps(Instant from, @Nullable Instant to) {
        return (to == null || startsAt.isBefore(to)) && (endsAt == null || from.isBefore(endsAt));
    }
}
