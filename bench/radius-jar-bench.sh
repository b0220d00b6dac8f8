#!/usr/bin/env bash
# RADIUS on the server users run: target/portico.jar started as a user starts it (bin/portico, or
# java -jar with PORTICO_LAUNCH=jar) on PostgreSQL with --demo, against FreeRADIUS 3.2 + rlm_sql on
# the same PostgreSQL serving the same devices, driven by the same load generator
# (bench/RadiusLoad.java) at each CONCURRENCY, and the ratios of that one run written into
# docs/benchmarks.md (section "## RADIUS on the real jar").
#
#   bench/radius-jar-bench.sh      # SECONDS_PER_RUN=20 WARMUP_SECONDS=10 CONCURRENCY=16,64
#
# Data, all made by the real paths: the demo data set (--demo: clients, hotspots, guests with plans
# bought or redeemed, residents of the demo venues, the demo RADIUS clients on 127.0.0.1 with
# PORTICO_DEMO_RADIUS_SECRET), analysed by the loader as it does for any user. The devices are the
# demo guests of one demo hotspot's client that have an active plan (read from the database after
# the demo load); FreeRADIUS gets exactly these MACs in radusergroup (group "guests": accept, with
# the plan's reply attributes).
# Three kinds, each reported separately:
#   auth             Access-Requests (MAC authentication) from those devices: Access-Accept expected;
#   acct             accounting sessions (Start, Interim-Update, Stop) of those known devices at that hotspot;
#   acct-first-seen  accounting sessions of devices never seen before (each session a new MAC from a
#                    fresh range: Portico makes each a guest of the client in the accounting path), one
#                    RadiusLoad process per concurrency so no device repeats (FreeRADIUS does the same
#                    insert whatever the device).
# Per server (FreeRADIUS first, then Portico): auth and acct each warm up WARMUP_SECONDS at
# concurrency 8 (discarded), then run SECONDS_PER_RUN at each CONCURRENCY (closed loop: each worker
# one request in flight); acct-first-seen warms up WARMUP_SECONDS on its own fresh range, then runs.
# Then auth and acct (known devices) once more, open loop at half of that server's own best rate of the
# kind (p99 at half the peak). A PostgreSQL CHECKPOINT is forced before each server's runs and again before
# its half-peak runs, then SETTLE_SECONDS (10) to let the disk settle: without it the pages the sweeps
# dirtied were written back during Portico's (the second server's) half-peak runs, and every accounting
# answer waited on WAL flushes stalled behind that write-back. bench/FsyncProbe.java times a small write +
# fdatasync every 20 ms on the database's filesystem (PROBE_DIR) during each half-peak run. Each half-peak run also
# keeps its timeline ($WORK/<server>-half-<kind>.timeline.csv: every request's send time and latency) and where its
# answers over 20 ms cluster ($WORK/<server>-half-<kind>.clusters, UTC), and Portico logs its GC to
# /tmp/radius-jar-bench-portico-gc.log (UTC), so a slow cluster can be set beside a GC cycle. Afterwards every acknowledged accounting Start must be exactly one row
# (radacct / connection_session) and every first-seen session must be linked to a guest of its own.
# The kernel's DAMON monitor (/sys/kernel/mm/damon/admin), when a kdamond is on, is written into the results
# with its operations, sampling interval and scheme actions: on these machines one runs with paddr operations,
# a 0.5 s sampling interval and a pageout scheme, and every process's PostgreSQL queries stall by 15-60 ms
# every ~0.55 s while it runs (measured, docs/benchmarks.md). DAMON_OFF=1 turns every kdamond off for the run
# and back on when the script exits (root); by default the machine is measured as it is.
#
# Needs: root (apt-get for freeradius, freeradius-postgresql when missing), PostgreSQL at PGHOST/PGPORT
# (default 127.0.0.1:5432, user postgres, trust auth), JAVA_HOME or a JDK 21+ under /usr/lib/jvm.
# Builds only the jar, and only when target/portico.jar is missing (./mvnw package -DskipTests).
# Databases: portico_bench and radius_bench, both recreated. Ports: Portico 21812/21813 (HTTP 18080),
# FreeRADIUS 31812/31813. Environment: SECONDS_PER_RUN, WARMUP_SECONDS, CONCURRENCY, IDLE_PROBE_SECONDS (30: the idle disk's probe), PORTICO_LAUNCH
# (bin = bin/portico with its AOT cache, default; jar = java -jar), PORTICO_JAVA_OPTS (default
# -Xmx1g -XX:+UseZGC), SETTLE_SECONDS (10), PROBE_DIR, BENCH_NOTE (a sentence printed under the section's title), BENCH_WRITE_DOCS
# (1, default: replace the section in docs/benchmarks.md; 0: print only).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/freeradius-lib.sh
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
CONCURRENCY=${CONCURRENCY:-16,64}
PORTICO_LAUNCH=${PORTICO_LAUNCH:-bin}
PORTICO_JAVA_OPTS=${PORTICO_JAVA_OPTS:--Xmx1g -XX:+UseZGC}
HALF_RUNS=${HALF_RUNS:-3}
BENCH_WRITE_DOCS=${BENCH_WRITE_DOCS:-1}
SETTLE_SECONDS=${SETTLE_SECONDS:-10}
IDLE_PROBE_SECONDS=${IDLE_PROBE_SECONDS:-30}
DAMON_OFF=${DAMON_OFF:-0}
[[ $CONCURRENCY =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "CONCURRENCY must be numbers separated by commas: $CONCURRENCY"; exit 2; }
[[ $SECONDS_PER_RUN =~ ^[1-9][0-9]*$ && $WARMUP_SECONDS =~ ^[0-9]+$ ]] || { echo "SECONDS_PER_RUN / WARMUP_SECONDS must be numbers"; exit 2; }
WORK=$(mktemp -d /tmp/radius-jar-bench.XXXXXX)
[ "$JAVA" = java ] || export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$JAVA")")} # bin/portico runs JAVA_HOME's java
fr_install
# The kernel's DAMON monitors as they are (see the header); DAMON_OFF=1 turns those that are on off until exit.
DAMON_ADMIN=/sys/kernel/mm/damon/admin/kdamonds
DAMON_TURNED_OFF=()
damon_state() {
  local k c out=""
  for k in "$DAMON_ADMIN"/[0-9]*; do
    [ -e "$k/state" ] || continue
    c=$k/contexts/0
    out+="kdamond ${k##*/} $(cat "$k/state")"
    [ -e "$c/operations" ] && out+=" ($(cat "$c/operations") operations, sampling every $(( $(cat "$c/monitoring_attrs/intervals/sample_us") / 1000 )) ms, schemes: $(cat "$c"/schemes/[0-9]*/action 2>/dev/null | paste -sd, -))"
    out+="; "
  done
  echo "${out:-no DAMON monitor; }"
}
damon_restore() { # a kdamond still stopping refuses "on" (EBUSY) for a moment: try again
  local k i
  for k in "${DAMON_TURNED_OFF[@]}"; do
    for i in $(seq 1 20); do
      [ "$(cat "$k/state")" = on ] && break
      echo on 2>/dev/null > "$k/state" || sleep 0.5
    done
    [ "$(cat "$k/state")" = on ] || echo "could not turn $k back on"
  done
}
trap 'damon_restore; cleanup' EXIT
DAMON_BEFORE=$(damon_state)
if [ "$DAMON_OFF" = 1 ]; then
  for k in "$DAMON_ADMIN"/[0-9]*; do
    [ "$(cat "$k/state" 2>/dev/null)" = on ] && echo off > "$k/state" && DAMON_TURNED_OFF+=("$k")
  done
fi
DAMON_DURING=$(damon_state)
echo "DAMON before: $DAMON_BEFORE during: $DAMON_DURING"
LOAD_START=$(uptime)
BEGIN=$(date +%s)

echo "== jar"
[ -f target/portico.jar ] || ./mvnw -B -ntp -q package -DskipTests

echo "== databases"
psql -q -d postgres -c "drop database if exists portico_bench" -c "create database portico_bench"
fr_database radius_bench

echo "== Portico (${PORTICO_LAUNCH}) --demo on PostgreSQL"
export PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/portico_bench" PORTICO_DB_USER=$PGUSER PORTICO_DB_PASSWORD= \
  PORTICO_RADIUS_AUTH_PORT=21812 PORTICO_RADIUS_ACCT_PORT=21813 PORTICO_RADIUS_BIND_ADDRESS=127.0.0.1 PORTICO_HTTP_PORT=18080 \
  PORTICO_SECRETS_KEY=YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy0hISE= PORTICO_DEMO_RADIUS_SECRET=$SECRET
STARTED=$(date +%s%N)
# A fixed path: bin/portico stamps its start-up cache with JAVA_OPTS, so a path under $WORK would rebuild it every run.
GC_LOG="-Xlog:gc:file=/tmp/radius-jar-bench-portico-gc.log:utctime"
if [ "$PORTICO_LAUNCH" = jar ]; then
  read -r -a PORTICO_OPTS <<< "$PORTICO_JAVA_OPTS $GC_LOG"
  "$JAVA" "${PORTICO_OPTS[@]}" -jar target/portico.jar --demo > "$WORK/portico.log" 2>&1 &
else
  JAVA_OPTS="$PORTICO_JAVA_OPTS $GC_LOG" bin/portico --demo > "$WORK/portico.log" 2>&1 &
fi
PIDS+=($!)
PORTICO_PID=$!
for i in $(seq 1 600); do
  grep -qE "Demo data (loaded|already loaded)" "$WORK/portico.log" && break
  kill -0 "$PORTICO_PID" 2>/dev/null || { tail -50 "$WORK/portico.log"; echo "Portico stopped"; exit 1; }
  sleep 1
done
grep -qE "Demo data (loaded|already loaded)" "$WORK/portico.log" || { tail -50 "$WORK/portico.log"; echo "no demo data after 600 s"; exit 1; }
for i in $(seq 1 120); do curl -fsS http://127.0.0.1:18080/actuator/health > /dev/null 2>&1 && break; sleep 1; done
curl -fsS http://127.0.0.1:18080/actuator/health > /dev/null || { echo "Portico is not healthy"; exit 1; }
READY_SECONDS=$(( ($(date +%s%N) - STARTED) / 1000000000 ))
echo "Portico up with its demo data after ${READY_SECONDS} s"

# One demo hotspot served by 127.0.0.1 with a RADIUS client, the one whose client has the most guests with an active plan.
NAS= CLIENT=
read -r NAS CLIENT < <(psql -tA -F ' ' -d portico_bench -c "
  select h.nas_identifier, h.client_id
    from hotspot h join radius_client r on r.hotspot_id = h.id and r.nas_identifier = h.nas_identifier
    join guest g on g.client_id = h.client_id
    join guest_plan_purchase p on p.guest_id = g.id and p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()
   group by h.id, h.nas_identifier, h.client_id order by count(distinct g.id) desc, h.id fetch first 1 rows only") || true
[ -n "${NAS:-}" ] || { echo "no demo hotspot with guests that have an active plan"; exit 1; }
psql -tA -d portico_bench -c "
  select distinct g.mac_address from guest g
    join guest_plan_purchase p on p.guest_id = g.id and p.revoked_at is null and p.starts_at <= now() and p.expires_at > now()
   where g.client_id = $CLIENT order by 1" > "$WORK/known.macs"
DEVICES=$(wc -l < "$WORK/known.macs")
echo "hotspot $NAS (client $CLIENT): $DEVICES demo guests with an active plan"
psql -q -d radius_bench -c "create temp table m (mac varchar(64))" -c "\\copy m from '$WORK/known.macs'" \
  -c "insert into radusergroup (username, groupname, priority) select mac, 'guests', 1 from m" -c "analyze radusergroup"
fr_start "$WORK" radius_bench "$SECRET" 31812 31813

if "$(dirname "$JAVA")/javac" -d "$WORK/load" bench/RadiusLoad.java bench/FsyncProbe.java 2>/dev/null; then
  LOAD=("$JAVA" -cp "$WORK/load" RadiusLoad); FSYNC_PROBE=("$JAVA" -cp "$WORK/load" FsyncProbe)
else LOAD=("$JAVA" bench/RadiusLoad.java); FSYNC_PROBE=("$JAVA" bench/FsyncProbe.java); fi
PROBE_DIR=${PROBE_DIR:-$(dirname "$(psql -tA -d postgres -c "show data_directory" 2>/dev/null || echo "$WORK/x")")}
[ -d "$PROBE_DIR" ] && [ -w "$PROBE_DIR" ] || PROBE_DIR=$WORK
# A clean start for each server's runs and for its half-peak runs (see the header).
checkpoint() {
  psql -q -d postgres -c checkpoint
  sleep "$SETTLE_SECONDS"
}
load() { # label authport acctport run-id sessionsfile args...
  local label=$1 auth=$2 acct=$3 runid=$4 sessions=$5; shift 5
  "${LOAD[@]}" --label "$label" --auth-port "$auth" --acct-port "$acct" --secret "$SECRET" --nas-id "$NAS" \
    --run-id "$runid" --sessions-file "$sessions" "$@"
}
# First-seen devices: range k of 2^24 MACs (02-00-0k-..), one range per run (the caller numbers them: a
# function in a pipeline runs in a subshell), never the demo's (random, other prefixes).
fresh() { # label authport acctport concurrency seconds tag range
  load "$1" "$2" "$3" "$1-fs$6" "$WORK/$1-fs-$6.sessions" --mode acct --device-base "$(($7 * 16777216))" --devices 16000000 \
    --concurrency "$4" --seconds "$5"
}
half() { # file kind: half of the best requests/s of that kind
  awk -F'|' -v kind="$2" '{k=$3; gsub(/ /, "", k)} k == kind && $5 + 0 > p {p = $5 + 0} END {printf "%d\n", p / 2}' "$1"
}
bench() { # label authport acctport first-range
  local l=$1 c range=$4 rate probe
  checkpoint
  LOADAVG[$l]=$(cat /proc/loadavg)
  for mode in auth acct; do
    echo "== $l $mode: warm-up ${WARMUP_SECONDS}s at concurrency 8 (discarded), then $CONCURRENCY"
    load "$l" "$2" "$3" "$l-$mode" "$WORK/$l-$mode.sessions" --mode "$mode" --macs-file "$WORK/known.macs" \
      --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP_SECONDS" --warmup-concurrency 8 \
      | tail -n +3 >> "$WORK/$l.md"
  done
  echo "== $l acct-first-seen: warm-up ${WARMUP_SECONDS}s at concurrency 8 (discarded), then $CONCURRENCY"
  [ "$WARMUP_SECONDS" -gt 0 ] && fresh "$l" "$2" "$3" 8 "$WARMUP_SECONDS" warm "$range" > /dev/null
  for c in ${CONCURRENCY//,/ }; do
    range=$((range + 1))
    fresh "$l" "$2" "$3" "$c" "$SECONDS_PER_RUN" "c$c" "$range" | tail -1 | sed 's/| acct |/| acct-first-seen |/' >> "$WORK/$l.md"
  done
  cat "$WORK/$l.md"
  # p99 at half of this server's own peak: open loop (sent on schedule whatever the answers) over 64 sockets
  : > "$WORK/$l-half.md"
  checkpoint
  for mode in auth acct; do
    rate=$(half "$WORK/$l.md" "$mode")
    [ "$rate" -ge 1 ] || continue
    : > "$WORK/$l-half-$mode.runs"
    for r in $(seq 1 "$HALF_RUNS"); do
      echo "== $l $mode at $rate requests/s (half its peak), open loop, run $r of $HALF_RUNS"
      "${FSYNC_PROBE[@]}" "$PROBE_DIR/radius-jar-bench-fsync-probe.dat" $((3 + SECONDS_PER_RUN + 1)) > "$WORK/$l-$mode-r$r.disk" 2>&1 &
      probe=$!
      load "$l" "$2" "$3" "$l-half-$mode-r$r" "$WORK/$l-half-$mode-r$r.sessions" --mode "$mode" --macs-file "$WORK/known.macs" \
        --rate "$rate" --rate-kind half-peak --concurrency 64 --seconds "$SECONDS_PER_RUN" --warmup-seconds 3 \
        --timeline "$WORK/$l-half-$mode-r$r.timeline.csv" 2> "$WORK/$l-half-$mode-r$r.clusters" | tail -1 >> "$WORK/$l-half-$mode.runs"
      grep -m1 "answers over" "$WORK/$l-half-$mode-r$r.clusters" || true
      wait "$probe" || true
      echo "- $l $mode@half-peak, run $r: $(cat "$WORK/$l-$mode-r$r.disk")" >> "$WORK/disk.md"
    done
    # The row of the run with the median p99 (column 8); every run's p99 is listed under the table.
    sort -t'|' -k8,8g "$WORK/$l-half-$mode.runs" | sed -n "$(( (HALF_RUNS + 1) / 2 ))p" >> "$WORK/$l-half.md"
    echo "- $l $mode@half-peak p99 of each run: $(awk -F'|' '{gsub(/ /, "", $8); printf "%s%s ms", (NR > 1 ? ", " : ""), $8}' "$WORK/$l-half-$mode.runs")" >> "$WORK/half-runs.md"
  done
  cat "$WORK/$l-half.md"
}
declare -A LOADAVG
# The disk with nothing to do (both servers up and idle, after a CHECKPOINT): every accounting answer waits for a
# WAL flush on it, so its own flush stalls bound the p99 of both servers, whatever their load.
echo "== disk, idle: ${IDLE_PROBE_SECONDS}s"
checkpoint
echo "- idle, both servers up with no load, before the runs: $("${FSYNC_PROBE[@]}" "$PROBE_DIR/radius-jar-bench-fsync-probe.dat" "$IDLE_PROBE_SECONDS" 2>&1)" >> "$WORK/disk.md"
echo "== load"
bench freeradius 31812 31813 1
bench portico 21812 21813 10

FR_CHECK=$(check radius_bench radacct acctsessionid freeradius "$WORK"/freeradius-*.sessions)
PT_CHECK=$(check portico_bench connection_session acct_session_id portico "$WORK"/portico-*.sessions)
FIRST_SEEN=$(psql -tA -d portico_bench -c "select count(*) || ' first-seen sessions, ' || count(guest_id) || ' of them linked to a guest, '
    || count(distinct guest_id) || ' guests' from connection_session where acct_session_id like 'portico-fs%'")
LOAD_END=$(uptime)
MINUTES=$(( ($(date +%s) - BEGIN + 59) / 60 ))

ratios=$(awk -F'|' 'function t(s) {gsub(/^ +| +$/, "", s); return s}
  NR == FNR {fr[t($3) SUBSEP t($4)] = t($5); f50[t($3) SUBSEP t($4)] = t($6); f99[t($3) SUBSEP t($4)] = t($8); next}
  {k = t($3) SUBSEP t($4); if (fr[k] + 0 > 0) printf "| %s | %s | %s | %s | %s / %s | %s / %s | %.2f× |\n", t($3), t($4), fr[k], t($5),
     f50[k], t($6), f99[k], t($8), t($5) / fr[k]}' "$WORK/freeradius.md" "$WORK/portico.md")
{
  echo "## RADIUS on the real jar"
  echo
  [ -n "${BENCH_NOTE:-}" ] && { echo "$BENCH_NOTE"; echo; }
  echo "**How to run:** \`bench/radius-jar-bench.sh\` (root, for apt; PostgreSQL on 127.0.0.1:5432; builds the jar only when"
  echo "\`target/portico.jar\` is missing). Environment: \`SECONDS_PER_RUN\` ($SECONDS_PER_RUN), \`WARMUP_SECONDS\` ($WARMUP_SECONDS),"
  echo "\`CONCURRENCY\` ($CONCURRENCY), \`PORTICO_LAUNCH\` ($PORTICO_LAUNCH), \`PORTICO_JAVA_OPTS\` ($PORTICO_JAVA_OPTS), \`SETTLE_SECONDS\` ($SETTLE_SECONDS), \`IDLE_PROBE_SECONDS\` ($IDLE_PROBE_SECONDS), \`DAMON_OFF\` ($DAMON_OFF). With the defaults a run"
  echo "takes about 10 min (each server about 3.5 min of load, Portico's start with the demo data 1-3 min), plus the jar build"
  echo "and the FreeRADIUS install when missing, and bin/portico's one-off cache training. This run took $MINUTES min."
  echo
  echo "Portico: \`target/portico.jar\` started by \`$([ "$PORTICO_LAUNCH" = jar ] && echo "java -jar" || echo bin/portico) --demo\` on PostgreSQL (database portico_bench), every"
  echo "engine on, answering with its demo data after ${READY_SECONDS} s. FreeRADIUS: ${FR_VERSION:-3.2} with rlm_sql (rlm_sql_postgresql,"
  echo "stock schema and queries, detail/unix accounting off) on the same PostgreSQL (radius_bench). Devices: the $DEVICES demo"
  echo "guests of client $CLIENT with an active plan, at hotspot \`$NAS\`; FreeRADIUS has exactly these MACs in radusergroup."
  echo "auth: Access-Requests from them; acct: accounting sessions (Start, Interim-Update, Stop) of them; acct-first-seen:"
  echo "sessions of devices never seen before (Portico makes each a guest). Closed loop, ${SECONDS_PER_RUN} s per row after a"
  echo "${WARMUP_SECONDS} s warm-up per kind, $(nproc) cores shared by the generator, both servers and PostgreSQL, $(date -u +%Y-%m-%d)."
  echo "Load (uptime): at the start \`$LOAD_START\`; at the end \`$LOAD_END\`; before FreeRADIUS's runs ${LOADAVG[freeradius]},"
  echo "before Portico's ${LOADAVG[portico]} (/proc/loadavg). The kernel's DAMON monitor during the runs: ${DAMON_DURING}"
  [ ${#DAMON_TURNED_OFF[@]} -gt 0 ] && echo "(turned off for this run by DAMON_OFF=1, on again afterwards; before it was: ${DAMON_BEFORE})"
  echo
  echo "| server | kind | concurrency | requests/s | p50 ms | p95 ms | p99 ms | lost | accepted | rejected |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$WORK/freeradius.md" "$WORK/portico.md" "$WORK/freeradius-half.md" "$WORK/portico-half.md"
  echo
  echo "Portico ÷ FreeRADIUS, same run:"
  echo
  echo "| kind | concurrency | FreeRADIUS req/s | Portico req/s | p50 ms FR / Portico | p99 ms FR / Portico | ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "$ratios"
  echo
  echo "Rows \`auth@half-peak\`/\`acct@half-peak\`: open loop at half of that server's own best closed-loop rate of the kind (one"
  echo "sender on schedule over 64 sockets, latency from each send, 3 s warm-up on the same schedule; goal for Portico: p99 under 20 ms)."
  echo "Each is run $HALF_RUNS times and the run with the median p99 is shown: at half of Portico's peak the slowest 1% of a"
  echo "${SECONDS_PER_RUN} s run is about 0.2 s of traffic, so one stall of a neighbouring process decides a single run. Every run's p99:"
  echo
  cat "$WORK/half-runs.md"
  echo
  echo "The disk idle (${IDLE_PROBE_SECONDS} s before any load) and during each half-peak run (bench/FsyncProbe.java: a small write + fdatasync every 20 ms in $PROBE_DIR;"
  echo "every accounting answer of both servers waits for a WAL flush on this disk; a CHECKPOINT and ${SETTLE_SECONDS} s of settling"
  echo "before each server's runs and before its half-peak runs):"
  echo
  cat "$WORK/disk.md"
  echo
  echo "Accounting records: FreeRADIUS $FR_CHECK; Portico $PT_CHECK; $FIRST_SEEN (each first-seen session a"
  echo "new device, so as many guests as sessions)."
  echo
} > "$WORK/section.md"
cat "$WORK/section.md"
if [ "$BENCH_WRITE_DOCS" = 1 ]; then
  if [ -f docs/benchmarks.md ] && grep -q '^## RADIUS on the real jar' docs/benchmarks.md; then
    awk -v f="$WORK/section.md" '/^## RADIUS on the real jar/ {while ((getline l < f) > 0) print l; skip=1; next} /^## / {skip=0} !skip' \
      docs/benchmarks.md > "$WORK/b.md" && mv "$WORK/b.md" docs/benchmarks.md
  else
    [ -f docs/benchmarks.md ] || printf '# Benchmarks\n' > docs/benchmarks.md
    { echo; cat "$WORK/section.md"; } >> docs/benchmarks.md
  fi
  echo "written to docs/benchmarks.md (logs in $WORK)"
fi
