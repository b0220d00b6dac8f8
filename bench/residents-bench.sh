#!/usr/bin/env bash
# Residents' keys over RADIUS (issue 14): Ruckus dynamic-PSK look-ups for a venue of RESIDENTS
# residents, cold (PMK cache empty) and warm, next to plain MAC authorisations of the same devices,
# and MAC authentication with the key (hostapd/OpenWrt: Tunnel-Password) against FreeRADIUS 3.2 +
# rlm_sql on the same PostgreSQL serving the same keys. Writes the section "## Residents' keys over
# RADIUS" of docs/benchmarks.md (BENCH_WRITE_DOCS=0: print only).
#
#   bench/residents-bench.sh      # RESIDENTS=10000 SECONDS_PER_RUN=10 WARMUP_SECONDS=5 CONCURRENCY=16
#
# Portico is the real jar (target/portico.jar, built with ./mvnw package -DskipTests when missing)
# started with java -jar as a user starts it, on PostgreSQL (database residents_bench, recreated),
# with the first operator and administrator from PORTICO_BOOTSTRAP_ADMIN_*. Everything else is made
# through the operator console API by bench/ResidentLoad.java (setup): network settings (overlapping
# subscriptions per unit allowed: PER_UNIT residents a unit, as the venue's VLANs are 1..4094), a
# client, a service plan, the venue, its units with their VLANs, RESIDENTS subscriptions with
# generated keys (subscribers/addKey), and per vendor kind one piece of equipment and one RADIUS
# client (gateway MikroTik RB5009, OpenWrt hostapd, Cisco C9120AXI, Aruba AP-515, MikroTik cAP ax,
# Ruckus R750), all on 127.0.0.1 with their own NAS-Identifier.
# Then, each case one ResidentLoad process (closed loop, CONCURRENCY workers, one request in flight each):
#   bind         every device joins once with its key as PAP password at the gateway (a device must be
#                bound before an access point may ask for it by MAC, docs/residents.md)
#   dpsk-cold    Ruckus handshakes (Ruckus-DPSK-Params, made with the DPSK tests' TestHandshake) of the
#                bound devices, each once, while the PMK cache is still empty (the jar has seen no
#                handshake since it started): one PBKDF2 each; at most SECONDS_PER_RUN or COLD_DEVICES
#   dpsk-warm    the same devices' handshakes again (PMKs cached), after WARMUP_SECONDS of the same
#   mac          MAC authentication of the same devices at the same Ruckus client (no handshake)
#   dpsk-search  handshakes of devices never seen (new MACs) with keys of the cold devices, spread over
#                the venue: the search through the venue's cached PMKs a first join costs
#                (SEARCH_LOOKUPS of them)
#   mac-key      MAC authentication of all RESIDENTS devices at the OpenWrt client: Access-Accept with
#                the key in Tunnel-Password (decrypted and checked by the generator), VLAN and speed;
#                then the same against FreeRADIUS (radcheck Auth-Type := Accept per MAC, radreply
#                Tunnel-Password, Tunnel-Type, Tunnel-Medium-Type, Tunnel-Private-Group-Id per MAC,
#                the plan's speed in group "residents"), each after WARMUP_SECONDS of the same
# The rate limit of look-ups per access point (portico.radius.dpsk.searches-per-second-per-nas,
# default 20, docs/radius.md) is raised to 1000000 on the command line so the server, not the limit,
# is measured: the generator is one access point.
#
# Needs: root (apt-get for freeradius, freeradius-postgresql when missing), PostgreSQL at PGHOST/PGPORT
# (default 127.0.0.1:5432, user postgres, trust auth), a JDK 21+, target/test-classes (TestHandshake;
# built with the jar). FreeRADIUS set-up: bench/freeradius-lib.sh. Databases: residents_bench
# (Portico) and residents_radius (FreeRADIUS), both recreated. Ports: Portico 21822 (HTTP 18086),
# FreeRADIUS 31822/31823.
# Environment: RESIDENTS (10000), PER_UNIT (4), CONCURRENCY (16), SECONDS_PER_RUN (10), WARMUP_SECONDS (5),
# COLD_DEVICES (1000: handshakes made before the cold run, a PBKDF2 each in the generator), SEARCH_LOOKUPS (200),
# TIMEOUT_MS (5000: a request unanswered that long is sent once more, then counted lost), PORTICO_JAVA_OPTS (-Xmx1g -XX:+UseZGC),
# BENCH_NOTE (a sentence under the section's title), BENCH_WRITE_DOCS (1).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/freeradius-lib.sh
RESIDENTS=${RESIDENTS:-10000}
PER_UNIT=${PER_UNIT:-4}
CONCURRENCY=${CONCURRENCY:-16}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
COLD_DEVICES=${COLD_DEVICES:-1000}
SEARCH_LOOKUPS=${SEARCH_LOOKUPS:-200}
TIMEOUT_MS=${TIMEOUT_MS:-5000}
PORTICO_JAVA_OPTS=${PORTICO_JAVA_OPTS:--Xmx1g -XX:+UseZGC}
BENCH_WRITE_DOCS=${BENCH_WRITE_DOCS:-1}
for v in RESIDENTS PER_UNIT CONCURRENCY SECONDS_PER_RUN COLD_DEVICES SEARCH_LOOKUPS TIMEOUT_MS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "$v must be a positive number: ${!v}"; exit 2; }
done
[[ $WARMUP_SECONDS =~ ^[0-9]+$ ]] || { echo "WARMUP_SECONDS must be a number: $WARMUP_SECONDS"; exit 2; }
HTTP_PORT=18086; AUTH_PORT=21822; FR_AUTH=31822; FR_ACCT=31823
ADMIN_EMAIL=bench-admin@bench.example; ADMIN_PASSWORD=bench-admin-password-0042
WORK=$(mktemp -d /tmp/residents-bench.XXXXXX)
STARTED=$(date +%s)
LOAD_START=$(uptime | sed 's/.*load average/load average/')
fr_install
[ -f target/portico.jar ] && [ -d target/test-classes/io/portico/radius/internal ] || ./mvnw -q -B -ntp package -DskipTests >/dev/null

echo "== Portico: target/portico.jar on PostgreSQL (residents_bench)"
psql -q -d postgres -c "drop database if exists residents_bench" -c "create database residents_bench"
read -r -a PORTICO_OPTS <<< "$PORTICO_JAVA_OPTS"
mkdir -p "$WORK/portico"
(cd "$WORK/portico" && exec env PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/residents_bench" PORTICO_DB_USER="$PGUSER" \
  PORTICO_DB_PASSWORD= PORTICO_HTTP_PORT=$HTTP_PORT PORTICO_RADIUS_AUTH_PORT=$AUTH_PORT PORTICO_RADIUS_ACCT_PORT=0 \
  PORTICO_RADIUS_BIND_ADDRESS=127.0.0.1 PORTICO_SECRETS_KEY=YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy0hISE= \
  PORTICO_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL PORTICO_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$JAVA" "${PORTICO_OPTS[@]}" -jar "$OLDPWD/target/portico.jar" --portico.radius.dpsk.searches-per-second-per-nas=1000000 \
  > "$WORK/portico.log" 2>&1) &
PORTICO_PID=$!
PIDS+=("$PORTICO_PID")
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$PORTICO_PID" 2>/dev/null || break
  sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" >/dev/null || { tail -50 "$WORK/portico.log"; echo "Portico did not start"; exit 1; }
echo "ready after $(( $(date +%s) - STARTED )) s"

"$(dirname "$JAVA")/javac" -cp target/test-classes -d "$WORK/load" bench/RadiusLoad.java bench/ResidentLoad.java
LOAD=("$JAVA" -cp "$WORK/load:target/test-classes" ResidentLoad)

echo "== set-up through the console API: $RESIDENTS residents, $PER_UNIT a unit"
SETUP_START=$(date +%s)
"${LOAD[@]}" setup --base "http://127.0.0.1:$HTTP_PORT" --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" \
  --residents "$RESIDENTS" --per-unit "$PER_UNIT" --secret "$SECRET" --out "$WORK"
SETUP_SECONDS=$(( $(date +%s) - SETUP_START ))
nas() { awk -v k="$1" '$1 == k {print $2}' "$WORK/nas.txt"; }

run() { # case server port nas seconds [more args]
  local c=$1 server=$2 port=$3 nasid=$4 secs=$5; shift 5
  "${LOAD[@]}" run --case "$c" --server "$server" --port "$port" --secret "$SECRET" --dir "$WORK" --nas "$nasid" \
    --concurrency "$CONCURRENCY" --seconds "$secs" --timeout-ms "$TIMEOUT_MS" "$@"
}
: > "$WORK/rows.md"
echo "== load ($CONCURRENCY workers)"
run bind portico $AUTH_PORT "$(nas gateway)" 0 | tee "$WORK/bind.md"
run dpsk-cold portico $AUTH_PORT "$(nas ruckus)" "$SECONDS_PER_RUN" --devices "$COLD_DEVICES" | tee -a "$WORK/rows.md"
timed() { # case server port nas [more args]: WARMUP_SECONDS of the case (rows to stderr), then the timed run
  local c=$1 server=$2 port=$3 nasid=$4; shift 4
  if [ "$WARMUP_SECONDS" -gt 0 ]; then
    run "$c" "$server" "$port" "$nasid" "$WARMUP_SECONDS" "$@" | sed 's/^/warm-up /' >&2
  fi
  run "$c" "$server" "$port" "$nasid" "$SECONDS_PER_RUN" "$@" | tee -a "$WORK/rows.md"
}
timed dpsk-warm portico $AUTH_PORT "$(nas ruckus)"
timed mac portico $AUTH_PORT "$(nas ruckus)"
run dpsk-search portico $AUTH_PORT "$(nas ruckus)" "$SECONDS_PER_RUN" --search-lookups "$SEARCH_LOOKUPS" | tee -a "$WORK/rows.md"
timed mac-key portico $AUTH_PORT "$(nas openwrt)"
kill "$PORTICO_PID" 2>/dev/null || true
wait "$PORTICO_PID" 2>/dev/null || true

echo "== FreeRADIUS: the same $RESIDENTS MACs and keys in residents_radius"
fr_database residents_radius
psql -q -d residents_radius -v ON_ERROR_STOP=1 <<SQL
create temp table k (i int, mac text, psk text, vlan int);
\\copy k from '$WORK/residents.csv' with (format csv)
insert into radcheck (username, attribute, op, value) select mac, 'Auth-Type', ':=', 'Accept' from k;
insert into radreply (username, attribute, op, value)
  select mac, a, ':=', v from k, lateral (values ('Tunnel-Password', psk), ('Tunnel-Type', 'VLAN'),
    ('Tunnel-Medium-Type', 'IEEE-802'), ('Tunnel-Private-Group-Id', vlan::text)) r(a, v);
insert into radgroupreply (groupname, attribute, op, value) values
  ('residents', 'Acct-Interim-Interval', ':=', '300'), ('residents', 'WISPr-Bandwidth-Max-Up', ':=', '20000000'),
  ('residents', 'WISPr-Bandwidth-Max-Down', ':=', '100000000'), ('residents', 'Mikrotik-Rate-Limit', ':=', '20M/100M');
insert into radusergroup (username, groupname, priority) select mac, 'residents', 1 from k;
analyze radcheck; analyze radreply; analyze radusergroup;
SQL
fr_start "$WORK" residents_radius "$SECRET" $FR_AUTH $FR_ACCT
timed mac-key freeradius $FR_AUTH bench
kill "$FR_PID" 2>/dev/null || true

LOAD_END=$(uptime | sed 's/.*load average/load average/')
TOTAL=$(( $(date +%s) - STARTED ))
# lookups/s per case and server (column 11)
rate() { awk -F'|' -v c="$1" -v s="$2" '{k=$2; v=$3; gsub(/ /, "", k); gsub(/ /, "", v)} k == c && v == s {print $11 + 0}' "$WORK/rows.md"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "?"}'; }
COLD=$(rate dpsk-cold portico); WARM=$(rate dpsk-warm portico); MAC=$(rate mac portico)
SEARCH=$(rate dpsk-search portico); PT_KEY=$(rate mac-key portico); FR_KEY=$(rate mac-key freeradius)
{
  echo "## Residents' keys over RADIUS"
  echo
  [ -n "${BENCH_NOTE:-}" ] && { echo "$BENCH_NOTE"; echo; }
  echo "**How to run:** \`bench/residents-bench.sh\` (root, for apt; PostgreSQL on 127.0.0.1:5432). Environment: \`RESIDENTS\` (10000), \`PER_UNIT\` (4),"
  echo "\`CONCURRENCY\` (16), \`SECONDS_PER_RUN\` (10), \`WARMUP_SECONDS\` (5), \`COLD_DEVICES\` (1000), \`SEARCH_LOOKUPS\` (200), \`TIMEOUT_MS\` (5000),"
  echo "\`PORTICO_JAVA_OPTS\` (-Xmx1g -XX:+UseZGC). What each case is: the script's header."
  echo
  echo "This run: $(date -u +%Y-%m-%d), $(nproc) cores, $RESIDENTS residents ($PER_UNIT a unit) made through the console API in"
  echo "${SETUP_SECONDS} s, $CONCURRENCY workers, ${SECONDS_PER_RUN} s per case (requests unanswered for ${TIMEOUT_MS} ms sent once more, then lost) after ${WARMUP_SECONDS} s of warm-up (dpsk-cold and"
  echo "dpsk-search: no warm-up, each device once). Portico: target/portico.jar (\`java $PORTICO_JAVA_OPTS -jar\`) on PostgreSQL;"
  echo "FreeRADIUS $(echo "${FR_VERSION:-3.2}" | sed -n 's/.*Version \([0-9.]*\).*/\1/p') with rlm_sql on the same PostgreSQL. Load (uptime): $LOAD_START at the start,"
  echo "$LOAD_END at the end. Whole run: ${TOTAL} s."
  echo
  echo "A lookup is a device's Access-Accept that carries the right key material: the PMK (MS-MPPE-Recv-Key, decrypted)"
  echo "for DPSK, the resident's key (Tunnel-Password, decrypted) for mac-key; mac counts Accepts."
  echo
  echo "| case | server | workers | lookups | requests | accepted | rejected | lost | s | lookups/s | p50 ms | p99 ms |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$WORK/rows.md"
  echo
  echo "| ratio | value |"
  echo "|---|---:|"
  echo "| DPSK cold ÷ plain MAC authorisation | $(ratio "$COLD" "$MAC") |"
  echo "| DPSK warm ÷ plain MAC authorisation | $(ratio "$WARM" "$MAC") |"
  echo "| DPSK first join (search) ÷ plain MAC authorisation | $(ratio "$SEARCH" "$MAC") |"
  echo "| MAC auth with key: Portico ÷ FreeRADIUS (goal ≥ 2×) | $(ratio "$PT_KEY" "$FR_KEY") |"
  echo
  echo "Binding (each device once, PAP with its key at the gateway): $(awk -F'|' '{for (i = 1; i <= NF; i++) gsub(/ /, "", $i); printf "%s lookups, %s rejected, %s lost, %.0f/s", $5, $8, $9, $11}' "$WORK/bind.md")."
  echo
} > "$WORK/section.md"
cat "$WORK/section.md"
if [ "$BENCH_WRITE_DOCS" = 1 ]; then
  H="## Residents' keys over RADIUS"
  if [ -f docs/benchmarks.md ] && grep -qxF "$H" docs/benchmarks.md; then
    awk -v f="$WORK/section.md" -v h="$H" '$0 == h {while ((getline l < f) > 0) print l; skip=1; next} /^## / {skip=0} !skip' \
      docs/benchmarks.md > "$WORK/b.md"
    mv "$WORK/b.md" docs/benchmarks.md
  else
    cat "$WORK/section.md" >> docs/benchmarks.md
  fi
  echo "written to docs/benchmarks.md (logs in $WORK)"
fi
