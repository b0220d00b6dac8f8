-- Owner: connection. Residents' open sessions at a venue gateway's NAS client newest first (the
-- dashboard's live sessions list them per NAS client of the operator, as guests' per hotspot).
create index ix_connection_nas_open on connection_session (nas_client_id, ended_at, started_at);
