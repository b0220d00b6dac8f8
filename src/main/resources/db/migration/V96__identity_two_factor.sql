-- Owner: identity. TOTP two-factor sign-in (RFC 6238): each administrator's secret, sealed with
-- the SecretBox (confirmed_at null while enrolment waits for a first code); the last time step a
-- code was accepted for, so a code works once; ten single-use recovery codes stored as keyed digests
-- (SecretBox.digest, HMAC-SHA-256); and the operator's choice to require two-factor sign-in of all its administrators.
create table administrator_totp (
    administrator_id bigint primary key references administrator (id) on delete cascade,
    secret_sealed    varchar(400) not null,
    confirmed_at     timestamp with time zone,
    last_step        bigint not null default 0,
    created_at       timestamp with time zone not null
);

create table administrator_recovery_code (
    administrator_id bigint not null references administrator (id) on delete cascade,
    code_hash        varchar(64) not null,
    used_at          timestamp with time zone,
    primary key (administrator_id, code_hash)
);

create table operator_sign_in_policy (
    operator_id  bigint primary key references operator (id),
    require_totp boolean not null,
    updated_at   timestamp with time zone not null
);
