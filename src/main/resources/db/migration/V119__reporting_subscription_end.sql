-- Owner: reporting (issue 16 §9). The subscription-end report: one row per operator says when the
-- report was last sent; a run claims an operator by moving last_sent_at forward with a
-- compare-and-set, so two Portico instances never send the same period twice.
create table reporting_subscription_end_run (
    operator_id  bigint primary key references operator (id),
    last_sent_at timestamp with time zone not null
);

-- Owner: subscription. Subscriptions ending in a window, per operator (the report and its page).
create index ix_subscription_operator_end on subscription (operator_id, ends_at);

-- Owner: identity. The dashboard language an administrator last chose (en-us, es-xl); staff
-- emails such as the report are written in it. Null: the operator's first supported locale.
alter table administrator add column locale varchar(10);

-- Owner: notification. One optional attachment per email (the report's CSV).
alter table email_outbox add column attachment_name varchar(200);
alter table email_outbox add column attachment_type varchar(100);
alter table email_outbox add column attachment_body text;
