#!/usr/bin/env bash
# Benchmark: the dashboard's overview page and guest search with many guests and connections on
# PostgreSQL (issue 16: 1,000,000 guests, 10,000,000 connections), next to the pages' SQL run
# directly in psql. Not a test: it starts the real jar (`--demo`, so an operator, its clients,
# hotspots, NAS clients and administrators exist) on a throw-away database, fills it, signs in
# as the demo DomainAdministrator and times the pages.
#
# How the data is made (bulk SQL for the volume, the real RADIUS path for a sample):
#   hotspots     BENCH_HOTSPOTS more hotspots for the demo's first client (an operator with 10M connections
#                has many; the busiest-hotspots table counts its five hotspots' devices from the sessions);
#   guests       one INSERT ... SELECT generate_series into that client, created over the last 400 days;
#   connections  RADIUS_SAMPLE sessions through RADIUS accounting (radclient Start + Stop to the jar's
#                accounting port, NAS-Identifier of a demo hotspot, Message-Authenticator); the rest in one
#                INSERT ... SELECT generate_series writing the accounting writer's columns, spread over the
#                last 35 days and the client's hotspots, one guest per session. Then VACUUM ANALYZE, and the
#                bench waits until the connection-rollup task (every BENCH_ROLLUP_INTERVAL) has rolled up the
#                closed days, as it would within its interval on a running system.
# Usage: GUESTS=1000000 CONNECTIONS=10000000 bench/dashboard-bench.sh      (full scale; about 10-15 min to load)
#   quick check: GUESTS=100000 CONNECTIONS=1000000 bench/dashboard-bench.sh
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (portico_dashbench: dropped
#   and made again), BENCH_PORT (18095), BENCH_RADIUS_ACCT_PORT (21913), BENCH_XMX (1g), RUNS (200 requests
#   per page after WARMUP (30)), RADIUS_SAMPLE (1000), BENCH_HOTSPOTS (200), BENCH_ROLLUP_INTERVAL (30s),
#   BENCH_REUSE (0; 1 keeps a loaded database).
set -euo pipefail

GUESTS=${GUESTS:-1000000}
CONNECTIONS=${CONNECTIONS:-10000000}
RUNS=${RUNS:-200}
WARMUP=${WARMUP:-30}
RADIUS_SAMPLE=${RADIUS_SAMPLE:-1000}
EXTRA_HOTSPOTS=${BENCH_HOTSPOTS:-200}
ROLLUP_INTERVAL=${BENCH_ROLLUP_INTERVAL:-30s}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-portico_dashbench}
PORT=${BENCH_PORT:-18095}
ACCT_PORT=${BENCH_RADIUS_ACCT_PORT:-21913}
XMX=${BENCH_XMX:-1g}
REUSE=${BENCH_REUSE:-0}
SECRET=dashbench-radius-secret
ADMIN=domainadministrators@demo.portico.example
PASSWORD=portico-demo-password
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d /tmp/dashboard-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
[[ $GUESTS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[0-9]+$ && $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "GUESTS, CONNECTIONS, RUNS must be numbers"; exit 2; }
(( RADIUS_SAMPLE <= CONNECTIONS )) || RADIUS_SAMPLE=$CONNECTIONS

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$ROOT/target/portico.jar
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests)
command -v radclient > /dev/null || { echo "radclient is needed (apt-get install freeradius-utils)"; exit 2; }

psql_q() { psql -v ON_ERROR_STOP=1 -qAt -d "$DB" "$@"; }
APP_PID=
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true; cp "$WORK/app.log" /tmp/dashboard-bench-app.log 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

LOADED=0
if [[ "$REUSE" == 1 ]] && [[ "$(psql_q -c 'select count(*) from guest' 2>/dev/null || echo 0)" -ge "$GUESTS" ]]; then
    LOADED=1
    echo "== reusing database $DB and its guests"
else
    psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
fi

echo "== Portico jar --demo on $DB"
PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" PORTICO_DB_USER=$PGUSER PORTICO_DB_PASSWORD= \
PORTICO_HTTP_PORT=$PORT PORTICO_RADIUS_AUTH_PORT=$((ACCT_PORT - 1)) PORTICO_RADIUS_ACCT_PORT=$ACCT_PORT \
PORTICO_RADIUS_BIND_ADDRESS=127.0.0.1 PORTICO_DEMO_RADIUS_SECRET=$SECRET \
PORTICO_SECRETS_KEY=YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy0hISE= \
PORTICO_CONNECTION_ROLLUP_INTERVAL=$ROLLUP_INTERVAL \
    "$JAVA" -Xmx"$XMX" -jar "$JAR" --demo > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    grep -qE "Demo data (loaded|already loaded)" "$WORK/app.log" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; echo "Portico stopped"; exit 1; }
    sleep 1
done
grep -qE "Demo data (loaded|already loaded)" "$WORK/app.log" || { tail -50 "$WORK/app.log"; echo "no demo data after 600 s"; exit 1; }

echo "== sign in as $ADMIN"
JAR_COOKIES=$WORK/cookies
curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null "$BASE/dashboard/signin"
curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -H "Origin: $BASE" \
     --data-urlencode "email=$ADMIN" --data-urlencode "password=$PASSWORD" "$BASE/dashboard/signin"
get() { curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$@"; }
get -o /dev/null "$BASE/dashboard/overview" || { echo "sign-in failed"; exit 1; }

read -r OPERATOR CLIENT CLIENT_KEY <<< "$(psql_q -F ' ' -c "select c.operator_id, c.id, c.client_key from client c
    where exists (select 1 from hotspot h where h.client_id = c.id) order by c.id fetch first 1 rows only")"
# A hotspot whose NAS client has the demo's shared secret: each start of `--demo` gives the two hotspots its
# simulated gateways play (DemoHotspots) a new NAS client with a random secret, so radclient with
# PORTICO_DEMO_RADIUS_SECRET got no answer from them (dropped as bad_authenticator). They are registered just
# after "Demo data loaded" is logged, so the name alone could still pick one: hotspots with a MikroTik or
# CoovaChilli portal (the ones the simulators play) are left out too.
read -r NAS_ID <<< "$(psql_q -c "select min(h.nas_identifier) from hotspot h join radius_client r on r.hotspot_id = h.id
    where h.client_id = $CLIENT and r.name not like 'Demo simulated gateway %'
      and not exists (select 1 from hotspot_portal p where p.hotspot_id = h.id and p.gateway_kind in ('MIKROTIK', 'COOVACHILLI'))")"
echo "client $CLIENT_KEY (id $CLIENT), NAS-Identifier $NAS_ID"

if [[ "$LOADED" == 0 ]]; then
    echo "== $EXTRA_HOTSPOTS more hotspots and $GUESTS guests in SQL"
    T0=$(date +%s)
    psql_q <<SQL
insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)
select h.operator_id, h.client_id, h.venue_id, 'Bench ' || s, 'dashbench-' || s, now()
  from (select * from hotspot where client_id = $CLIENT order by id fetch first 1 rows only) h, generate_series(1, $EXTRA_HOTSPOTS) s;
insert into guest (client_id, token, mac_address, email, first_name, last_name, unsubscribed, created_at, updated_at)
select $CLIENT, gen_random_uuid(),
       upper(concat_ws('-', '02', lpad(to_hex((i >> 24) & 255), 2, '0'), lpad(to_hex((i >> 16) & 255), 2, '0'),
                       lpad(to_hex((i >> 8) & 255), 2, '0'), lpad(to_hex(i & 255), 2, '0'), '01')),
       'guest' || i || '@bench.example', (array['Ana','Ben','Carla','Dario','Elena','Felix','Gina','Hugo','Ines','Jon'])[i % 10 + 1],
       'Surname' || (i % 5000), i % 7 = 0, t.created, t.created
  from generate_series(1, $GUESTS) i
  cross join lateral (select now() - (i % 400) * interval '1 day' - (i % 86400) * interval '1 second' as created) t;
SQL
    echo "hotspots and guests written in $(( $(date +%s) - T0 )) s"
fi
read -r HOTSPOTS <<< "$(psql_q -c "select count(*) from hotspot where client_id = $CLIENT")"

if (( $(psql_q -c 'select count(*) from connection_session') < CONNECTIONS )); then
    echo "== $RADIUS_SAMPLE connections through RADIUS accounting (radclient, NAS-Identifier $NAS_ID)"
    T0=$(date +%s)
    for kind in Start Stop; do
        awk -v n="$RADIUS_SAMPLE" -v kind="$kind" -v nas="$NAS_ID" 'BEGIN {
            for (i = 1; i <= n; i++) {
                mac = sprintf("02-%02X-%02X-%02X-%02X-01", int(i / 16777216) % 256, int(i / 65536) % 256, int(i / 256) % 256, i % 256)
                printf "Acct-Status-Type = %s\nAcct-Session-Id = \"bench-%d\"\nNAS-Identifier = \"%s\"\nNAS-IP-Address = 127.0.0.1\n", kind, i, nas
                printf "Calling-Station-Id = \"%s\"\nCalled-Station-Id = \"AA-BB-CC-DD-EE-FF:bench\"\nUser-Name = \"%s\"\n", mac, mac
                if (kind == "Stop") printf "Acct-Session-Time = 600\nAcct-Input-Octets = 1000000\nAcct-Output-Octets = 5000000\n"
                printf "Message-Authenticator = 0x00\n\n"
            }
        }' > "$WORK/acct-$kind.txt"
        radclient -q -p 50 -r 3 -t 3 -f "$WORK/acct-$kind.txt" "127.0.0.1:$ACCT_PORT" acct "$SECRET" || true
    done
    SAMPLED=$(psql_q -c "select count(*) from connection_session where acct_session_id like 'bench-%' and ended_at is not null")
    echo "accounted through RADIUS: $SAMPLED of $RADIUS_SAMPLE sessions in $(( $(date +%s) - T0 )) s"
    if (( SAMPLED < RADIUS_SAMPLE )); then
        echo "not every sample session was recorded; the jar's RADIUS drops:"
        curl -fsS "$BASE/actuator/prometheus" | grep '^portico_radius_dropped_total' | grep -v ' 0.0$' || true
        (( SAMPLED > 0 )) || exit 1
    fi

    BULK=$(( CONNECTIONS - SAMPLED ))
    echo "== $BULK connections in SQL (the accounting writer's columns)"
    T0=$(date +%s)
    psql_q <<SQL
create temporary table bench_guest as
    select row_number() over (order by id) as n, id, mac_address from guest where client_id = $CLIENT;
create unique index on bench_guest (n);
create temporary table bench_hotspot as
    select row_number() over (order by id) as n, id, nas_identifier,
           (select min(id) from radius_client nc where nc.hotspot_id = h.id) as nas_client_id from hotspot h where client_id = $CLIENT;
analyze bench_guest;
analyze bench_hotspot;
insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, started_at, start_reported,
                                last_seen_at, ended_at, session_seconds, input_octets, output_octets, terminate_cause,
                                nas_client_id, nas_address, acct_session_id, user_name, framed_ip, stale_after, closed_by, nas_identifier)
select md5('dashbench-' || s.i) || md5(s.i || '-dashbench'), $CLIENT, h.id, g.id, g.mac_address, t.started,
       true, t.started + interval '10 minutes', t.started + interval '10 minutes', 600,
       (s.i % 5000) * 1000, (s.i % 5000) * 5000, 1, h.nas_client_id, '127.0.0.1', 'bulk-' || s.i, g.mac_address,
       '10.0.' || (s.i % 250) || '.' || (s.i % 200 + 2), null, 'nas', h.nas_identifier
  from generate_series(1, greatest($BULK, 0)) as s(i)
  join bench_guest g on g.n = (s.i::bigint * 7919) % $GUESTS + 1
  join bench_hotspot h on h.n = (s.i * 31) % $HOTSPOTS + 1
  cross join lateral (select now() - (s.i % (35 * 86400)) * interval '1 second' - interval '10 minutes' as started) t;
SQL
    echo "connections written in $(( $(date +%s) - T0 )) s"
    T0=$(date +%s)
    psql -q -d "$DB" -c "vacuum analyze"
    echo "vacuum analyze in $(( $(date +%s) - T0 )) s"
fi
psql_q -c "select 'guests', count(*) from guest union all select 'connections', count(*) from connection_session" | sed 's/|/: /'

# ---- the rollup: the page reads closed days from it once the connection-rollup task has made them ----
# The page's zone for the operator (or a client): the zone most of the operator's venues share (DashboardScopes).
ZONE=$(psql_q -c "select coalesce((select time_zone from venue where operator_id = $OPERATOR group by time_zone
    order by count(*) desc, time_zone fetch first 1 rows only), 'UTC')")
[[ "$ZONE" == UTC || "$ZONE" == Etc/UTC ]] && ZONE_KEY=Z || ZONE_KEY=$ZONE
echo "== waiting for the connection-rollup task (every $ROLLUP_INTERVAL) to roll up 29 closed days in $ZONE"
T0=$(date +%s)
for _ in $(seq 1 900); do
    # Done when a run has looked at every session (its mark) and the closed days are there.
    ROLLED=$(psql_q -c "select count(*) from connection_day_rollup where time_zone = '$ZONE_KEY'
        and local_day >= (now() at time zone '$ZONE')::date - 29
        and (select last_session_id from connection_rollup_mark) >= (select max(id) from connection_session)")
    (( ROLLED >= 29 )) && break
    sleep 2
done
(( ROLLED >= 29 )) || { echo "the rollup did not finish in 30 min ($ROLLED days)"; exit 1; }
echo "rolled up in $(( $(date +%s) - T0 )) s after the load"

# ---- the SQL each page runs, as the repositories write it (client scope, 30 local days of $ZONE) ----
BOUNDS=$(psql_q -c "select string_agg(quote_literal(d::date), ',' order by d) from generate_series(
    (now() at time zone '$ZONE')::date - 29, (now() at time zone '$ZONE')::date + 1, interval '1 day') d")
IFS=',' read -r -a DAY <<< "$BOUNDS"
at() { echo "$1::timestamp at time zone '$ZONE'"; }
bucket() { local s="case" i; for (( i = $2 + 1; i < ${#DAY[@]}; i++ )); do s+=" when $1 < $(at "${DAY[$i]}") then $((i - 1))"; done; echo "$s end"; }
FROM=$(at "${DAY[0]}")
TO=$(at "${DAY[${#DAY[@]}-1]}")
TODAY=$(at "${DAY[29]}")
OPS="g.client_id in (select id from client where operator_id = $OPERATOR) and g.client_id = $CLIENT"
SCOPE="h.operator_id = $OPERATOR and h.client_id = $CLIENT"
ROLLED_DAYS="r.time_zone = '$ZONE_KEY' and r.local_day >= ${DAY[0]} and r.local_day <= ${DAY[28]}"
TOP5=$(psql_q -c "select string_agg(id::text, ',') from (select h.id from hotspot h join connection_session c on c.hotspot_id = h.id
    where $SCOPE and c.started_at >= $FROM and c.started_at < $TO group by h.id order by count(*) desc, h.id fetch first 5 rows only) t")
# Today: the whole UTC hours the hourly rollup holds (the first run of them from today's first whole hour),
# the sessions of the rest (a leading part hour in zones at :30/:45, the hours not rolled up yet).
HFROM=$(psql_q -c "select quote_literal(date_trunc('hour', $TODAY) + case when date_trunc('hour', $TODAY) < $TODAY then interval '1 hour' else interval '0' end)")
HFROM="$HFROM::timestamptz"
HTO=$(psql_q -c "select quote_literal(coalesce(max(hour_start) + interval '1 hour', $HFROM)) from connection_hour_rollup where hour_start >= $HFROM and hour_start < $TO")
HTO="$HTO::timestamptz"
ROLLED_HOURS="r.hour_start >= $HFROM and r.hour_start < $HTO and r.operator_id = $OPERATOR and h.operator_id = r.operator_id and h.client_id = $CLIENT"
RAW="select c.hotspot_id, c.started_at, c.mac_address, c.input_octets, c.output_octets from hotspot h join connection_session c on c.hotspot_id = h.id where $SCOPE"
LEADING=$(psql_q -c "select $HFROM > $TODAY")
{
cat <<SQL
select local_day, open_sessions, reopenable, rolled_at from connection_day_rollup r where r.time_zone = '$ZONE_KEY' and r.local_day >= ${DAY[0]} and r.local_day <= ${DAY[29]} order by local_day;
select r.local_day, sum(r.sessions), sum(r.input_octets), sum(r.output_octets) from connection_day_hotspot r join hotspot h on h.id = r.hotspot_id
 where $ROLLED_DAYS and $SCOPE group by r.local_day;
select local_day, devices from connection_day_devices r where r.time_zone = '$ZONE_KEY' and operator_id = $OPERATOR and scope = 'c'
   and scope_id = $CLIENT and local_day >= ${DAY[0]} and local_day <= ${DAY[28]};
select r.hotspot_id, sum(r.sessions), sum(r.input_octets + r.output_octets) from connection_day_hotspot r join hotspot h on h.id = r.hotspot_id
 where $ROLLED_DAYS and $SCOPE group by r.hotspot_id;
select hour_start, open_sessions, reopenable from connection_hour_rollup where hour_start >= $HFROM and hour_start < $TO order by hour_start;
select coalesce(sum(r.sessions), 0), coalesce(sum(r.input_octets), 0), coalesce(sum(r.output_octets), 0)
  from connection_hour_hotspot r join hotspot h on h.id = r.hotspot_id where $ROLLED_HOURS;
select r.hotspot_id, sum(r.sessions), sum(r.input_octets + r.output_octets) from connection_hour_hotspot r join hotspot h on h.id = r.hotspot_id
 where $ROLLED_HOURS group by r.hotspot_id;
select devices_sketch from connection_hour_devices where operator_id = $OPERATOR and scope = 'c' and scope_id = $CLIENT
   and hour_start >= $HFROM and hour_start < $HTO;
SQL
[[ "$LEADING" == t ]] && echo "$RAW and c.started_at >= $TODAY and c.started_at < $HFROM;"
echo "$RAW and c.started_at >= $HTO and c.started_at < $TO;"
cat <<SQL
select hotspot_id, devices_sketch from connection_day_hotspot where time_zone = '$ZONE_KEY' and local_day >= ${DAY[0]} and local_day <= ${DAY[28]}
   and operator_id = $OPERATOR and devices_sketch is not null and hotspot_id in ($TOP5);
select hotspot_id, devices_sketch from connection_hour_hotspot where hour_start >= $HFROM and hour_start < $HTO and operator_id = $OPERATOR
   and hotspot_id in ($TOP5);
select id, name from hotspot where operator_id = $OPERATOR and id in ($TOP5);
select d.day_index, count(*) from (select $(bucket g.created_at 0) as day_index from guest g where $OPS and g.created_at >= $FROM and g.created_at < $TO) d group by d.day_index;
select d.day_index, count(*) from (select $(bucket g.starts_at 0) as day_index from guest_plan_purchase g where $OPS and g.starts_at >= $FROM and g.starts_at < $TO) d group by d.day_index;
select coalesce(sum(case when starts_at <= now() and (ends_at is null or ends_at > now()) then 1 else 0 end), 0),
       coalesce(sum(case when starts_at > now() and starts_at <= now() + interval '7 days' then 1 else 0 end), 0),
       coalesce(sum(case when ends_at > now() and ends_at <= now() + interval '7 days' then 1 else 0 end), 0)
  from subscription where operator_id = $OPERATOR and (ends_at is null or ends_at > now());
SQL
} > "$WORK/overview.sql"
OVERVIEW_QUERIES=$(grep -c ';$' "$WORK/overview.sql")
search_sql() {  # the guest search of GuestSearchRepository for an email prefix
    echo "select g.* from guest g where g.client_id in (select id from client where operator_id = $OPERATOR) and g.client_id = $CLIENT
      and (g.email like '$1%' or g.email like '$1%') order by g.id desc fetch first 26 rows only;"
}
echo "== plans: the overview's costliest statements and a guest search"
{ grep -F "c.mac_address, c.input_octets, c.output_octets from hotspot h" "$WORK/overview.sql"
  sed -n '/^select r.hotspot_id, .* from connection_hour_hotspot r/,/;/p' "$WORK/overview.sql"; search_sql "guest4242@"; } \
    | sed 's/^select/explain (analyze, costs off, timing off, summary on) select/' | psql -qAt -d "$DB" | grep -E "Index|Seq Scan|Execution" | sed 's/^/  /'

# ---- timing ----
TERMS=$WORK/terms
awk -v n=$(( RUNS + WARMUP )) -v g="$GUESTS" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "guest%d@\n", int(rand() * g) + 1 }' > "$TERMS"
page_times() {  # $1 name, $2 URL builder: prints milliseconds per request after the warm-up
    local i=0 term
    while read -r term; do
        local url
        url=$($2 "$term")
        local t
        t=$(get -o /dev/null -w '%{time_total}' "$url")
        (( i++ >= WARMUP )) && awk -v t="$t" 'BEGIN { printf "%.3f\n", t * 1000 }'
    done < "$TERMS"
}
overview_url() { echo "$BASE/dashboard/overview?client=$CLIENT"; }
search_url() { echo "$BASE/dashboard/guests?client=$CLIENT&q=$1"; }
sql_times() {  # $1 queries per iteration, $2 SQL generator: one psql session, \timing summed per iteration
    local per=$1 gen=$2
    { echo '\timing on'; while read -r term; do $gen "$term"; done < "$TERMS"; } \
        | psql -qAt -d "$DB" -o /dev/null 2>&1 | awk -v per="$per" -v skip="$WARMUP" '/^Time:/ { sum += $2; if (++n % per == 0) { if (++it > skip) printf "%.3f\n", sum; sum = 0 } }'
}
overview_sql() { cat "$WORK/overview.sql"; }
stats() { sort -n | awk '{ v[NR] = $1 } END { p50 = v[int(NR * 0.50 + 0.5)]; p99 = v[int(NR * 0.99 + 0.5)]; if (p99 == "") p99 = v[NR]; printf "%.1f %.1f\n", p50, p99 }'; }

echo "== timing: $WARMUP warm-up then $RUNS requests per page, one at a time"
read -r OV50 OV99 <<< "$(page_times overview overview_url | stats)"
read -r OS50 OS99 <<< "$(sql_times $OVERVIEW_QUERIES overview_sql | stats)"
read -r GS50 GS99 <<< "$(page_times search search_url | stats)"
read -r QS50 QS99 <<< "$(sql_times 1 search_sql | stats)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
echo "| page | guests | connections | page p50 ms | page p99 ms | SQL p50 ms | SQL p99 ms | ratio p50 | ratio p99 |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| overview (client, 30 days) | $GUESTS | $CONNECTIONS | $OV50 | $OV99 | $OS50 | $OS99 | $(ratio "$OV50" "$OS50") | $(ratio "$OV99" "$OS99") |"
echo "| guest search (email prefix) | $GUESTS | $CONNECTIONS | $GS50 | $GS99 | $QS50 | $QS99 | $(ratio "$GS50" "$QS50") | $(ratio "$GS99" "$QS99") |"
echo
echo "load: $(uptime)"
