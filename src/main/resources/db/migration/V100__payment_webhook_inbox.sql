-- Owner: payment. Every provider webhook event Portico acted on, by the provider's event id. The
-- row is written in the same transaction that grants access, so a retry, a replay within the
-- signature tolerance, or a second Portico instance receiving the same event finds it and does
-- nothing: the primary key decides, not a read before the write.
create table payment_webhook_inbox (
    provider     varchar(16) not null,
    event_id     varchar(255) not null,
    operator_id  bigint not null references operator (id),
    event_type   varchar(100) not null,
    received_at  timestamp with time zone not null,
    constraint pk_payment_webhook_inbox primary key (provider, event_id)
);
create index ix_payment_webhook_inbox_operator on payment_webhook_inbox (operator_id, received_at);
