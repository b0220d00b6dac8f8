package io.portico.payment;

/**
 * Acts on verified Stripe events: a bean of this type is asked for every event type the inbox
 * accepts for the first time, and runs inside the transaction that records the event, so what it
 * grants is granted exactly once (a handler that throws rolls the event back and Stripe retries).
 * Guest checkouts are one; residents' subscriptions ({@code invoice.paid},
 * {@code customer.subscription.*}) plug in the same way.
 */
public interface StripeEventHandler {

    boolean supports(String eventType);

    void handle(StripeEvent event, long operatorId);
}
