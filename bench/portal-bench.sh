#!/usr/bin/env bash
# Benchmark: the captive portal under 200 concurrent guests, next to a static file of the same size
# served by the same server. Not a test. For each database (H2, then PostgreSQL) it starts the real
# jar as a user does (`bin/portico --demo`: the demo hotspots' portals are configured
# through the same services as the console's configurePortal), then measures with PortalLoad.java:
#   static  GET of a saved copy of a portal page (same bytes, same content type), served by the
#           same Tomcat through Spring's resource handler: the reference
#   page    a new phone's MikroTik hand-over POSTed to /portal/<NAS-Identifier> -> the sign-in page
#   signin  that page, then the click-through sign-in POST -> 302/303 to the gateway (guest,
#           purchase, one-time RADIUS credential written); latency of the POST, complete sign-ins/s
# The figures are the ratios page/static and signin/static (throughput and p99), and, with
# BENCH_HALF_PEAK=1, page and sign-in p99 at half their closed-loop peak (open loop; goal < 50 ms).
# The server is started with bin/portico (the README's way, with its start-up cache).
#
# Figures and what they mean: docs/benchmarks.md, "Captive portal, issue 13".
#
# Usage: bench/portal-bench.sh [h2|postgres|both]        (default both)
# Environment: BENCH_CONCURRENCY (200), BENCH_SECONDS (10), BENCH_WARMUP (5), BENCH_HALF_PEAK (0),
#   BENCH_PORT (18091), BENCH_XMX (512m), BENCH_TIMELINE (a directory: each half-peak run's requests, start and
#   latency in ms, one a line, to <db>-<mode>.txt), BENCH_JAR (target/portico.jar),
#   PGHOST (127.0.0.1), PGPORT (5432), PGDATABASE (test), PGUSER (postgres), BENCH_SCHEMA (portico_portal_bench)
set -euo pipefail

WHICH=${1:-both}
CONCURRENCY=${BENCH_CONCURRENCY:-200}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-5}
HALF_PEAK=${BENCH_HALF_PEAK:-0}
PORT=${BENCH_PORT:-18091}
XMX=${BENCH_XMX:-512m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}
SCHEMA=${BENCH_SCHEMA:-portico_portal_bench}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d)
BASE=http://127.0.0.1:$PORT

JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
if [[ -z "$JAVA_BIN" ]]; then
    for jdk in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_BIN=$jdk/bin/; break; fi
    done
fi
[[ -n "$JAVA_BIN" ]] && export JAVA_HOME=${JAVA_BIN%/bin/}
JAR=${BENCH_JAR:-$ROOT/target/portico.jar}
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)

APP_PID=
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT

# Starts the jar from a fresh directory (its ./data holds the H2 database and the generated
# secret key, as for a user); the static reference is served from $WORK/static by Spring's own
# resource handler, switched on for /bench-static/** only.
start_app() {
    local db=$1 dir=$WORK/$1
    mkdir -p "$dir" "$WORK/static"
    # every guest of the load comes from 127.0.0.1: the per-address form limit is lifted
    local env=(PORTICO_HTTP_PORT=$PORT PORTICO_RADIUS_AUTH_PORT=0 PORTICO_RADIUS_ACCT_PORT=0 PORTICO_PORTAL_FORMS_PER_MINUTE=100000000
        SPRING_WEB_RESOURCES_ADD_MAPPINGS=true SPRING_WEB_RESOURCES_STATIC_LOCATIONS=file:$WORK/static/
        SPRING_MVC_STATIC_PATH_PATTERN='/bench-static/**')
    if [[ "$db" == postgres ]]; then
        PGOPTIONS=--client-min-messages=warning psql -v ON_ERROR_STOP=1 -qAt -c "drop schema if exists $SCHEMA cascade; create schema $SCHEMA;"
        env+=(PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" PORTICO_DB_USER=$PGUSER
            SPRING_FLYWAY_SCHEMAS=$SCHEMA SPRING_FLYWAY_DEFAULT_SCHEMA=$SCHEMA)
    fi
    (cd "$dir" && exec env "${env[@]}" JAVA_OPTS="-Xmx$XMX" PORTICO_JAR="$JAR" "$ROOT/bin/portico" --demo > "$dir/app.log" 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 240); do
        curl -fs "$BASE/actuator/health/readiness" > /dev/null 2>&1 && return 0
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 1
    done
    tail -50 "$dir/app.log"
    echo "Portico did not become ready" >&2
    exit 1
}

load() { "${JAVA_BIN}java" "$HERE/PortalLoad.java" --base "$BASE" --nas "$NAS" --static /bench-static/page.html "$@"; }

run() {
    local db=$1
    echo "== $db: starting the jar with --demo"
    start_app "$db"
    NAS=$(curl -fs "$BASE/demo/hotspot" | tr -d '\n' | sed -E 's/CoovaChilli: hotspot.*//' \
        | sed -nE 's/.*MikroTik Hotspot: hotspot.*NAS-Identifier <code>([^<]+)<\/code>.*/\1/p')
    [[ -n "$NAS" ]] || { echo "no MikroTik demo portal on /demo/hotspot" >&2; exit 1; }
    # the reference: one portal page as served, byte for byte
    curl -fs -X POST "$BASE/portal/$NAS" -H 'Accept-Language: en-US' --data-urlencode 'mac=02:00:00:00:00:01' \
        --data-urlencode 'ip=10.5.50.2' --data-urlencode 'link-login-only=http://10.5.50.1/login' \
        --data-urlencode 'link-orig=http://example.com/' --data-urlencode 'chap-id=\371' \
        --data-urlencode 'chap-challenge=\357\015\330\013\021\234\145\245\303\253\142\246\133\175\375\316' \
        -o "$WORK/static/page.html"
    echo "portal page: $(wc -c < "$WORK/static/page.html") bytes; hotspot $NAS; $CONCURRENCY guests, ${SECONDS_PER_RUN} s per mode"
    load --modes static,page,signin --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" \
        | tee "$WORK/$db.md"
    awk -F'|' '$2 ~ /static|page|signin/ { gsub(/ /, "", $2); rps[$2] = $5; p99[$2] = $8 }
        END { for (m in rps) if (m != "static" && rps["static"] > 0 && p99["static"] > 0)
                printf "%s vs static: throughput %.2fx, p99 %.2fx\n", m, rps[m] / rps["static"], p99[m] / p99["static"] }' "$WORK/$db.md"
    if [[ "$HALF_PEAK" == 1 ]]; then
        for mode in page signin; do
            local peak
            peak=$(awk -F'|' -v m="$mode" '{ gsub(/ /, "", $2); gsub(/ /, "", $5) } $2 == m { print $5 }' "$WORK/$db.md")
            echo "-- $mode at half its peak ($peak/s / 2), open loop"
            load --modes "$mode" --rate "$(awk -v p="$peak" 'BEGIN { printf "%.0f", p / 2 }')" --seconds "$SECONDS_PER_RUN" \
                --warmup-seconds "$WARMUP" ${BENCH_TIMELINE:+--timeline "$BENCH_TIMELINE/$db-$mode.txt"} | tail -1
        done
    fi
    stop_app
}

case "$WHICH" in
    h2) run h2 ;;
    postgres) run postgres ;;
    both) run h2; run postgres ;;
    *) echo "usage: $0 [h2|postgres|both]" >&2; exit 2 ;;
esac
