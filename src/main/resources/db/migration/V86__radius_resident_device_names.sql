-- Owner: radius. The names residents give their devices in the subscriber console ("My devices"),
-- per subscriber and device MAC.
create table radius_device_name (
    operator_id    bigint not null,
    subscriber_id  bigint not null,
    device_mac     varchar(17) not null,
    name           varchar(60) not null,
    updated_at     timestamp with time zone not null,
    constraint pk_radius_device_name primary key (operator_id, subscriber_id, device_mac)
);
