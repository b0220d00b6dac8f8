-- Owner: radius. Raw accounting sessions as the NAS reports them, one row per unique session id
-- (MD5 of Acct-Session-Id, NAS and station ids, like FreeRADIUS's acctuniqueid). Written by the
-- accounting group commit with idempotent merges: counters keep the largest value seen.
-- This is the default AccountingSink; the guest module's connections report will be fed from it
-- (or replace it) once that module lands.
create table radius_accounting (
    unique_id          char(32) primary key,
    nas_client_id      bigint not null,
    nas_identifier     varchar(253) not null default '',
    nas_address        varchar(45) not null,
    session_id         varchar(253) not null,
    device_mac         char(17),
    user_name          varchar(253) not null default '',
    called_station_id  varchar(253) not null default '',
    framed_ip          varchar(45),
    started_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    stopped_at         timestamp with time zone,
    session_seconds    bigint not null default 0,
    uploaded_bytes     bigint not null default 0,
    downloaded_bytes   bigint not null default 0,
    terminate_cause    smallint,
    closed_by          varchar(16),
    stale_after        timestamp with time zone not null
);
create index ix_radius_accounting_nas_open on radius_accounting (nas_client_id, stopped_at);
create index ix_radius_accounting_stale on radius_accounting (stopped_at, stale_after);
create index ix_radius_accounting_device on radius_accounting (device_mac, stopped_at);
