-- Owner: platform. Spring Modulith's event publication registry (schema v2), written once for
-- both H2 and PostgreSQL: events consumed after commit are recorded here until their listener
-- completes, and resubmitted at start-up when a listener did not finish (nothing is lost).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(1000000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);
create index ix_event_publication_listener on event_publication (listener_id);
