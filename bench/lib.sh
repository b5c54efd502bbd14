# Shared helpers of the benchmark scripts (sourced). They print figures; they assert nothing.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export GOVERNANCE_ROOT=$ROOT
. "$ROOT/deploy/local/jvm-options"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

# need TOOL PACKAGE: installs the Debian package when the tool is missing
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -x "$PG_BIN/$1" ] && return 0
  echo "[bench] installing $2" >&2
  apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }
}

# fresh_db NAME: drops and recreates a database owned by the governance role
fresh_db() {
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $1 with (force)" >/dev/null 2>&1 ||
    sudo -u postgres psql -q -c "drop database if exists $1 with (force)" >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "create database $1 owner governance" >/dev/null 2>&1 ||
    sudo -u postgres psql -q -c "create database $1 owner governance" >/dev/null
}

# build_if_needed MODULE: packages the module unless its runnable jar is there
build_if_needed() {
  [ -f "$ROOT/$1/target/quarkus-app/quarkus-run.jar" ] && return 0
  (cd "$ROOT" && ./mvnw -B -q -pl commons,"$1" -am install -DskipTests)
}

# start_service MODULE PORT DB [EXTRA JAVA OPTS...]: starts the jar in the background; sets SERVICE_PID.
# JVM options as the run command uses them (deploy/local/jvm-options; BENCH_JAVA_OPTS replaces them).
# Waits for READY_PATH (default /q/health/ready; the gateway's readiness also needs every service).
start_service() {
  local module=$1 port=$2 db=$3; shift 3
  mkdir -p "$ROOT/bench/results"
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MALLOC_ARENA_MAX=2 java ${BENCH_JAVA_OPTS:-$(jvm_options "$module")} -Dquarkus.profile=local -Dquarkus.http.port="$port" "$@" \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" > "$ROOT/bench/results/$module-$port.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port${READY_PATH:-/q/health/ready}" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "[bench] $module did not become ready; see bench/results/$module-$port.log" >&2
  return 1
}

# ticks PID...: CPU time (user + kernel) the processes have used, in clock ticks (getconf CLK_TCK)
ticks() {
  local t=0 p v
  for p in "$@"; do
    v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue # gone meanwhile
    [ -n "$v" ] && t=$((t + v))
  done
  echo "$t"
}

# busy_ticks: CPU ticks the whole machine spent not idle (all cores), from /proc/stat
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# watch_rss PID FILE: samples the RSS every 0.5 s into FILE until killed
watch_rss() { while kill -0 "$1" 2>/dev/null; do rss_mb "$1" >> "$2"; echo >> "$2"; sleep 0.5; done; }

# wrk_figures: reads `wrk --latency` output on stdin, prints "req/s p50 p99"
wrk_figures() {
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {err=$5}
       END {printf "%s %s %s%s\n", rps, p50, p99, (err ? " non2xx=" err : "")}'
}

# round_robin_lua FILE ID...: a wrk script that GETs /api/v1/documents/{id} over the ids in turn
round_robin_lua() {
  local file=$1; shift
  {
    echo "ids = {"; for id in "$@"; do echo "\"$id\","; done; echo "}"
    cat <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/documents/" .. ids[(counter % #ids) + 1])
end
LUA
  } > "$file"
}

# prepare_bench: $RESULTS (bench/results) made, wrk and bc installed, PostgreSQL and Kafka up
prepare_bench() {
  RESULTS=$ROOT/bench/results
  mkdir -p "$RESULTS"
  need wrk wrk
  need bc bc
  "$ROOT/deploy/local/infra" ensure >/dev/null
}
