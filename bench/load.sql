-- Loads the benchmark data into :schema: one measured client with :client_rows connections over
-- the last 30 days, :others other clients sharing the rest of :total_rows, 20 hotspots and
-- 50,000 guests per client. Indexes of connection_session are dropped for the load and rebuilt.
set search_path to :schema;
set synchronous_commit to off;

insert into operator (operator_key, name, created_at) values ('BENCH', 'Benchmark Operator', now());
insert into client (operator_id, client_key, company, created_at)
select o.id, case when n = 0 then 'BENCH.MEASURED' else 'BENCH.OTHER' || n end, 'Bench ' || n, now()
  from operator o, generate_series(0, :others) n;
insert into api_token (client_id, label, prefix, token_hash, created_at, created_by)
select id, 'bench', left(:'token', 12), encode(sha256(convert_to(:'token', 'UTF8')), 'hex'), now(), 'bench'
  from client where client_key = 'BENCH.MEASURED';
insert into venue (operator_id, client_id, venue_key, name, address_line1, city, state, postal_code, country, time_zone, created_at)
select operator_id, id, client_key || '._V3VENUE.USA.MA.02110.SITE.BOSTON', 'Site', '1 Main St', 'Boston', 'MA', '02110', 'USA',
       'America/New_York', now()
  from client;
insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)
select v.operator_id, v.client_id, v.id, 'Hotspot ' || h, 'NAS-' || v.client_id || '-' || h, now()
  from venue v, generate_series(1, 20) h;
insert into guest (client_id, token, mac_address, email, first_name, last_name, user_agent, unsubscribed, created_at, updated_at)
select c.id, gen_random_uuid(),
       upper(regexp_replace(lpad(to_hex(c.id * 1000000 + g), 12, '0'), '(..)(?!$)', '\1-', 'g')),
       case when g % 3 = 0 then null else 'guest' || g || '@example.com' end,
       'First' || g, 'Last' || g,
       (array['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
              'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
              'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36'])[1 + g % 4],
       false, now(), now()
  from client c, generate_series(1, 50000) g;

alter table connection_session drop constraint uq_connection_session_key;
drop index ix_connection_client_start;
drop index ix_connection_guest;

-- Rows 0 .. client_rows-1 belong to the measured client; the rest round-robin to the others.
-- Guests of a client are numbered in id order, so guest = first id of the client + (i % 50000).
create temporary table bench_client as
select row_number() over (order by c.id) - 1 as n, c.id,
       (select min(id) from guest g where g.client_id = c.id) as first_guest,
       (select min(id) from hotspot h where h.client_id = c.id) as first_hotspot
  from client c;
analyze bench_client;
-- Foreign keys are known to hold here; skipping their per-row triggers halves the load time.
set session_replication_role = replica;
insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, user_agent, started_at,
                                 last_seen_at, ended_at, session_seconds, input_octets, output_octets, terminate_cause)
select md5(r.i::text) || md5((r.i + 7)::text), c.id, c.first_hotspot + (r.i % 20), c.first_guest + (r.i % 50000),
       upper(regexp_replace(lpad(to_hex(c.id * 1000000 + 1 + r.i % 50000), 12, '0'), '(..)(?!$)', '\1-', 'g')),
       null, r.start, r.start + make_interval(secs => r.secs), r.start + make_interval(secs => r.secs), r.secs,
       r.secs * 3000, r.secs * 30000, 1 + (r.i % 5)
  from (select i, case when i < :client_rows then 0 else 1 + (i % :others) end as n,
               now() - interval '1 hour' - (i % 2500000) * interval '1 second' as start,
               60 + (i % 3600) as secs
          from generate_series(0, :total_rows - 1) i) r
  join bench_client c on c.n = r.n;
set session_replication_role = origin;

alter table connection_session add constraint uq_connection_session_key unique (session_key);
create index ix_connection_client_start on connection_session (client_id, started_at);
create index ix_connection_guest on connection_session (guest_id, started_at);
analyze;
