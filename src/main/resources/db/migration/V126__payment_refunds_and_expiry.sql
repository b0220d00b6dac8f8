-- Owner: payment. PayPal orders can be refunded from the console or dashboard (refund_id,
-- refunded_at; state REFUNDED) and, like card checkouts, expire when nobody paid them in time
-- (state EXPIRED, set by the checkout housekeeping task). email and locale are where and in which
-- language the guest's refund e-mail goes, as for card checkouts.
alter table payment_paypal_order add column email varchar(254);
alter table payment_paypal_order add column locale varchar(16) default 'en-us' not null;
alter table payment_paypal_order add column refund_id varchar(64);
alter table payment_paypal_order add column refunded_at timestamp with time zone;
alter table payment_paypal_order drop constraint ck_payment_paypal_order_status;
alter table payment_paypal_order add constraint ck_payment_paypal_order_status
    check (status in ('CREATED', 'CAPTURED', 'COMPLETED', 'EXPIRED', 'REFUNDED'));
create index ix_payment_paypal_order_capture on payment_paypal_order (capture_id);
create index ix_payment_paypal_order_purchase on payment_paypal_order (client_id, purchase_id);
create index ix_payment_paypal_order_open on payment_paypal_order (status, created_at);
create index ix_payment_checkout_open on payment_checkout (state, created_at);
