# Sourced by the RADIUS benchmarks (bench/freeradius-compare.sh, bench/radius-jar-bench.sh): FreeRADIUS
# 3.2 with rlm_sql on PostgreSQL, installed with apt when missing and configured in a scratch copy of
# the stock configuration, so every benchmark compares against the same FreeRADIUS.
#
#   fr_install                          # apt-get the packages when missing (needs root); sets FR_VERSION
#   fr_database DB                      # recreates DB with the stock schema and group "guests"
#   fr_start WORK DB SECRET AUTH ACCT   # starts FreeRADIUS (config in WORK/raddb); sets FR_PID, adds it to PIDS
#   check DB TABLE COLUMN PREFIX FILES  # acknowledged accounting Starts (RadiusLoad --sessions-file) against the rows
#
# Group "guests" is the MAC-auth equivalent of a Portico guest with an active plan: Auth-Type Accept
# and the plan's reply attributes; a benchmark puts its devices into radusergroup (group "guests").
# Accounting goes to radacct through rlm_sql only (no detail file, no utmp), so both servers do the
# same work.

# Common settings of both benchmarks: PostgreSQL (PGHOST/PGPORT/PGUSER, trust authentication), the
# shared secret, JAVA (JAVA, else JAVA_HOME's, else the newest JDK 21+ under /usr/lib/jvm), and PIDS,
# the processes killed when the script exits.
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
SECRET=${SECRET:-bench-secret-123}
if [ -z "${JAVA:-}" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java; else
    JAVA=$( (ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/java /usr/lib/jvm/java-2[1-9]*/bin/java 2>/dev/null || true) | sort -V | tail -1)
    JAVA=${JAVA:-java}
  fi
fi
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }

fr_install() {
  need psql postgresql-client
  need freeradius freeradius
  need radclient freeradius-utils
  [ -e /usr/lib/freeradius/rlm_sql_postgresql.so ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq freeradius-postgresql >/dev/null
  FR_VERSION=$(freeradius -v 2>/dev/null | head -1 || true)
}

fr_database() { # db
  psql -q -d postgres -c "drop database if exists $1" -c "create database $1"
  psql -q -d "$1" -f /etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql
  psql -q -d "$1" <<SQL
insert into radgroupcheck (groupname, attribute, op, value) values ('guests', 'Auth-Type', ':=', 'Accept');
insert into radgroupreply (groupname, attribute, op, value) values
  ('guests', 'Session-Timeout', ':=', '3600'), ('guests', 'Idle-Timeout', ':=', '600'),
  ('guests', 'Acct-Interim-Interval', ':=', '300'), ('guests', 'WISPr-Bandwidth-Max-Up', ':=', '10000000'),
  ('guests', 'WISPr-Bandwidth-Max-Down', ':=', '50000000'), ('guests', 'Mikrotik-Rate-Limit', ':=', '10M/50M');
SQL
}

fr_start() { # work db secret authport acctport
  local work=$1 db=$2 secret=$3 authport=$4 acctport=$5 R=$1/raddb
  cp -a /etc/freeradius/3.0 "$R"
  # stock default: first listen block auth (port 0 = 1812), second acct; give them our ports
  awk -v a="$authport" -v c="$acctport" 'BEGIN{n=0} /^\s*port = / && n<4 {n++; if(n==1||n==3){sub(/=.*/,"= " a)} else {sub(/=.*/,"= " c)}} {print}' \
    "$R/sites-available/default" > "$R/default.tmp" && mv "$R/default.tmp" "$R/sites-available/default"
  rm -f "$R/sites-enabled/inner-tunnel" "$R/sites-enabled/default"
  ln -s ../sites-available/default "$R/sites-enabled/default"
  sed -i -e '/^accounting {/,/^}/{s/^\s*detail$/#detail/;s/^\s*unix$/#unix/}' "$R/sites-available/default"
  cat > "$R/clients.conf" <<CONF
client bench {
    ipaddr = 127.0.0.1
    secret = $secret
    require_message_authenticator = yes
}
CONF
  sed -e 's/dialect = "sqlite"/dialect = "postgresql"/' -e 's/driver = "rlm_sql_null"/driver = "rlm_sql_${dialect}"/' \
      -e 's/^\s*#\s*server = "localhost"/\tserver = "'"$PGHOST"'"/' -e 's/^\s*#\s*port = 3306/\tport = '"$PGPORT"'/' \
      -e 's/^\s*#\s*login = "radius"/\tlogin = "'"$PGUSER"'"/' -e 's/^\s*#\s*password = "radpass"/\tpassword = ""/' \
      -e 's/radius_db = "radius"/radius_db = "'"$db"'"/' "$R/mods-available/sql" > "$R/mods-enabled/sql"
  # FreeRADIUS drops privileges to freerad: it must read its config and write its log.
  chmod 755 "$work"
  chown -R freerad:freerad "$R"
  freeradius -f -d "$R" -l "$R/freeradius.log" &
  FR_PID=$!
  PIDS+=("$FR_PID")
  sleep 3
  kill -0 "$FR_PID" 2>/dev/null || { echo "FreeRADIUS did not start:"; tail -20 "$R/freeradius.log"; exit 1; }
}

# Zero lost or duplicated accounting records: every acknowledged Start (session ids "<prefix>-...")
# is exactly one row of TABLE (COLUMN holds the Acct-Session-Id). Needs WORK.
check() { # db table column prefix sessionsfiles...
  local db=$1 table=$2 column=$3 prefix=$4 acked missing dup; shift 4
  cat "$@" | sort -u > "$WORK/$prefix.sessions.sorted"
  acked=$(wc -l < "$WORK/$prefix.sessions.sorted")
  missing=$(psql -tA -d "$db" -c "create temp table acked (s varchar(253))" -c "\\copy acked from '$WORK/$prefix.sessions.sorted'" \
    -c "select count(*) from acked a where not exists (select 1 from $table t where t.$column = a.s)" | tail -1)
  dup=$(psql -tA -d "$db" -c "select count(*) from (select $column from $table where $column like '$prefix-%' group by $column having count(*) > 1) d")
  echo "$acked acknowledged Starts, $missing of them missing, $dup sessions stored more than once"
}
