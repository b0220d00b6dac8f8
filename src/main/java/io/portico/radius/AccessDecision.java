package io.portico.radius;

/**
 * An authorizer's answer. {@link NotMine} lets the next authorizer in the chain decide (the
 * device is unknown to this one); the first {@link Accept} or {@link Reject} ends the chain.
 */
public sealed interface AccessDecision {

    record Accept(AccessGrant grant) implements AccessDecision {
    }

    /** {@code reason} goes to the gateway as Reply-Message, so it is short and meant for a person. */
    record Reject(String reason) implements AccessDecision {
        public Reject {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a reject needs a reason");
            }
            reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        }
    }

    record NotMine() implements AccessDecision {
    }

    static AccessDecision accept(AccessGrant grant) {
        return new Accept(grant);
    }

    static AccessDecision reject(String reason) {
        return new Reject(reason);
    }

    static AccessDecision notMine() {
        return new NotMine();
    }
}
