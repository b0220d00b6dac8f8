-- Owner: subscription. A resident's "cancel at the end of the cycle" from the subscriber console:
-- the subscription's end was moved to cycle_end; previous_ends_at is what undo restores (null:
-- open-ended) while the cancellation has not taken effect.
create table subscription_cancellation (
    subscription_id   bigint primary key,
    operator_id       bigint not null,
    requested_at      timestamp with time zone not null,
    cycle_end         timestamp with time zone not null,
    previous_ends_at  timestamp with time zone
);
create index ix_subscription_cancellation_operator on subscription_cancellation (operator_id);
