-- Owner: gateway. A VLAN change a gateway refused or did not answer, waiting for its next attempt
-- (exponential backoff per gateway and VLAN). The row goes away when the change is confirmed.
create table gateway_command_retry (
    equipment_id     bigint not null,
    vlan             integer not null,
    enable           boolean not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(1000) not null,
    primary key (equipment_id, vlan)
);
