-- Owner: guest. The dashboard's guest search (email and name prefixes within a client, newest
-- first by id) and the overview's new guests per day.
create index ix_guest_client_email on guest (client_id, email);
create index ix_guest_client_last_name on guest (client_id, last_name);
create index ix_guest_client_first_name on guest (client_id, first_name);
create index ix_guest_client_created on guest (client_id, created_at);
