-- Owner: connection. The dashboard's reads: open sessions of a hotspot newest first (live
-- sessions, filtered and keyset-paged per hotspot of the operator), and each hotspot's sessions
-- by start time (the overview's per-hotspot figures for a window without scanning other hotspots).
create index ix_connection_hotspot_open on connection_session (hotspot_id, ended_at, started_at);
create index ix_connection_hotspot_start on connection_session (hotspot_id, started_at);
