/**
 * Payments through providers (Stripe, and PayPal beside it): the operator's provider settings
 * (keys sealed, test or live mode), money as minor units with a currency, the providers' signed
 * webhooks received exactly once (a webhook inbox keyed by provider and event id, written in the
 * transaction that grants access), guest plan checkouts and refunds. Handlers for more event types
 * plug in as {@link io.portico.payment.StripeEventHandler} beans.
 */
@NullMarked
package io.portico.payment;

import org.jspecify.annotations.NullMarked;
