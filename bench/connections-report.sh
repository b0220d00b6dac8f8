#!/usr/bin/env bash
# Benchmark: the guest API's connections report (30 days, one client) against the same SQL run
# directly in PostgreSQL. Not a test: it loads a throw-away schema, starts Portico on it, and prints
# time to first byte, total time and peak heap, then the raw SQL time.
#
# Usage: bench/connections-report.sh [CLIENT_ROWS] [TOTAL_ROWS]
#   CLIENT_ROWS  connection rows of the measured client (default 1000000)
#   TOTAL_ROWS   connection rows in the table, all clients (default 10000000)
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGDATABASE (test), PGUSER (postgres),
#   BENCH_SCHEMA (portico_bench), BENCH_PORT (18090), BENCH_XMX (256m), BENCH_RUNS (3),
#   BENCH_JAR (target/portico.jar), BENCH_REUSE (0; 1 keeps an already loaded schema with TOTAL_ROWS rows instead of reloading),
#   BENCH_HEAP_SAMPLER (stream: one `jstat -gc PID 100` process; spawn: a new jstat JVM every
#   100 ms, as before 2026-11-22 06:00, which costs the 2-core host most of a core while Portico runs
#   but not while psql runs).
set -euo pipefail

CLIENT_ROWS=${1:-1000000}
TOTAL_ROWS=${2:-10000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}
SCHEMA=${BENCH_SCHEMA:-portico_bench}
PORT=${BENCH_PORT:-18090}
XMX=${BENCH_XMX:-256m}
RUNS=${BENCH_RUNS:-3}
TOKEN=ptk_bench_0123456789abcdef0123456789
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d)
OTHER_CLIENTS=9

if (( TOTAL_ROWS < CLIENT_ROWS )); then
    echo "TOTAL_ROWS must be at least CLIENT_ROWS" >&2
    exit 2
fi

JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
if [[ -z "$JAVA_BIN" ]]; then
    for jdk in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_BIN=$jdk/bin/; break; fi
    done
fi
JAR=${BENCH_JAR:-$ROOT/target/portico.jar}
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)

psql_q() { psql -v ON_ERROR_STOP=1 -qAt "$@"; }
now() { date +%s.%N; }

REUSE=${BENCH_REUSE:-0}
SAMPLER_KIND=${BENCH_HEAP_SAMPLER:-stream}
echo "== schema $SCHEMA: client rows $CLIENT_ROWS, table rows $TOTAL_ROWS"
LOADED=0
if [[ "$REUSE" == 1 ]] && [[ "$(psql_q -c "select count(*) from $SCHEMA.connection_session" 2>/dev/null)" == "$TOTAL_ROWS" ]]; then
    LOADED=1
    echo "reusing the loaded schema"
else
    psql_q -c "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
fi

APP_PID=
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Portico creates the tables (Flyway) on the empty schema.
PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" PORTICO_DB_USER=$PGUSER \
PORTICO_HTTP_PORT=$PORT SPRING_FLYWAY_SCHEMAS=$SCHEMA SPRING_FLYWAY_DEFAULT_SCHEMA=$SCHEMA \
PORTICO_GUESTAPI_REQUESTS_PER_MINUTE=100000 \
    "${JAVA_BIN}java" -Xmx"$XMX" -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null || { cat "$WORK/app.log"; exit 1; }

if [[ "$LOADED" == 0 ]]; then
    echo "== loading (generate_series; indexes rebuilt after the load)"
    T0=$(now)
    psql_q -v schema="$SCHEMA" -v client_rows="$CLIENT_ROWS" -v total_rows="$TOTAL_ROWS" \
           -v others="$OTHER_CLIENTS" -v token="$TOKEN" -f "$HERE/load.sql"
    T1=$(now)
    printf 'loaded in %.0f s\n' "$(echo "$T1 - $T0" | bc)"
fi

CLIENT_ID=$(psql_q -c "select id from $SCHEMA.client where client_key = 'BENCH.MEASURED'")
TO=$(date -u +%FT%T)
FROM=$(date -u -d '30 days ago' +%FT%T)
URL="http://127.0.0.1:$PORT/v2/client/connections?api_token=$TOKEN&from=$FROM&to=$TO"

# The report's exact SQL (ConnectionRepository.REPORT + REPORT_ORDER), streamed out by psql.
SQL="select c.hotspot_id, h.name as hotspot_name, c.mac_address, c.started_at,
            coalesce(c.ended_at, c.last_seen_at) as ended_at,
            c.session_seconds, c.input_octets, c.output_octets, c.terminate_cause,
            coalesce(c.user_agent, g.user_agent) as user_agent, g.token, g.email, g.mobile_phone,
            g.first_name, g.last_name, g.display_name
       from $SCHEMA.connection_session c
       join $SCHEMA.hotspot h on h.id = c.hotspot_id
       left join $SCHEMA.guest g on g.id = c.guest_id
      where c.client_id = $CLIENT_ID and c.started_at >= '${FROM}Z' and c.started_at < '${TO}Z'
      order by c.hotspot_id, c.mac_address, c.started_at, c.id"

sample_heap() {  # prints the peak used heap (MB) of the app while the file $1 exists
    local peak=0
    if [[ "$SAMPLER_KIND" == stream ]]; then
        "${JAVA_BIN}jstat" -gc "$APP_PID" 100 > "$1.gc" 2>/dev/null &
        local jstat_pid=$!
        while [[ -e "$1" ]]; do sleep 0.1; done
        kill "$jstat_pid" 2>/dev/null || true
        wait "$jstat_pid" 2>/dev/null || true
        awk '$1 ~ /^[0-9.]+$/ {u = int(($3+$4+$6+$8)/1024); if (u > p) p = u} END {print p + 0}' "$1.gc"
        return
    fi
    while [[ -e "$1" ]]; do
        local used
        used=$("${JAVA_BIN}jstat" -gc "$APP_PID" 2>/dev/null | awk 'NR==2 {print int(($3+$4+$6+$8)/1024)}')
        [[ -n "$used" && "$used" -gt "$peak" ]] && peak=$used
        sleep 0.1
    done
    echo "$peak"
}

echo "== warm-up"
curl -s -o /dev/null "$URL"
psql_q -c "copy ($SQL) to stdout" > /dev/null

IDLE=$("${JAVA_BIN}jstat" -gc "$APP_PID" | awk 'NR==2 {print int(($3+$4+$6+$8)/1024)}')
echo "== runs ($RUNS each); heap sampler $SAMPLER_KIND; app heap used before: ${IDLE} MB of -Xmx$XMX"
printf '%-5s %10s %10s %10s %12s %10s\n' run ttfb_s total_s bytes peak_heap_MB sql_s
for run in $(seq 1 "$RUNS"); do
    touch "$WORK/sampling"
    sample_heap "$WORK/sampling" > "$WORK/peak" &
    SAMPLER=$!
    read -r TTFB TOTAL SIZE < <(curl -s -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' "$URL")
    rm -f "$WORK/sampling"
    wait "$SAMPLER"
    S0=$(now)
    psql_q -c "copy ($SQL) to stdout" > /dev/null
    S1=$(now)
    printf '%-5s %10.2f %10.2f %10s %12s %10.2f\n' "$run" "$TTFB" "$TOTAL" "$SIZE" "$(cat "$WORK/peak")" "$(echo "$S1 - $S0" | bc)"
done
ROWS=$(psql_q -c "select count(*) from $SCHEMA.connection_session where client_id = $CLIENT_ID and started_at >= '${FROM}Z'")
# Counted from a file: grep -o over the one-line array read from a pipe undercounted (540,000 to 667,000
# of 1,000,000 in the runs of 2026-11-22).
curl -s -o "$WORK/report.json" "$URL"
echo "rows of the client in range: $ROWS; report records: $(grep -o '"date"' "$WORK/report.json" | wc -l)"
