-- Owner: webhook. Each webhook_delivery row is both the outbox entry (written in the transaction
-- of the change that caused it) and the log entry listWebhookLog reads; responses_json lists
-- every attempt's outcome. Rows from before the outbox were recorded after delivery: DELIVERED.
alter table webhook_delivery add column message_id varchar(64);
alter table webhook_delivery add column ordering_key varchar(120) not null default '';
alter table webhook_delivery add column status varchar(16) not null default 'DELIVERED';
alter table webhook_delivery add column attempts integer not null default 0;
alter table webhook_delivery add column next_attempt_at timestamp with time zone;
alter table webhook_delivery add column delivered_at timestamp with time zone;
create unique index uq_webhook_delivery_message on webhook_delivery (message_id);
create index ix_webhook_delivery_pending on webhook_delivery (status, ordering_key, id);

-- Whether deliveries may go to private, loopback or link-local addresses (refused by default).
alter table webhook_endpoint add column allow_private_targets boolean not null default false;
