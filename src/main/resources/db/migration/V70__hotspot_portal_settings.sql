-- Owner: hotspot. The captive portal of a hotspot: its gateway kind, the sign-in methods and the
-- free guest plan each grants, the form's fields, and the gateway secrets sealed with SecretBox.
create table hotspot_portal (
    hotspot_id               bigint primary key references hotspot (id),
    gateway_kind             varchar(20) not null,
    methods                  varchar(100) not null,
    click_through_plan_id    bigint,
    form_plan_id             bigint,
    required_fields          varchar(500) not null,
    optional_fields          varchar(500) not null,
    uam_secret_sealed        varchar(400),
    unifi_site               varchar(64),
    unifi_controller_url     varchar(500),
    unifi_username           varchar(200),
    unifi_password_sealed    varchar(600),
    unifi_api_key_sealed     varchar(600),
    unifi_integration_site   varchar(100),
    updated_at               timestamp with time zone not null
);
create index ix_hotspot_portal_site on hotspot_portal (unifi_site);
