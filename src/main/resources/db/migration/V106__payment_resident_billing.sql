-- Owner: payment. One row per Stripe subscription that pays for a resident's subscription: how far
-- it is paid (the latest period end of any paid invoice), whether a renewal failed or the resident
-- cancelled at the period end, and (once checkout.session.completed has come) which Portico
-- subscription it pays for. Events of one Stripe subscription may arrive in any order: each only
-- moves paid_through forward, and whichever comes first creates the row.
create table payment_resident_billing (
    stripe_subscription_id varchar(255) not null,
    operator_id            bigint not null references operator (id),
    signup_reference       varchar(40),
    subscription_id        bigint references subscription (id),
    paid_through           timestamp with time zone,
    failed_at              timestamp with time zone,
    cancel_at_period_end   boolean not null default false,
    updated_at             timestamp with time zone not null,
    constraint pk_payment_resident_billing primary key (stripe_subscription_id)
);
create index ix_payment_resident_billing_subscription on payment_resident_billing (operator_id, subscription_id);
