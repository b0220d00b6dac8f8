-- Owner: connection. The overview's closed days, rolled up by the connection-rollup task (never by
-- the accounting writer): per local day of a time zone, each hotspot's sessions and data, and the
-- distinct devices of the operator, of each client and of each venue (distinct counts do not add up
-- across hotspots, so each scope has its own). connection_day_rollup says which days are complete;
-- a day without a row there is read from connection_session. connection_rollup_mark is the highest
-- session id the task has looked at (late records for a closed day arrive with higher ids) and how
-- many rows the ids just below it held then (more later = a row committed late under the mark).
create table connection_day_hotspot (
    time_zone     varchar(64) not null,
    local_day     date        not null,
    hotspot_id    bigint      not null,
    operator_id   bigint      not null,
    sessions      bigint      not null,
    input_octets  bigint      not null,
    output_octets bigint      not null,
    primary key (time_zone, local_day, hotspot_id)
);
create table connection_day_devices (
    time_zone     varchar(64) not null,
    local_day     date        not null,
    operator_id bigint      not null,
    scope       char(1)     not null,
    scope_id    bigint      not null,
    devices     bigint      not null,
    primary key (time_zone, operator_id, scope, scope_id, local_day)
);
create table connection_day_rollup (
    time_zone     varchar(64)              not null,
    local_day     date                     not null,
    open_sessions bigint               not null,
    reopenable    bigint               not null,
    rolled_at timestamp with time zone not null,
    primary key (time_zone, local_day)
);
create table connection_rollup_mark (
    id              int    not null primary key,
    last_session_id bigint not null,
    margin_rows     bigint not null
);
