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
# SERVICE_JAR: another build's quarkus-run.jar instead of the module's (a comparison with an earlier commit).
start_service() {
  local module=$1 port=$2 db=$3; shift 3
  mkdir -p "$ROOT/bench/results"
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MALLOC_ARENA_MAX=2 java ${BENCH_JAVA_OPTS:-$(jvm_options "$module")} -Dquarkus.profile=local -Dquarkus.http.port="$port" "$@" \
    -jar "${SERVICE_JAR:-$ROOT/$module/target/quarkus-app/quarkus-run.jar}" > "$ROOT/bench/results/$module-$port.log" 2>&1 &
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

# curl_batch FILE: runs every request of a curl config file over one kept-alive connection, printing
# how many answers had each status code
curl_batch() { curl -sS -K <(sed '$ d' "$1") | sort | uniq -c | tr '\n' ' '; }
# post_cfg URL JSON: one POST (with the header in $AUTH) as a curl config block; the answer's body is
# dropped and its status code printed, unless KEEP_BODY=1 (then the body is printed, one per line)
post_cfg() {
  if [ "${KEEP_BODY:-0}" = 1 ]; then
    printf 'url = "%s"\nrequest = "POST"\nheader = "%s"\nheader = "Content-Type: application/json"\nwrite-out = "\\n"\ndata = "%s"\nnext\n' \
      "$1" "$AUTH" "${2//\"/\\\"}"
  else
    printf 'url = "%s"\nrequest = "POST"\nheader = "%s"\nheader = "Content-Type: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\ndata = "%s"\nnext\n' \
      "$1" "$AUTH" "${2//\"/\\\"}"
  fi
}

# prepare_bench: $RESULTS (bench/results) made, wrk and bc installed, PostgreSQL and Kafka up
prepare_bench() {
  RESULTS=$ROOT/bench/results
  mkdir -p "$RESULTS"
  need wrk wrk
  need bc bc
  "$ROOT/deploy/local/infra" ensure >/dev/null
}

# ---- a whole set of N instances, apart from a developer's local set (the load and fault suites) ----
# Ports: service base + 100 × instance (documents 19081, 19181, …; plans 19082…; reports 19083…),
# gateway 19080 with every instance of a service in its route. Databases *_bench (fresh), topics and
# consumer groups of this run's own (prefix bench.<time>., topics deleted by stop_set), so neither a
# developer's local set nor an earlier run is read. Logs bench/results/<module>-<port>.log.
SET_PREFIX=bench.$(date +%s).
SET_GATEWAY=http://127.0.0.1:19080
declare -A SET_PIDS=()      # "<module>:<instance>" -> pid
SET_MODULES=(governance-docs-service action-plan-service reporting-service)
declare -A SET_BASE=([governance-docs-service]=19081 [action-plan-service]=19082 [reporting-service]=19083)
declare -A SET_DB=([governance-docs-service]=governance_docs_bench [action-plan-service]=action_plan_bench_set
                   [reporting-service]=reporting_bench_set)

set_port() { echo $(( ${SET_BASE[$1]} + 100 * $2 )); }

# set_options MODULE: the Java options that put one instance of MODULE on the set's topics and groups
set_options() {
  local o="-Dgovernance.outbox.topic-prefix=$SET_PREFIX"
  case $1 in
    action-plan-service) o+=" -Dmp.messaging.incoming.governance-documents.topic=${SET_PREFIX}governance.documents"
      o+=" -Dmp.messaging.incoming.governance-documents.group.id=${SET_PREFIX}action-plan-service" ;;
    reporting-service) o+=" -Dmp.messaging.incoming.governance-documents.topic=${SET_PREFIX}governance.documents"
      o+=" -Dmp.messaging.incoming.actionplan-plans.topic=${SET_PREFIX}actionplan.plans -DREPORTING_CONSUMER_GROUP=${SET_PREFIX}reporting-service" ;;
  esac
  echo "$o"
}

# start_instance MODULE I: starts instance I (0-based) of MODULE and waits until it is ready
start_instance() {
  local port; port=$(set_port "$1" "$2")
  # shellcheck disable=SC2046
  start_service "$1" "$port" "${SET_DB[$1]}" $(set_options "$1") || return 1
  SET_PIDS["$1:$2"]=$SERVICE_PID
}

# start_set N [GATEWAY JAVA OPTS...]: fresh databases and topics, N instances of each service, the gateway
start_set() {
  local n=$1 m i urls; shift
  for m in "${SET_MODULES[@]}"; do build_if_needed "$m"; fresh_db "${SET_DB[$m]}"; done
  build_if_needed gateway
  for m in "${SET_MODULES[@]}"; do
    for ((i = 0; i < n; i++)); do start_instance "$m" "$i" || return 1; done
  done
  for m in "${SET_MODULES[@]}"; do
    urls=""; for ((i = 0; i < n; i++)); do urls+="${urls:+,}http://127.0.0.1:$(set_port "$m" "$i")"; done
    case $m in governance-docs-service) export DOCS_SERVICE_URL=$urls ;; action-plan-service) export PLANS_SERVICE_URL=$urls ;;
      reporting-service) export REPORTS_SERVICE_URL=$urls ;; esac
  done
  READY_PATH=/q/health/ready start_service gateway 19080 unused "$@" || return 1
  SET_PIDS["gateway:0"]=$SERVICE_PID
}

# stop_set: stops every process start_set started
stop_set() {
  local k
  for k in "${!SET_PIDS[@]}"; do kill "${SET_PIDS[$k]}" 2>/dev/null || true; done
  for k in "${!SET_PIDS[@]}"; do wait "${SET_PIDS[$k]}" 2>/dev/null || true; done
  local t
  for t in governance.documents actionplan.plans; do
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --delete --if-exists \
      --topic "$SET_PREFIX$t" >/dev/null 2>&1 || true
  done
}

# kafka_tool CLASS ARGS...: runs one of the Kafka tools from the jars deploy/local/infra resolved
kafka_tool() {
  local kafka; kafka=$(ls -d "${GOVERNANCE_CACHE:-$HOME/.cache/governance-local}"/kafka-* | sort -V | tail -1)
  java -cp "$kafka/libs/*" "$@"
}
