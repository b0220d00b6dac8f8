-- Owner: payment. A guest's PayPal order (Orders v2) for a guest plan: created when the guest
-- chooses PayPal on the portal, captured when the guest comes back from PayPal, and turned into a
-- purchase only by the verified PAYMENT.CAPTURE.COMPLETED webhook (the CREATED/CAPTURED ->
-- COMPLETED update decides, in the transaction that records the event in the webhook inbox).
-- reference is our purchase reference, sent to PayPal as custom_id.
create table payment_paypal_order (
    reference     varchar(40) not null,
    operator_id   bigint not null references operator (id),
    client_id     bigint not null references client (id),
    guest_id      bigint not null references guest (id),
    guest_plan_id bigint not null references guest_plan (id),
    amount_minor  bigint not null,
    currency      varchar(3) not null,
    sandbox       boolean not null,
    order_id      varchar(64),
    capture_id    varchar(64),
    status        varchar(10) not null,
    purchase_id   bigint,
    created_at    timestamp with time zone not null,
    completed_at  timestamp with time zone,
    constraint pk_payment_paypal_order primary key (reference),
    constraint uq_payment_paypal_order_order unique (order_id),
    constraint ck_payment_paypal_order_status check (status in ('CREATED', 'CAPTURED', 'COMPLETED'))
);
create index ix_payment_paypal_order_client on payment_paypal_order (client_id, created_at);
