#!/usr/bin/env bash
# Runs the same RADIUS load (bench/RadiusLoad.java) against Portico and against FreeRADIUS 3.2
# with rlm_sql on the same PostgreSQL (stock schema), on this machine's loopback only, and writes
# the results and ratios into docs/benchmarks.md (section "## RADIUS").
#
#   bench/freeradius-compare.sh            # SECONDS_PER_RUN=10 CONCURRENCY=1,8,32,64 by default
#
# Needs: root (apt-get for freeradius, freeradius-postgresql, postgresql-client when missing),
# PostgreSQL at PGHOST/PGPORT (default 127.0.0.1:5432, user postgres, trust auth).
# Databases: portico_bench (Portico) and radius_bench (FreeRADIUS); both are recreated.
# Ports: Portico 21812/21813 (HTTP 18080), FreeRADIUS 31812/31813.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
SECRET=${SECRET:-bench-secret-123}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CONCURRENCY=${CONCURRENCY:-1,8,32,64}
WORK=$(mktemp -d /tmp/radius-bench.XXXXXX)
JAVA=${JAVA:-$( (ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/java /usr/lib/jvm/java-2[1-9]*/bin/java 2>/dev/null || true) | sort -V | tail -1)}
JAVA=${JAVA:-java}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need psql postgresql-client
need freeradius freeradius
[ -e /usr/lib/freeradius/rlm_sql_postgresql.so ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq freeradius-postgresql >/dev/null
FR_VERSION=$(freeradius -v 2>/dev/null | head -1 || true)

echo "== databases"
for db in portico_bench radius_bench; do
  psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
done
psql -q -d radius_bench -f /etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql

echo "== FreeRADIUS config in $WORK/raddb"
cp -a /etc/freeradius/3.0 "$WORK/raddb"
R="$WORK/raddb"
# stock default: first listen block auth (port 0 = 1812), second acct; give them our ports
awk 'BEGIN{n=0} /^\s*port = / && n<4 {n++; if(n==1||n==3){sub(/=.*/,"= 31812")} else {sub(/=.*/,"= 31813")}} {print}' \
  "$R/sites-available/default" > "$R/default.tmp" && mv "$R/default.tmp" "$R/sites-available/default"
rm -f "$R/sites-enabled/inner-tunnel" "$R/sites-enabled/default"
ln -s ../sites-available/default "$R/sites-enabled/default"
# accounting: rlm_sql only (no detail file, no utmp) so both servers do the same work
sed -i -e '/^accounting {/,/^}/{s/^\s*detail$/#detail/;s/^\s*unix$/#unix/}' "$R/sites-available/default"
cat > "$R/clients.conf" <<CONF
client bench {
    ipaddr = 127.0.0.1
    secret = $SECRET
    require_message_authenticator = yes
}
CONF
sed -e 's/dialect = "sqlite"/dialect = "postgresql"/' -e 's/driver = "rlm_sql_null"/driver = "rlm_sql_${dialect}"/' \
    -e 's/^\s*#\s*server = "localhost"/\tserver = "'"$PGHOST"'"/' -e 's/^\s*#\s*port = 3306/\tport = '"$PGPORT"'/' \
    -e 's/^\s*#\s*login = "radius"/\tlogin = "'"$PGUSER"'"/' -e 's/^\s*#\s*password = "radpass"/\tpassword = ""/' \
    -e 's/radius_db = "radius"/radius_db = "radius_bench"/' "$R/mods-available/sql" > "$R/mods-enabled/sql"
# The MAC-auth equivalent of Portico's bench authorizer: every MAC accepted from radcheck/radreply.
psql -q -d radius_bench <<SQL
insert into radgroupcheck (groupname, attribute, op, value) values ('guests', 'Auth-Type', ':=', 'Accept');
insert into radgroupreply (groupname, attribute, op, value) values
  ('guests', 'Session-Timeout', ':=', '3600'), ('guests', 'Idle-Timeout', ':=', '600'),
  ('guests', 'Acct-Interim-Interval', ':=', '300'), ('guests', 'WISPr-Bandwidth-Max-Up', ':=', '10000000'),
  ('guests', 'WISPr-Bandwidth-Max-Down', ':=', '50000000'), ('guests', 'Mikrotik-Rate-Limit', ':=', '10M/50M');
insert into radusergroup (username, groupname, priority)
  select format('02-00-%s-%s-%s-%s', lpad(to_hex((i >> 24) & 255), 2, '0'), lpad(to_hex((i >> 16) & 255), 2, '0'),
                lpad(to_hex((i >> 8) & 255), 2, '0'), lpad(to_hex(i & 255), 2, '0')), 'guests', 1
  from generate_series(0, 200000) i;
SQL
psql -q -d radius_bench -c "update radusergroup set username = upper(username)"
# FreeRADIUS drops privileges to freerad: it must read its config and write its log.
chmod 755 "$WORK"
chown -R freerad:freerad "$R"
freeradius -f -d "$R" -l "$R/freeradius.log" &
PIDS+=($!)
sleep 3
kill -0 "${PIDS[0]}" 2>/dev/null || { echo "FreeRADIUS did not start:"; tail -20 "$R/freeradius.log"; exit 1; }

echo "== Portico"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
PORTICO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/portico_bench" PORTICO_DB_USER=$PGUSER PORTICO_DB_PASSWORD= \
PORTICO_RADIUS_AUTH_PORT=21812 PORTICO_RADIUS_ACCT_PORT=21813 PORTICO_RADIUS_BIND_ADDRESS=127.0.0.1 PORTICO_HTTP_PORT=18080 \
PORTICO_SECRETS_KEY=YmVuY2gtb25seS1rZXktMzItYnl0ZXMtbG9uZy0hISE= PORTICO_BENCH_SECRET=$SECRET \
  "$JAVA" -XX:+UseZGC -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" io.portico.radius.internal.RadiusBenchServer \
  > "$WORK/portico.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 120); do grep -q "BENCH SERVER READY" "$WORK/portico.log" && break; sleep 1; done
grep -q "BENCH SERVER READY" "$WORK/portico.log" || { tail -50 "$WORK/portico.log"; exit 1; }

run() { # label authport acctport sessionsfile
  "$JAVA" bench/RadiusLoad.java --label "$1" --auth-port "$2" --acct-port "$3" --secret "$SECRET" --nas-id bench \
    --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_RUN" --sessions-file "$4" --run-id "$1"
}
echo "== load"
run freeradius 31812 31813 "$WORK/fr-sessions.txt" | tee "$WORK/fr.md"
run portico 21812 21813 "$WORK/portico-sessions.txt" | tee "$WORK/portico.md"

# Zero lost or duplicated accounting records: every acknowledged Start is exactly one row.
check() { # db table column file prefix
  local acked missing dup
  sort -u "$4" > "$4.sorted"
  acked=$(wc -l < "$4.sorted")
  missing=$(psql -tA -d "$1" -c "create temp table acked (s varchar(253))" -c "\\copy acked from '$4.sorted'" \
    -c "select count(*) from acked a where not exists (select 1 from $2 t where t.$3 = a.s)" | tail -1)
  dup=$(psql -tA -d "$1" -c "select count(*) from (select $3 from $2 where $3 like '$5-%' group by $3 having count(*) > 1) d")
  echo "$acked acknowledged Starts, $missing of them missing, $dup sessions stored more than once"
}
FR_CHECK=$(check radius_bench radacct acctsessionid "$WORK/fr-sessions.txt" freeradius)
PT_CHECK=$(check portico_bench radius_accounting session_id "$WORK/portico-sessions.txt" portico)

ratios=$(awk -F'|' 'NR==FNR && $3 ~ /(auth|acct)/ {fr[$3 $4]=$5; next} $3 ~ /(auth|acct)/ && fr[$3 $4] > 0 {
  gsub(/ /, "", $3); gsub(/ /, "", $4); printf "| %s | %s | %.2f× |\n", $3, $4, $5 / fr[" " $3 " " " " $4 " "] }' "$WORK/fr.md" "$WORK/portico.md")

{
  echo "## RADIUS"
  echo
  echo "One run of \`bench/freeradius-compare.sh\` on $(nproc) cores, $(date -u +%Y-%m-%d), ${SECONDS_PER_RUN} s per row."
  echo "FreeRADIUS: ${FR_VERSION:-3.2} with rlm_sql (rlm_sql_postgresql, stock schema and queries, detail/unix accounting off);"
  echo "Portico: the application wired to its domain (RadiusBenchServer): the real guest authorizer (unknown devices recorded and rejected) and accounting into \`radius_accounting\` and the connections."
  echo "Both on the same PostgreSQL; the load generator, both servers and PostgreSQL share the machine."
  echo
  cat "$WORK/fr.md"
  tail -n +3 "$WORK/portico.md"
  echo
  echo "Portico ÷ FreeRADIUS (requests/s):"
  echo
  echo "| kind | concurrency | ratio |"
  echo "|---|---:|---:|"
  echo "$ratios"
  echo
  echo "Accounting records: FreeRADIUS $FR_CHECK; Portico $PT_CHECK."
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
