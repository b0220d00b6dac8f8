#!/usr/bin/env bash
# Runs the same RADIUS load (bench/RadiusLoad.java) against Portico and against FreeRADIUS 3.2
# with rlm_sql on the same PostgreSQL (stock schema), on this machine's loopback only, and writes
# the results and ratios into docs/benchmarks.md (section "## RADIUS").
#
#   bench/freeradius-compare.sh     # SECONDS_PER_RUN=10 WARMUP_SECONDS=10 CONCURRENCY=1,8,32,64 DEVICES=200000
#
# Both servers face the same stream: a pool of DEVICES devices (device i has the MAC
# 02-00-XX-XX-XX-XX from the 32 bits of i), all known with an active plan on both sides:
# FreeRADIUS has exactly these MACs in radusergroup (group "guests": Auth-Type Accept and reply
# attributes), Portico's RadiusBenchServer preloads them as guests of its bench client with an
# active guest plan purchase. Every Access-Request and every accounting session (Start,
# Interim-Update, Stop) comes from one of them, so both should answer Access-Accept throughout
# (the "accepted"/"rejected" columns show it).
# Per server, in this order:
#   1. warm-up: auth, then acct, for WARMUP_SECONDS each at concurrency 8 (closed loop), in the
#      same RadiusLoad process as the sweep; results discarded (stderr), its sessions checked too;
#   2. sweep: auth, then acct, at each CONCURRENCY, SECONDS_PER_RUN each (closed loop);
#   3. half peak: auth, then acct, open loop at half of that server's own peak requests/s of the
#      sweep, sent by one thread on schedule whatever the answers over HALF_PEAK_WORKERS sockets
#      (default 64), after HALF_PEAK_WARMUP (3) s on the same schedule, SECONDS_PER_RUN each (rows
#      auth@half-peak / acct@half-peak; latency from each send, see RadiusLoad), HALF_PEAK_RUNS (3)
#      times each; the summary gives the median p99 and every run's. Meanwhile bench/FsyncProbe.java
#      times a small write + fdatasync every 20 ms on the database's filesystem (PROBE_DIR, default
#      the parent of PostgreSQL's data directory): every accounting answer of both servers waits for
#      such a flush, so a disk that stalls shows in the p99, and the probe shows when it did.
#      A CHECKPOINT is forced before each server's runs and before its half-peak runs (see below).
# Then every acknowledged accounting Start (warm-up, sweep, half peak) must be exactly one row:
# radacct.acctsessionid for FreeRADIUS, PORTICO_SESSIONS_TABLE.PORTICO_SESSIONS_COLUMN for
# Portico (default connection_session.acct_session_id; before accounting moved there,
# PORTICO_SESSIONS_TABLE=radius_accounting PORTICO_SESSIONS_COLUMN=session_id).
# Portico runs with PORTICO_JAVA_OPTS (default -Xmx1g -XX:+UseZGC: the same throughput as G1 here, and G1's
# 11-14 ms young pauses set the accounting p99 at half the peak: 24 ms with G1, 18 ms with ZGC).
#
# Needs: root (apt-get for freeradius, freeradius-postgresql, postgresql-client when missing),
# PostgreSQL at PGHOST/PGPORT (default 127.0.0.1:5432, user postgres, trust auth).
# Databases: portico_bench (Portico) and radius_bench (FreeRADIUS); both are recreated.
# Ports: Portico 21812/21813 (HTTP 18080), FreeRADIUS 31812/31813.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/freeradius-lib.sh
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
CONCURRENCY=${CONCURRENCY:-1,8,32,64}
DEVICES=${DEVICES:-200000}
HALF_PEAK_WORKERS=${HALF_PEAK_WORKERS:-64}
HALF_PEAK_WARMUP=${HALF_PEAK_WARMUP:-3}
HALF_PEAK_RUNS=${HALF_PEAK_RUNS:-3}
SETTLE_SECONDS=${SETTLE_SECONDS:-10}
# Where Portico keeps one row per accounting session, and the column holding the Acct-Session-Id.
PORTICO_SESSIONS_TABLE=${PORTICO_SESSIONS_TABLE:-connection_session}
PORTICO_SESSIONS_COLUMN=${PORTICO_SESSIONS_COLUMN:-acct_session_id}
PORTICO_JAVA_OPTS=${PORTICO_JAVA_OPTS:--Xmx1g -XX:+UseZGC}
for v in "$PORTICO_SESSIONS_TABLE" "$PORTICO_SESSIONS_COLUMN"; do
  [[ $v =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a table/column name: $v"; exit 2; }
done
[[ $DEVICES =~ ^[1-9][0-9]*$ ]] || { echo "DEVICES must be a positive number: $DEVICES"; exit 2; }
[[ $HALF_PEAK_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "HALF_PEAK_RUNS must be a positive number: $HALF_PEAK_RUNS"; exit 2; }
WORK=$(mktemp -d /tmp/radius-bench.XXXXXX)
fr_install
LOAD_START=$(cat /proc/loadavg)

echo "== databases"
psql -q -d postgres -c "drop database if exists portico_bench" -c "create database portico_bench"
fr_database radius_bench
# The MAC-auth equivalent of Portico's preloaded guests: exactly the DEVICES MACs RadiusLoad sends
# (02-00-XX-XX-XX-XX, uppercase), in group "guests".
psql -q -d radius_bench <<SQL
insert into radusergroup (username, groupname, priority)
  select upper(format('02-00-%s-%s-%s-%s', lpad(to_hex((i >> 24) & 255), 2, '0'), lpad(to_hex((i >> 16) & 255), 2, '0'),
                      lpad(to_hex((i >> 8) & 255), 2, '0'), lpad(to_hex(i & 255), 2, '0'))), 'guests', 1
  from generate_series(0, $DEVICES - 1) i;
analyze radusergroup;
SQL
echo "== FreeRADIUS config in $WORK/raddb"
fr_start "$WORK" radius_bench "$SECRET" 31812 31813

echo "== Portico"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
read -r -a PORTICO_OPTS <<< "$PORTICO_JAVA_OPTS"
PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/portico_bench" PORTICO_DB_USER=$PGUSER PORTICO_DB_PASSWORD= \
PORTICO_RADIUS_AUTH_PORT=21812 PORTICO_RADIUS_ACCT_PORT=21813 PORTICO_RADIUS_BIND_ADDRESS=127.0.0.1 PORTICO_HTTP_PORT=18080 \
PORTICO_SECRETS_KEY=YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy0hISE= PORTICO_BENCH_SECRET=$SECRET PORTICO_BENCH_DEVICES=$DEVICES \
  "$JAVA" "${PORTICO_OPTS[@]}" -XX:+PrintCommandLineFlags -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" \
  io.portico.radius.internal.RadiusBenchServer > "$WORK/portico.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 240); do grep -q "BENCH SERVER READY" "$WORK/portico.log" && break; sleep 1; done
grep -q "BENCH SERVER READY" "$WORK/portico.log" || { tail -50 "$WORK/portico.log"; exit 1; }
grep "preloaded" "$WORK/portico.log" || true
JVM_VERSION=$("$JAVA" -version 2>&1 | head -1)
JVM_FLAGS=$(grep -m1 -- '^-XX:' "$WORK/portico.log" | sed 's/ *$//' || echo "(not reported)")

# the load generator and the disk probe, compiled once (falls back to the source launcher)
if "$(dirname "$JAVA")/javac" -d "$WORK/load" bench/RadiusLoad.java bench/FsyncProbe.java 2>/dev/null; then
  LOAD=("$JAVA" -cp "$WORK/load" RadiusLoad)
  FSYNC_PROBE=("$JAVA" -cp "$WORK/load" FsyncProbe)
else
  LOAD=("$JAVA" bench/RadiusLoad.java)
  FSYNC_PROBE=("$JAVA" bench/FsyncProbe.java)
fi
PROBE_DIR=${PROBE_DIR:-$(dirname "$(psql -tA -d postgres -c "show data_directory" 2>/dev/null || echo "$WORK/x")")}
[ -d "$PROBE_DIR" ] && [ -w "$PROBE_DIR" ] || PROBE_DIR=$WORK
load() { # label authport acctport run-id sessionsfile args...
  local label=$1 auth=$2 acct=$3 runid=$4 sessions=$5; shift 5
  "${LOAD[@]}" --label "$label" --auth-port "$auth" --acct-port "$acct" --secret "$SECRET" --nas-id bench \
    --devices "$DEVICES" --run-id "$runid" --sessions-file "$sessions" "$@"
}
half() { # sweep.md kind: half of the best requests/s of that kind in the sweep
  awk -F'|' -v kind="$2" '{k=$3; gsub(/ /, "", k)} k == kind && $5 + 0 > p {p = $5 + 0} END {printf "%d\n", p / 2}' "$1"
}
# CPU time (clock ticks) of a server process and of the PostgreSQL backends connected to its
# database, per pid: "pid ticks" lines. The delta over the warm-up and sweep, divided by the
# requests answered, is the CPU each request cost that server and its database, which a busy,
# shared host disturbs far less than it disturbs requests/s.
cpu_snapshot() { # serverpid db
  local pids
  pids="$1 $(psql -tA -d postgres -c "select pid from pg_stat_activity where datname = '$2'" | tr '\n' ' ')"
  for p in $pids; do
    [ -r "/proc/$p/stat" ] && awk -v p="$p" '{sub(/.*\) /, ""); print p, $12 + $13}' "/proc/$p/stat"
  done
}
cpu_per_request() { # before after rows... : microseconds of server and database CPU per answered request
  local before=$1 after=$2; shift 2
  awk -v hz="$(getconf CLK_TCK)" -v secs="$SECONDS_PER_RUN" -v warm="$WARMUP_SECONDS" '
    FILENAME == ARGV[1] {b[$1] = $2; next}
    FILENAME == ARGV[2] {d = $2 - ($1 in b ? b[$1] : 0); if (d > 0) ticks += d; next}
    {split($0, f, "|"); k = f[3]; gsub(/ /, "", k); if (k == "auth" || k == "acct") n += f[5] * (FILENAME ~ /warmup/ ? warm : secs)}
    END {if (n > 0) printf "%.0f", ticks / hz * 1e6 / n; else print "?"}' "$before" "$after" "$@"
}
declare -A LOADAVG CPU
# PostgreSQL writes the pages a run dirtied at its next checkpoint, and flushing them competes with
# the WAL flushes every accounting answer waits for. A checkpoint forced before each server's runs
# and again before its half-peak runs gives both servers the same clean start, instead of one
# server's half-peak runs paying for the pages the other's (or its own sweep) dirtied. The next
# timed checkpoint (checkpoint_timeout, 5 min by default) then falls outside a server's runs.
# The disk keeps flushing for a while after a large checkpoint (the probe saw 80-100 ms stalls in
# the next seconds), so the runs start SETTLE_SECONDS (10) later.
checkpoint() {
  psql -q -d postgres -c checkpoint
  sleep "$SETTLE_SECONDS"
}
bench() { # label authport acctport serverpid db
  local l=$1 rate mode
  checkpoint
  LOADAVG[$l-before]=$(cat /proc/loadavg)
  : > "$WORK/$l.md"
  for mode in auth acct; do
    echo "== $l $mode: warm-up ${WARMUP_SECONDS}s at concurrency 8 (discarded), then the sweep"
    cpu_snapshot "$4" "$5" > "$WORK/$l-$mode-cpu-before.txt"
    load "$l" "$2" "$3" "$l-$mode" "$WORK/$l-sweep-$mode.sessions" --mode "$mode" --concurrency "$CONCURRENCY" \
      --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP_SECONDS" --warmup-concurrency 8 \
      2> >(tee "$WORK/$l-$mode-warmup.txt" >&2) > "$WORK/$l-$mode.md"
    cpu_snapshot "$4" "$5" > "$WORK/$l-$mode-cpu-after.txt"
    sleep 1 # the warm-up rows arrive through tee
    CPU[$l-$mode]=$(cpu_per_request "$WORK/$l-$mode-cpu-before.txt" "$WORK/$l-$mode-cpu-after.txt" "$WORK/$l-$mode.md" \
      "$WORK/$l-$mode-warmup.txt")
    if [ -s "$WORK/$l.md" ]; then tail -n +3 "$WORK/$l-$mode.md" >> "$WORK/$l.md"; else cat "$WORK/$l-$mode.md" >> "$WORK/$l.md"; fi
  done
  cat "$WORK/$l.md"
  : > "$WORK/$l-half.md"
  : > "$WORK/$l-disk.md"
  local run probe
  checkpoint
  for mode in auth acct; do
    rate=$(half "$WORK/$l.md" "$mode")
    if [ "$rate" -lt 1 ]; then
      echo "| $l | $mode@half-peak | (no peak) | | | | | | | |" | tee -a "$WORK/$l-half.md"
      continue
    fi
    for run in $(seq 1 "$HALF_PEAK_RUNS"); do
      echo "== $l: $mode at $rate requests/s (half the peak), open loop over $HALF_PEAK_WORKERS sockets, run $run of $HALF_PEAK_RUNS"
      "${FSYNC_PROBE[@]}" "$PROBE_DIR/radius-bench-fsync-probe.dat" $((HALF_PEAK_WARMUP + SECONDS_PER_RUN + 1)) \
        > "$WORK/$l-$mode-$run.disk" 2>&1 &
      probe=$!
      load "$l" "$2" "$3" "$l-half$run" "$WORK/$l-half-$mode-$run.sessions" --mode "$mode" --rate "$rate" --rate-kind half-peak \
        --concurrency "$HALF_PEAK_WORKERS" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$HALF_PEAK_WARMUP" \
        2> >(tee -a "$WORK/$l-half-warmup.txt" >&2) | tail -1 | tee -a "$WORK/$l-half.md"
      wait "$probe" || true
      echo "| $l | $mode@half-peak | $run | $(cat "$WORK/$l-$mode-$run.disk") |" | tee -a "$WORK/$l-disk.md"
    done
  done
  LOADAVG[$l-after]=$(cat /proc/loadavg)
}
# One Access-Request for the pool's last device to each server (radclient): both must accept it.
probe() { # label authport
  local mac reply
  mac=$(printf '02-00-%02X-%02X-%02X-%02X' $(( (DEVICES - 1) >> 24 & 255 )) $(( (DEVICES - 1) >> 16 & 255 )) \
        $(( (DEVICES - 1) >> 8 & 255 )) $(( (DEVICES - 1) & 255 )))
  reply=$(printf 'User-Name = "%s"\nCalling-Station-Id = "%s"\nNAS-Identifier = "bench"\nNAS-IP-Address = 127.0.0.1\nMessage-Authenticator = 0x00\n' \
          "$mac" "$mac" | radclient -r 2 -t 5 -x "127.0.0.1:$2" auth "$SECRET" 2>&1 || true)
  echo "$1, device $mac: $(echo "$reply" | grep -m1 -o 'Received Access-[A-Za-z]*' || echo 'no answer')"
  echo "$reply" | grep -q 'Received Access-Accept' || { echo "$reply"; echo "$1 does not accept the preloaded device $mac"; exit 1; }
  echo "$reply" | grep -E '^\s+(Session-Timeout|Idle-Timeout|WISPr-Bandwidth-Max-(Up|Down))' | sed 's/^\s*/    /' || true
}
echo "== probe"
probe freeradius 31812
probe portico 21812

echo "== load"
bench freeradius 31812 31813 "${PIDS[0]}" radius_bench
bench portico 21812 21813 "${PIDS[1]}" portico_bench

# Zero lost or duplicated accounting records: every acknowledged Start (warm-up, sweep and half
# peak: all session ids start with "<label>-") is exactly one row.
FR_CHECK=$(check radius_bench radacct acctsessionid freeradius "$WORK"/freeradius-*.sessions)
PT_CHECK=$(check portico_bench "$PORTICO_SESSIONS_TABLE" "$PORTICO_SESSIONS_COLUMN" portico "$WORK"/portico-*.sessions)

# throughput rows only (kind exactly auth or acct, same concurrency)
ratios=$(awk -F'|' 'function t(s) {gsub(/^ +| +$/, "", s); return s}
  NR == FNR {k = t($3); if (k == "auth" || k == "acct") fr[k SUBSEP t($4)] = $5 + 0; next}
  {k = t($3); c = t($4); if ((k == "auth" || k == "acct") && fr[k SUBSEP c] > 0) printf "| %s | %s | %.2f× |\n", k, c, ($5 + 0) / fr[k SUBSEP c]}' \
  "$WORK/freeradius.md" "$WORK/portico.md")
# half-peak p99s: per kind and server, the rate, the median p99 of the runs and every run's p99
halfpeak=$(awk -F'|' 'function t(s) {gsub(/^ +| +$/, "", s); return s}
  function median(list,   v, n, i, j, x) {n = split(list, v, " "); for (i = 2; i <= n; i++) {x = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > x + 0; j--) v[j + 1] = v[j]; v[j + 1] = x}
    return n == 0 ? "" : (n % 2 ? v[(n + 1) / 2] : sprintf("%.2f", (v[n / 2] + v[n / 2 + 1]) / 2))}
  {k = t($3); if (k !~ /@/) next; s = (FILENAME ~ /freeradius-half/) ? "fr" : "pt"; r = t($4); sub(/,.*/, "", r)
   rate[s, k] = r; p99[s, k] = p99[s, k] (p99[s, k] == "" ? "" : " ") t($8); kinds[k] = 1}
  END {for (k in kinds) {a = p99["fr", k]; b = p99["pt", k]; gsub(/ /, ", ", a); gsub(/ /, ", ", b)
       printf "| %s | %s | %s (%s) | %s | %s (%s) |\n", k, rate["fr", k], median(p99["fr", k]), a, rate["pt", k], median(p99["pt", k]), b}}' \
  "$WORK/freeradius-half.md" "$WORK/portico-half.md" | sort)

{
  echo "## RADIUS"
  echo
  echo "**How to run:** \`bench/freeradius-compare.sh\` (root, for apt; PostgreSQL on 127.0.0.1:5432). Environment:"
  echo "\`SECONDS_PER_RUN\` (10), \`WARMUP_SECONDS\` (10), \`CONCURRENCY\` (1,8,32,64), \`DEVICES\` (200000),"
  echo "\`HALF_PEAK_WORKERS\` (64 sockets), \`HALF_PEAK_WARMUP\` (3), \`HALF_PEAK_RUNS\` (3), \`SETTLE_SECONDS\` (10), \`PROBE_DIR\`, \`PORTICO_JAVA_OPTS\` (-Xmx1g -XX:+UseZGC), \`PORTICO_SESSIONS_TABLE\`/\`PORTICO_SESSIONS_COLUMN\`"
  echo "(connection_session/acct_session_id). Per server: warm-up (auth, then acct, ${WARMUP_SECONDS} s each at concurrency 8,"
  echo "discarded), the sweep (closed loop: each worker one request in flight), then auth and acct paced (open loop) at half"
  echo "that server's own peak of the sweep: open loop (one sender thread sends on schedule whatever the answers, over"
  echo "${HALF_PEAK_WORKERS} sockets; latency from each send; no retransmission), after ${HALF_PEAK_WARMUP} s on the same schedule, discarded;"
  echo "${HALF_PEAK_RUNS} such runs per kind, with a disk probe alongside. A PostgreSQL CHECKPOINT is forced before each server's"
  echo "runs and again before its half-peak runs (then ${SETTLE_SECONDS} s to let the disk settle), so both start clean and neither"
  echo "pays for the other's dirty pages."
  echo
  echo "One run on $(nproc) cores, $(date -u +%Y-%m-%d), ${SECONDS_PER_RUN} s per row, ${WARMUP_SECONDS} s warm-up per mode."
  echo "Load: ${DEVICES} devices (MAC 02-00-XX-XX-XX-XX of device i), every one known with an active plan on both servers;"
  echo "each Access-Request and each accounting session (Start, Interim-Update, Stop) is from one of them."
  echo "FreeRADIUS: ${FR_VERSION:-3.2} with rlm_sql (rlm_sql_postgresql, stock schema and queries, detail/unix accounting off;"
  echo "the devices in radusergroup, group \`guests\` with Auth-Type Accept and the plan's reply attributes)."
  echo "Portico: the application wired to its domain (RadiusBenchServer): the real guest authorizer (the devices preloaded as"
  echo "guests with an active guest plan purchase: Access-Accept with Session-Timeout, Idle-Timeout and speeds) and accounting"
  echo "through the connections (sessions checked in \`$PORTICO_SESSIONS_TABLE.$PORTICO_SESSIONS_COLUMN\`)."
  echo "Portico JVM: $JVM_VERSION, options \`$PORTICO_JAVA_OPTS\`; flags as the JVM reports them: \`$JVM_FLAGS\`."
  echo "Both on the same PostgreSQL; the load generator, both servers and PostgreSQL share the machine."
  echo "Load average (/proc/loadavg): at the start $LOAD_START; FreeRADIUS runs ${LOADAVG[freeradius-before]} before,"
  echo "${LOADAVG[freeradius-after]} after; Portico runs ${LOADAVG[portico-before]} before, ${LOADAVG[portico-after]} after."
  echo
  cat "$WORK/freeradius.md" "$WORK/freeradius-half.md"
  tail -n +3 "$WORK/portico.md"
  cat "$WORK/portico-half.md"
  echo
  echo "Portico ÷ FreeRADIUS (requests/s, closed-loop rows):"
  echo
  echo "| kind | concurrency | ratio |"
  echo "|---|---:|---:|"
  echo "$ratios"
  echo
  echo "p99 at half of each server's own peak (goal for Portico's accounting: under 20 ms), median of ${HALF_PEAK_RUNS} runs"
  echo "(every run's p99 in brackets):"
  echo
  echo "| kind | FreeRADIUS rate | FreeRADIUS p99 ms | Portico rate | Portico p99 ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "$halfpeak"
  echo
  echo "The disk during each half-peak run (bench/FsyncProbe.java: 8 KiB write + fdatasync every 20 ms in $PROBE_DIR;"
  echo "each accounting answer of both servers waits for PostgreSQL's WAL flush on this disk):"
  echo
  echo "| server | kind | run | flushes |"
  echo "|---|---|---:|---|"
  cat "$WORK/freeradius-disk.md" "$WORK/portico-disk.md"
  echo
  echo "CPU per request, over each server's warm-up and sweep of that kind: the server process plus the PostgreSQL backends"
  echo "connected to its database (a shared, busy host disturbs this far less than requests/s):"
  echo
  echo "| kind | FreeRADIUS µs | Portico µs | FreeRADIUS ÷ Portico |"
  echo "|---|---:|---:|---:|"
  for mode in auth acct; do
    awk -v m="$mode" -v f="${CPU[freeradius-$mode]}" -v p="${CPU[portico-$mode]}" \
      'BEGIN {printf "| %s | %s | %s | %s |\n", m, f, p, (p + 0 > 0 ? sprintf("%.2f×", f / p) : "?")}'
  done
  echo
  echo "Accounting records (warm-up, sweep and half-peak runs): FreeRADIUS $FR_CHECK; Portico $PT_CHECK."
  echo
} > "$WORK/section.md"
cat "$WORK/section.md"
if [ -f docs/benchmarks.md ] && grep -q '^## RADIUS' docs/benchmarks.md; then
  awk -v f="$WORK/section.md" '/^## RADIUS/ {while ((getline l < f) > 0) print l; skip=1; next} /^## / {skip=0} !skip' docs/benchmarks.md > "$WORK/b.md"
  mv "$WORK/b.md" docs/benchmarks.md
else
  [ -f docs/benchmarks.md ] || printf '# Benchmarks\n\n' > docs/benchmarks.md
  cat "$WORK/section.md" >> docs/benchmarks.md
fi
echo "written to docs/benchmarks.md (logs in $WORK)"
