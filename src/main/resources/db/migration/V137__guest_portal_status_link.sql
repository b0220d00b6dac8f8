-- Owner: guest. Short links to a signed-in device's portal status page. Gateways carry that page
-- after the login (MikroTik dst, CoovaChilli userurl), and CoovaChilli keeps at most 2047
-- characters of its /logon query (redir.c copies it into a 2048-byte buffer), so the link is a
-- random id (128 bits) standing for the portal's sealed state, which stays here, bound to the
-- hotspot, until the state itself expires.
create table guest_portal_status_link (
    id            varchar(32) primary key,
    client_id     bigint not null references client (id),
    hotspot_id    bigint not null,
    state_sealed  text not null,
    expires_at    timestamp with time zone not null,
    created_at    timestamp with time zone not null
);
create index ix_portal_status_link_expiry on guest_portal_status_link (expires_at);
