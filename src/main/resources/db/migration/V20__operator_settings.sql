-- Owner: operator. The operator's configuration, one JSON document per section (branding,
-- network configuration, notifications, ...), and the section secrets sealed with AES-GCM
-- (SecretBox) in their own table so no settings document ever holds a secret.
create table operator_settings (
    operator_id  bigint not null references operator (id),
    section      varchar(60) not null,
    body_json    varchar(1000000) not null,
    updated_at   timestamp with time zone not null,
    primary key (operator_id, section)
);

create table operator_secret (
    operator_id  bigint not null references operator (id),
    name         varchar(60) not null,
    sealed       varchar(4000) not null,
    updated_at   timestamp with time zone not null,
    primary key (operator_id, name)
);
