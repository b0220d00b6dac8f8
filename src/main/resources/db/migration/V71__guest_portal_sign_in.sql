-- Owner: guest. What captive portal sign-ins leave besides the profile and purchase: the
-- marketing consent (time and text version) with the guest's unsubscribe token, and the one-time
-- RADIUS credentials the portal hands to gateways (password sealed with SecretBox, bound to the
-- device, short-lived, used once).
create table guest_marketing (
    guest_id              bigint primary key references guest (id) on delete cascade,
    unsubscribe_token     varchar(64) not null,
    consent_at            timestamp with time zone,
    consent_text_version  varchar(100),
    constraint uq_guest_marketing_token unique (unsubscribe_token)
);

create table guest_portal_credential (
    username         varchar(64) primary key,
    client_id        bigint not null references client (id),
    guest_id         bigint not null references guest (id) on delete cascade,
    mac_address      char(17) not null,
    password_sealed  varchar(200) not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone,
    created_at       timestamp with time zone not null
);
create index ix_portal_credential_expiry on guest_portal_credential (expires_at);
