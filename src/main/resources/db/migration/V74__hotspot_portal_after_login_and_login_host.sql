-- Owner: hotspot. Where the gateway sends a guest after the portal logged the device in
-- (STATUS, ORIGINAL or a fixed http(s) URL), and a MikroTik router's login host, which a
-- hand-over's link-login-only must name (null: only private / link-local addresses are accepted).
alter table hotspot_portal add column after_login varchar(500) default 'STATUS' not null;
alter table hotspot_portal add column gateway_login_host varchar(260);
