-- Owner: subscription. When SubscriptionStarted and SubscriptionEnded were published for a
-- subscription (null: not yet). The transition task publishes each once, when its time has come;
-- adjusting a subscription's dates clears the mark of a transition that no longer happened.
alter table subscription add column started_published_at timestamp with time zone;
alter table subscription add column ended_published_at timestamp with time zone;
create index ix_subscription_unpublished_start on subscription (started_published_at, starts_at);
create index ix_subscription_unpublished_end on subscription (ended_published_at, ends_at);
