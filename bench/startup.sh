#!/usr/bin/env bash
# Benchmark: time from `java` to the first /actuator/health answering UP, for Portico on a fresh
# H2 database (no demo data) and for a minimal Spring Boot application (web + actuator, the same
# Spring Boot version, built by this script in a temporary directory), on the same JVM. Runs are
# interleaved (minimal, then each Portico variant, STARTUP_RUNS times) so that a busy machine
# slows every variant alike; prints each run, the medians and each variant's ratio to the minimal
# application's median.
#
# Usage: bench/startup.sh
# Environment:
#   STARTUP_RUNS      runs per variant (default 5)
#   STARTUP_JAR       Portico's jar (default target/portico.jar; built when missing)
#   STARTUP_VARIANTS  Portico variants, `name=command` separated by `;`; the command is run from a
#                     fresh directory (so ./data is empty), with $JAR for the jar and $JAVA for
#                     java. Default: "jar=$JAVA -jar $JAR;launcher=$ROOT/bin/portico" (the documented
#                     ways to start it; bin/portico's one-off training start is done before timing).
#   STARTUP_PORT      HTTP port (default 18181)
#   JAVA_HOME         the JVM (default: the newest JDK 21+ under /usr/lib/jvm)
set -euo pipefail

RUNS=${STARTUP_RUNS:-5}
PORT=${STARTUP_PORT:-18181}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d)

if [[ -z "${JAVA_HOME:-}" ]]; then
    for jdk in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME=$jdk; break; fi
    done
fi
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
JAR=${STARTUP_JAR:-$ROOT/target/portico.jar}
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B -ntp package -DskipTests)
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
export JAVA JAR ROOT

APP_PID=
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# ---- the minimal application ----------------------------------------------------------------
BOOT_VERSION=$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml")
MIN=$WORK/minimal
mkdir -p "$MIN/src/main/java/bench"
cat > "$MIN/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$BOOT_VERSION</version>
    <relativePath/>
  </parent>
  <groupId>bench</groupId>
  <artifactId>minimal</artifactId>
  <version>1</version>
  <properties><java.version>21</java.version></properties>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
  </dependencies>
  <build>
    <finalName>minimal</finalName>
    <plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins>
  </build>
</project>
EOF
cat > "$MIN/src/main/java/bench/MinimalApplication.java" <<'EOF'
package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MinimalApplication {
    public static void main(String[] args) {
        SpringApplication.run(MinimalApplication.class, args);
    }
}
EOF
echo "== building the minimal Spring Boot $BOOT_VERSION application (web + actuator)"
(cd "$ROOT" && ./mvnw -q -B -ntp -o -f "$MIN/pom.xml" package -DskipTests) || (cd "$ROOT" && ./mvnw -q -B -ntp -f "$MIN/pom.xml" package -DskipTests)
export MINIMAL_JAR=$MIN/target/minimal.jar

# ---- timing ---------------------------------------------------------------------------------
VARIANTS=${STARTUP_VARIANTS:-"jar=\$JAVA -jar \$JAR;launcher=\$ROOT/bin/portico"}
NAMES=(minimal)
COMMANDS=("\$JAVA -jar \$MINIMAL_JAR")
IFS=';' read -ra PAIRS <<< "$VARIANTS"
for pair in "${PAIRS[@]}"; do
    NAMES+=("${pair%%=*}")
    COMMANDS+=("${pair#*=}")
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts a command in a fresh directory and prints the milliseconds until health answers UP.
time_start() {
    local command=$1 dir
    dir=$(mktemp -d "$WORK/run.XXXX")
    local start end
    start=$(now_ms)
    (cd "$dir" && PORTICO_HTTP_PORT=$PORT SERVER_PORT=$PORT PORTICO_RADIUS_AUTH_PORT=0 PORTICO_RADIUS_ACCT_PORT=0 \
        exec bash -c "exec $command" > "$dir/out.log" 2>&1) &
    APP_PID=$!
    until curl -sf -m 1 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "start failed: $command" >&2
            tail -20 "$dir/out.log" >&2
            exit 1
        fi
        sleep 0.02
    done
    end=$(now_ms)
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    rm -rf "$dir"
    echo $(( end - start ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# A launcher's one-off preparation (bin/portico extracts the jar and trains its AOT cache on the
# first start), done once before timing, as an operator's first start would.
for i in "${!NAMES[@]}"; do
    if [[ "${COMMANDS[$i]}" == *bin/portico* ]]; then
        echo "== preparing ${NAMES[$i]} (one-off)"
        time_start "${COMMANDS[$i]}" > /dev/null
    fi
done

declare -A TIMES
echo "== $RUNS runs each on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
for run in $(seq 1 "$RUNS"); do
    line="run $run:"
    for i in "${!NAMES[@]}"; do
        ms=$(time_start "${COMMANDS[$i]}")
        TIMES[${NAMES[$i]}]+="$ms "
        line+=" ${NAMES[$i]} ${ms} ms"
    done
    echo "$line"
done
echo "== medians (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
BASE=$(tr ' ' '\n' <<< "${TIMES[minimal]}" | grep . | median)
for name in "${NAMES[@]}"; do
    m=$(tr ' ' '\n' <<< "${TIMES[$name]}" | grep . | median)
    printf '%-10s median %6d ms  %5.2fx minimal   runs: %s\n' "$name" "$m" "$(awk "BEGIN {print $m / $BASE}")" "${TIMES[$name]}"
done
