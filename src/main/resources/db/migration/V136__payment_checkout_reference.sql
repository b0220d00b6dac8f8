-- Stripe's charge.refunded names the PaymentIntent: a refund made in Stripe's Dashboard finds its
-- guest checkout by it.
create index ix_payment_checkout_reference on payment_checkout (operator_id, payment_reference);
