package io.portico.payment;

/** What became of a provider's webhook delivery; every one of them is answered 200. */
public enum WebhookOutcome {
    /** First delivery; a handler acted on it. */
    PROCESSED,
    /** First delivery of a type no handler acts on; recorded so it is not looked at again. */
    IGNORED,
    /** Seen before (a retry, a replay within the tolerance, or another Portico instance got it first). */
    DUPLICATE
}
