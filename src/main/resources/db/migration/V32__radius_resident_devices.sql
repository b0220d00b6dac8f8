-- Owner: radius. Which resident device a venue gateway's NAS let in under which subscription, so
-- that when the subscription ends its devices' open sessions get Disconnect-Requests (accounting
-- from a gateway names the device, never the unit or subscription).
create table radius_resident_device (
    nas_client_id    bigint not null,
    device_mac       varchar(17) not null,
    operator_id      bigint not null,
    subscription_id  bigint not null,
    unit_id          bigint not null,
    authorised_at    timestamp with time zone not null,
    constraint pk_radius_resident_device primary key (nas_client_id, device_mac)
);
create index ix_radius_resident_device_subscription on radius_resident_device (operator_id, subscription_id);
