-- Owner: connection. The overview's recent UTC hours, rolled up by the connection-rollup task like the
-- days of V129, so today (and a day not rolled up yet) is read from at most 24 hourly rows per hotspot
-- plus the sessions of the hour(s) not rolled up yet. Distinct devices do not add up across hours or
-- days, so they are kept as mergeable UltraLogLog sketches (hash4j, docs/decisions.md), computed in
-- Java from the MAC addresses: per hotspot hour, per operator/client/venue hour ('o', 'c', 'v' as in
-- connection_day_devices) and per hotspot day (the busiest hotspots' devices over the 30 days).
-- connection_hour_rollup says which hours are complete and whether they must be rolled again.
create table connection_hour_hotspot (
    hour_start     timestamp with time zone not null,
    hotspot_id     bigint                   not null,
    operator_id    bigint                   not null,
    sessions       bigint                   not null,
    input_octets   bigint                   not null,
    output_octets  bigint                   not null,
    devices_sketch bytea                    not null,
    primary key (hour_start, hotspot_id)
);
create index ix_connection_hour_hotspot_operator on connection_hour_hotspot (operator_id, hour_start);
create table connection_hour_devices (
    hour_start     timestamp with time zone not null,
    operator_id    bigint                   not null,
    scope          char(1)                  not null,
    scope_id       bigint                   not null,
    devices_sketch bytea                    not null,
    primary key (operator_id, scope, scope_id, hour_start)
);
create table connection_hour_rollup (
    hour_start    timestamp with time zone not null primary key,
    open_sessions bigint                   not null,
    reopenable    bigint                   not null,
    rolled_at     timestamp with time zone not null
);
-- Rolled days get their hotspots' sketches when rolled again: forgetting them all makes the next run do it.
alter table connection_day_hotspot add column devices_sketch bytea;
delete from connection_day_rollup;
delete from connection_day_hotspot;
delete from connection_day_devices;
