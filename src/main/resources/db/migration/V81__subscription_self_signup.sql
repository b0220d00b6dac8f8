-- Owner: subscription. Self sign-up: a venue's sign-up link (an unguessable token the property
-- hands out, optionally with a sign-up code residents must also enter) and the enrolments made
-- through it, which the plans' and operator's free and trial limits count.
create table venue_signup_link (
    venue_id     bigint primary key references venue (id),
    operator_id  bigint not null references operator (id),
    token        varchar(64) not null,
    signup_code  varchar(64) not null default '',
    created_at   timestamp with time zone not null,
    constraint uq_venue_signup_link_token unique (token)
);

create table subscription_enrolment (
    subscription_id bigint primary key references subscription (id),
    operator_id     bigint not null references operator (id),
    subscriber_id   bigint not null references subscriber (id),
    venue_id        bigint not null references venue (id),
    plan_id         bigint not null references service_plan (id),
    kind            varchar(10) not null,
    trial_cycles    integer not null,
    created_at      timestamp with time zone not null,
    constraint ck_subscription_enrolment_kind check (kind in ('FREE', 'TRIAL'))
);
create index ix_subscription_enrolment_subscriber on subscription_enrolment (operator_id, subscriber_id);
