-- The overview's busiest hotspots count distinct devices over 30 days (a distinct count does not add
-- up over the daily rollup). With the MAC in the hotspot/start index that count is an index-only
-- range per hotspot instead of a heap read per session. The index replaces the narrower one of V90
-- under the same name, so the accounting path keeps the same number of indexes.
drop index ix_connection_hotspot_start;
create index ix_connection_hotspot_start on connection_session (hotspot_id, started_at, mac_address);
