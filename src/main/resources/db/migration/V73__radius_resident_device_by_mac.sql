-- Owner: radius. A device that asks by MAC alone (MAC authentication at an access point with
-- per-user keys) is looked up by operator and MAC: the subscription whose key let it in last.
create index ix_radius_resident_device_mac on radius_resident_device (operator_id, device_mac, authorised_at);
