#!/usr/bin/env bash
# Benchmark: the dashboard's overview page and guest search with many guests and connections on
# PostgreSQL (issue 16: 1,000,000 guests, 10,000,000 connections), next to the pages' SQL run
# directly in psql. Not a test: it starts the real jar (`--demo`, so an operator, its clients,
# hotspots, NAS clients and administrators exist) on a throw-away database, fills it, signs in
# as the demo DomainAdministrator and times the pages.
#
# How the data is made:
#   guests       through the dashboard's CSV import (POST /dashboard/guests/import, 50,000 a file,
#                the import's limit), into the demo's first client;
#   connections  RADIUS_SAMPLE sessions through RADIUS accounting (radclient Start + Stop to the
#                jar's accounting port, NAS-Identifier of a demo hotspot); the rest in one SQL
#                statement that writes the columns the accounting writer writes
#                (ConnectionRepository's insert: session key, client, hotspot, guest, MAC, times,
#                octets, NAS fields, closed_by), spread over the last 35 days, one guest per session.
# Usage: GUESTS=1000000 CONNECTIONS=10000000 bench/dashboard-bench.sh
#   quick check: GUESTS=100000 CONNECTIONS=1000000 bench/dashboard-bench.sh
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (portico_dashbench: dropped
#   and made again), BENCH_PORT (18095), BENCH_RADIUS_ACCT_PORT (21913), BENCH_XMX (1g), RUNS (200 requests
#   per page after WARMUP (30)), RADIUS_SAMPLE (1000), BENCH_REUSE (0; 1 keeps a loaded database).
set -euo pipefail

GUESTS=${GUESTS:-1000000}
CONNECTIONS=${CONNECTIONS:-10000000}
RUNS=${RUNS:-200}
WARMUP=${WARMUP:-30}
RADIUS_SAMPLE=${RADIUS_SAMPLE:-1000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-portico_dashbench}
PORT=${BENCH_PORT:-18095}
ACCT_PORT=${BENCH_RADIUS_ACCT_PORT:-21913}
XMX=${BENCH_XMX:-1g}
REUSE=${BENCH_REUSE:-0}
SECRET=dashbench-radius-secret
ADMIN=domainadministrators@demo.portico.example
PASSWORD=portico-demo-password
IMPORT_ROWS=50000
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
PORTICO_HTTP_MAX_BODY_BYTES=67108864 SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE=64MB SPRING_SERVLET_MULTIPART_MAX_REQUEST_SIZE=64MB \
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
read -r HOTSPOTS NAS_ID <<< "$(psql_q -F ' ' -c "select count(*), min(nas_identifier) from hotspot where client_id = $CLIENT")"
echo "client $CLIENT_KEY (id $CLIENT): $HOTSPOTS hotspots"

if [[ "$LOADED" == 0 ]]; then
    echo "== $GUESTS guests through the dashboard's CSV import ($IMPORT_ROWS a file)"
    T0=$(date +%s)
    for (( first = 1; first <= GUESTS; first += IMPORT_ROWS )); do
        last=$(( first + IMPORT_ROWS - 1 )); (( last > GUESTS )) && last=$GUESTS
        awk -v a="$first" -v b="$last" 'BEGIN {
            print "mac_address,email,first_name,last_name,display_name,profile_url,mobile_phone,birthdate,gender,country,region,city,address,postal_code,custom1,custom2,custom3,custom4,custom5,custom6,custom7,custom8,custom9,custom10,unsubscribed"
            split("Ana Ben Carla Dario Elena Felix Gina Hugo Ines Jon", names, " ")
            for (i = a; i <= b; i++) {
                printf "02:%02x:%02x:%02x:%02x:%02x,guest%d@bench.example,%s,Surname%d,,,,,,,,,,,,,,,,,,,,,%s\r\n",
                    int(i / 16777216) % 256, int(i / 65536) % 256, int(i / 256) % 256, i % 256, 1, i, names[i % 10 + 1], i % 5000,
                    (i % 7 == 0 ? "true" : "false")
            }
        }' > "$WORK/guests.csv"
        TOKEN=$(get "$BASE/dashboard/guests?client=$CLIENT" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
        curl -sS -b "$JAR_COOKIES" -o "$WORK/import.html" -w '%{redirect_url}\n' -H "Origin: $BASE" -F "client=$CLIENT" -F "_csrf=$TOKEN" \
            -F "file=@$WORK/guests.csv;type=text/csv" "$BASE/dashboard/guests/import" > "$WORK/import.where"
        grep -q "imported=" "$WORK/import.where" || { echo "import of guests $first-$last failed:"; sed 's/<[^>]*>//g' "$WORK/import.html" | grep -i line | head -5; exit 1; }
        printf '  %d-%d %s\n' "$first" "$last" "$(grep -o 'imported=[0-9,]*' "$WORK/import.where")"
    done
    echo "guests imported in $(( $(date +%s) - T0 )) s"
fi

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
                printf "\n"
            }
        }' > "$WORK/acct-$kind.txt"
        radclient -q -p 50 -r 1 -t 2 -f "$WORK/acct-$kind.txt" "127.0.0.1:$ACCT_PORT" acct "$SECRET" || true
    done
    SAMPLED=$(psql_q -c "select count(*) from connection_session where acct_session_id like 'bench-%' and ended_at is not null")
    echo "accounted through RADIUS: $SAMPLED sessions in $(( $(date +%s) - T0 )) s"

    BULK=$(( CONNECTIONS - SAMPLED ))
    echo "== $BULK connections in SQL (the accounting writer's columns)"
    T0=$(date +%s)
    psql_q <<SQL
create temporary table bench_guest as
    select row_number() over (order by id) as n, id, mac_address from guest where client_id = $CLIENT;
create temporary table bench_hotspot as
    select row_number() over (order by id) as n, id, nas_identifier,
           (select min(id) from radius_client nc where nc.hotspot_id = h.id) as nas_client_id from hotspot h where client_id = $CLIENT;
insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, started_at, start_reported,
                                last_seen_at, ended_at, session_seconds, input_octets, output_octets, terminate_cause,
                                nas_client_id, nas_address, acct_session_id, user_name, framed_ip, stale_after, closed_by, nas_identifier)
select encode(sha256(('dashbench-' || s.i)::bytea), 'hex'), $CLIENT, h.id, g.id, g.mac_address, t.started,
       true, t.started + interval '10 minutes', t.started + interval '10 minutes', 600,
       (s.i % 5000) * 1000, (s.i % 5000) * 5000, 1, h.nas_client_id, '127.0.0.1', 'bulk-' || s.i, g.mac_address,
       '10.0.' || (s.i % 250) || '.' || (s.i % 200 + 2), null, 'nas', h.nas_identifier
  from generate_series(1, greatest($BULK, 0)) as s(i)
  join bench_guest g on g.n = (s.i::bigint * 7919) % $GUESTS + 1
  join bench_hotspot h on h.n = s.i % $HOTSPOTS + 1
  cross join lateral (select now() - (s.i % (35 * 86400)) * interval '1 second' - interval '10 minutes' as started) t;
analyze;
SQL
    echo "connections written in $(( $(date +%s) - T0 )) s"
fi
psql_q -c "select 'guests', count(*) from guest union all select 'connections', count(*) from connection_session" | sed 's/|/: /'

# ---- the SQL each page runs, as the repositories write it (client scope, 30 local days of UTC) ----
BOUNDS=$(psql_q -c "select string_agg(quote_literal(d), ',' order by d) from generate_series(
    date_trunc('day', now() at time zone 'UTC') - interval '29 days', date_trunc('day', now() at time zone 'UTC') + interval '1 day',
    interval '1 day') d")
IFS=',' read -r -a DAY <<< "$BOUNDS"
bucket() { local s="case" i; for (( i = 1; i < ${#DAY[@]}; i++ )); do s+=" when $1 < ${DAY[$i]}::timestamp at time zone 'UTC' then $((i - 1))"; done; echo "$s end"; }
FROM="${DAY[0]}::timestamp at time zone 'UTC'"
TO="${DAY[${#DAY[@]}-1]}::timestamp at time zone 'UTC'"
OPS="g.client_id in (select id from client where operator_id = $OPERATOR) and g.client_id = $CLIENT"
cat > "$WORK/overview.sql" <<SQL
select d.day_index, count(*), count(distinct d.mac_address), coalesce(sum(d.input_octets), 0), coalesce(sum(d.output_octets), 0)
  from (select $(bucket c.started_at) as day_index, c.mac_address, c.input_octets, c.output_octets
          from hotspot h join connection_session c on c.hotspot_id = h.id
         where h.operator_id = $OPERATOR and h.client_id = $CLIENT and c.started_at >= $FROM and c.started_at < $TO) d group by d.day_index;
select h.id, h.name, count(*), count(distinct c.mac_address), coalesce(sum(c.input_octets + c.output_octets), 0)
  from hotspot h join connection_session c on c.hotspot_id = h.id
 where h.operator_id = $OPERATOR and h.client_id = $CLIENT and c.started_at >= $FROM and c.started_at < $TO
 group by h.id, h.name order by count(*) desc, h.id fetch first 5 rows only;
select d.day_index, count(*) from (select $(bucket g.created_at) as day_index from guest g where $OPS and g.created_at >= $FROM and g.created_at < $TO) d group by d.day_index;
select d.day_index, count(*) from (select $(bucket g.starts_at) as day_index from guest_plan_purchase g where $OPS and g.starts_at >= $FROM and g.starts_at < $TO) d group by d.day_index;
select coalesce(sum(case when starts_at <= now() and (ends_at is null or ends_at > now()) then 1 else 0 end), 0),
       coalesce(sum(case when starts_at > now() and starts_at <= now() + interval '7 days' then 1 else 0 end), 0),
       coalesce(sum(case when ends_at > now() and ends_at <= now() + interval '7 days' then 1 else 0 end), 0)
  from subscription where operator_id = $OPERATOR and (ends_at is null or ends_at > now());
SQL
OVERVIEW_QUERIES=5
search_sql() {  # the guest search of GuestSearchRepository for an email prefix
    echo "select g.* from guest g where g.client_id in (select id from client where operator_id = $OPERATOR) and g.client_id = $CLIENT
      and (g.email like '$1%' or g.email like '$1%') order by g.id desc fetch first 26 rows only;"
}

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
