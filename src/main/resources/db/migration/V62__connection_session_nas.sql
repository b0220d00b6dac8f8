-- Owner: connection. The NAS side of a guest's RADIUS session, so the accounting listener stores
-- each packet once, here, instead of also in radius_accounting (which keeps only the sessions that
-- are not guest connections: residents at venue gateways, unknown NAS-Identifiers). Disconnect
-- needs the NAS, its address, Acct-Session-Id and User-Name; Accounting-On/Off closes a NAS's open
-- sessions; stale closing uses each session's own deadline (2 x its interim interval + margin).
-- closed_by: 'nas' (its Stop), 'acct-on', 'acct-off' or 'stale'; only a Stop is final, a session
-- closed any other way reopens when its NAS reports it again. Null on rows without RADIUS (demo
-- data, bulk loads).
alter table connection_session add column nas_client_id bigint;
alter table connection_session add column nas_address varchar(45);
alter table connection_session add column acct_session_id varchar(253);
alter table connection_session add column user_name varchar(253);
alter table connection_session add column framed_ip varchar(45);
alter table connection_session add column stale_after timestamp with time zone;
alter table connection_session add column closed_by varchar(16);
-- Open sessions (ended_at is null) for Disconnect, Accounting-On/Off and the stale sweep.
create index ix_connection_open on connection_session (ended_at);
