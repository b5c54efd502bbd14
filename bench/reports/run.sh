#!/usr/bin/env bash
# Benchmark of reporting-service (issue 5). Prints figures; asserts nothing.
#
#   bench/reports/run.sh [SECONDS] [RATE]      (defaults: 30 s at 200 writes/s)
#
# Needs PostgreSQL and Kafka up (deploy/local/infra ensure; this script runs it); builds the two
# services if their jars are missing. Both run on their own ports against fresh databases and with
# their own topics (bench.actionplan.plans, ...) and consumer groups, so a running development set and the
# tests' consumers are left alone.
#   1. Event propagation: after a warm-up ramp (WARMUP_SECONDS, default 40, each at RATE/4, RATE/2, RATE;
#      drained before measuring), action-plan-service (:18082) takes RATE progress updates/s for SECONDS
#      (wrk with bench/reports/load.lua: a fixed rate); reporting-service (:18083) consumes actionplan.plans.
#      Per event: applied_at in reporting-service's event log minus the event's CloudEvents time
#      (stamped by the plans service's outbox in the writing transaction, i.e. just before commit).
#   2. Compile: a plan of 1,000 measures, 10,000 updates and 5,000 documents written straight into
#      reporting-service's event log (load-compile-data.sql); times POST /api/v1/reports (rebuild as
#      of the date + compile + store, JSON answer) and GET of the draft as PDF (render from HTML), in
#      COMPILE_ROUNDS rounds (default 4; more show the steady state after JIT warm-up), then finalize.
#      Prints the median compile after the first (warm-up) round and a SHA-256 of the report's sections: the plan's
#      id and its events' ids and times are fixed, so the same compiler gives the same hash on every run.
#      COMPILE_PDF=0 leaves out the PDF between compiles (compiles in a row, without the PDF's garbage).
# PLANS_OPTS / REPORTS_OPTS: JVM options added to one service's (a profiler agent, GC logging).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
SECONDS_OF_LOAD=${1:-30}
RATE=${2:-200}
WARMUP_SECONDS=${WARMUP_SECONDS:-40}
MEASURES=100   # writes spread over this many measures (each write locks its measure)
HERE=$ROOT/bench/reports
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS"
RUN=$(date +%s)
PLANS_DB=action_plan_bench
REPORTS_DB=reporting_bench
need bc bc
need jq jq
need wrk wrk
"$ROOT/deploy/local/infra" ensure >/dev/null

for module in action-plan-service reporting-service; do
  [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] ||
    (cd "$ROOT" && ./mvnw -B -q -pl "$module" package -DskipTests)
done
fresh_db $PLANS_DB
fresh_db $REPORTS_DB
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
# Own consumer groups starting at the end of the topics: only this run's events count.
start_service action-plan-service 18082 $PLANS_DB ${PLANS_OPTS:-} -Dgovernance.outbox.topic-prefix=bench. \
  -Dmp.messaging.incoming.governance-documents.topic=bench.governance.documents \
  -Dmp.messaging.incoming.governance-documents.group.id=bench-plans-$RUN \
  -Dmp.messaging.incoming.governance-documents.auto.offset.reset=latest
PIDS+=("$SERVICE_PID")
start_service reporting-service 18083 $REPORTS_DB ${REPORTS_OPTS:-} \
  -Dgovernance.outbox.topic-prefix=bench. -Dmp.messaging.incoming.governance-documents.topic=bench.governance.documents \
  -Dmp.messaging.incoming.actionplan-plans.topic=bench.actionplan.plans \
  -Dmp.messaging.incoming.governance-documents.group.id=bench-reports-$RUN \
  -Dmp.messaging.incoming.actionplan-plans.group.id=bench-reports-$RUN \
  -Dmp.messaging.incoming.governance-documents.auto.offset.reset=latest \
  -Dmp.messaging.incoming.actionplan-plans.auto.offset.reset=latest
PIDS+=("$SERVICE_PID")

ADMIN=$("$ROOT/deploy/local/token" admin --sub bench)
# Load: wrk at a fixed rate (bench/reports/load.lua); a JVM client took as much CPU as the service.
load() { # RATE SECONDS [ACKS FILE]
  LOAD_RATE=$1 LOAD_PLAN=$plan LOAD_MEASURES=$(IFS=,; echo "${measures[*]}") LOAD_TOKEN=$ADMIN LOAD_ACKS=${3:-} \
    wrk -t1 -c32 -d"$2"s --timeout 10s -s "$HERE/load.lua" "$PLANS"
}
PLANS=http://127.0.0.1:18082
REPORTS=http://127.0.0.1:18083
psql_reports() { psql -h 127.0.0.1 -U governance -d $REPORTS_DB -At "$@"; }

echo "== machine: $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg) before the run"
echo "== 1. event propagation: $RATE writes/s to action-plan-service for $SECONDS_OF_LOAD s"
plan=$(curl -fs -X POST "$PLANS/api/v1/plans" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"title":"Bänkplan","ownerUnit":"HR-avdelningen","decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183"}}' | jq -r .id)
measures=()
for i in $(seq 1 $MEASURES); do
  measures+=("$(curl -fs -X POST "$PLANS/api/v1/plans/$plan/measures" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' \
    -d "{\"code\":\"$i\",\"title\":\"Åtgärd $i\",\"responsibleUnit\":\"HR-avdelningen\",\"startDate\":\"2022-09-01\"}" | jq -r .id)")
done
# the consumer is assigned and caught up once the plan and its 20 measures are in the read model
for _ in $(seq 1 240); do
  n=$(psql_reports -c "select count(*) from event_log where plan_id = '$plan'")
  [ "$n" -ge $((MEASURES + 1)) ] && break
  sleep 0.5
done
# Warm-up: both JVMs start cold, and a cold JIT spends as much CPU compiling as the service spends
# serving (measured: 14 ms of CPU per write cold, 3.3 ms warm). Ramp up at a quarter, half and the full
# rate (discarded), then let the backlog drain, so the measurement sees the services as they run.
for share in 4 2 1; do
  load $((RATE / share)) "$WARMUP_SECONDS" >/dev/null
done
for _ in $(seq 1 240); do
  written=$(psql -h 127.0.0.1 -U governance -d $PLANS_DB -At -c "select count(*) from event_outbox where event_type = 'actionplan.progress.reported'")
  n=$(psql_reports -c "select count(*) from event_log where plan_id = '$plan' and type = 'actionplan.progress.reported'")
  [ "$n" -ge "$written" ] && break
  sleep 0.5
done
echo "   warm-up: $WARMUP_SECONDS s each at $((RATE / 4)), $((RATE / 2)) and $RATE writes/s ($written writes), drained"
start_ts=$(psql_reports -c "select now()")
warm=$written
# Where the CPU goes while measuring: each process's user + kernel time per write (from /proc)
PG_PIDS=$(pgrep -u postgres | tr '\n' ' ')
KAFKA_PIDS=$(pgrep -f 'kafka\.Kafka|kafka-server|KafkaRaftServer' | tr '\n' ' ')
p0=$(ticks "${PIDS[0]}"); r0=$(ticks "${PIDS[1]}"); g0=$(ticks $PG_PIDS); k0=$(ticks $KAFKA_PIDS); m0=$(busy_ticks); t0=$(date +%s.%N)
rm -f "$RESULTS/acks.csv"
load "$RATE" "$SECONDS_OF_LOAD" "$RESULTS/acks.csv" | grep '^   sent' &
LOAD_PID=$!
l1=0
while kill -0 $LOAD_PID 2>/dev/null; do
  l=$(ticks $(pgrep -x wrk)); [ "$l" -gt "$l1" ] && l1=$l
  sleep 0.5
done
wait $LOAD_PID
p1=$(ticks "${PIDS[0]}"); r1=$(ticks "${PIDS[1]}"); g1=$(ticks $PG_PIDS); k1=$(ticks $KAFKA_PIDS); m1=$(busy_ticks); t1=$(date +%s.%N)
expected=$(psql -h 127.0.0.1 -U governance -d $PLANS_DB -At -c "select count(*) from event_outbox where event_type = 'actionplan.progress.reported'")
for _ in $(seq 1 120); do
  n=$(psql_reports -c "select count(*) from event_log where plan_id = '$plan' and type = 'actionplan.progress.reported'")
  [ "$n" -ge "$expected" ] && break
  sleep 0.5
done
echo "   measured: progress events written by the plans service: $((expected - warm)); applied by reporting-service: $((n - warm))"
HZ=$(getconf CLK_TCK)
per_write() { echo "scale=2; $1 * 1000 / $HZ / $((expected - warm))" | bc; }
echo "   CPU per write (ms, user + kernel): plans service $(per_write $((p1 - p0))), reporting-service $(per_write $((r1 - r0)))," \
  "PostgreSQL $(per_write $((g1 - g0))), Kafka $(per_write $((k1 - k0))), load generator $(per_write "$l1");" \
  "machine busy $(echo "scale=0; ($m1 - $m0) * 100 / $HZ / $(nproc) / ($t1 - $t0)" | bc) % of $(nproc) cores"
psql_reports -F ' ' -c "
  with l as (select extract(epoch from applied_at - event_time) * 1000 ms from event_log
             where plan_id = '$plan' and type = 'actionplan.progress.reported' and applied_at >= '$start_ts')
  select '   event time (stamped in the writing transaction) -> applied (ms): p50 '
      || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
      || '  p99 ' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
      || '  max ' || round(max(ms)::numeric, 1) || '  (n=' || count(*) || ')' from l"
# commit -> applied: the 201 of the write (it answers after its commit) to applied_at, joined on the update id
psql_reports -q -c "create table if not exists bench_ack (update_id text primary key, acked_epoch double precision)"
psql_reports -q -c "truncate bench_ack"
psql_reports -q -c "\\copy bench_ack from '$RESULTS/acks.csv' with (format csv)"
psql_reports -F ' ' -c "
  with l as (select (extract(epoch from e.applied_at) - a.acked_epoch) * 1000 ms from event_log e
             join bench_ack a on a.update_id = e.data -> 'update' ->> 'id' where e.plan_id = '$plan')
  select '   write answered 201 (committed) -> applied (ms): p50 '
      || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
      || '  p99 ' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
      || '  max ' || round(max(ms)::numeric, 1) || '  (n=' || count(*) || '; negative = applied before the HTTP answer arrived)' from l"

# where the time goes: the plans service's outbox (event time -> its relay took the row) and the
# rest (relay -> broker -> reporting-service consumer -> applied); published_at is the relay's batch start
psql -h 127.0.0.1 -U governance -d $PLANS_DB -q -c "\\copy (select event_id, occurred_at, published_at from event_outbox where event_type = 'actionplan.progress.reported') to '$RESULTS/outbox.csv' with (format csv)"
psql_reports -q -c "create table if not exists bench_outbox (event_id text primary key, occurred_at timestamptz, published_at timestamptz)"
psql_reports -q -c "truncate bench_outbox"
psql_reports -q -c "\\copy bench_outbox from '$RESULTS/outbox.csv' with (format csv)"
psql_reports -F ' ' -c "
  with l as (select extract(epoch from o.published_at - o.occurred_at) * 1000 relay,
                    extract(epoch from e.applied_at - o.published_at) * 1000 rest
             from event_log e join bench_outbox o on o.event_id = e.event_id
             where e.plan_id = '$plan' and e.applied_at >= '$start_ts')
  select '   of which event time -> plans relay picked it up (ms): p50 ' || round(percentile_cont(0.5) within group (order by relay)::numeric, 1)
      || '  p99 ' || round(percentile_cont(0.99) within group (order by relay)::numeric, 1)
      || '; relay -> broker -> applied here: p50 ' || round(percentile_cont(0.5) within group (order by rest)::numeric, 1)
      || '  p99 ' || round(percentile_cont(0.99) within group (order by rest)::numeric, 1) from l"

echo "== 2. compile a plan of 1,000 measures, 10,000 updates, 5,000 documents"
big=bench-plan-1000 # a fixed id in a fresh database: the sections' hash compares compilers across runs
start=$(date +%s.%N)
psql -h 127.0.0.1 -U governance -d $REPORTS_DB -q -v plan="$big" -f "$HERE/load-compile-data.sql"
# the same event ids and times on every load
psql_reports -q -c "update event_log e set event_id = md5('bench-' || o.n)::uuid::text,
    event_time = timestamptz '2024-03-01 09:30:00.123456+00' + o.n * interval '1 second'
  from (select seq, row_number() over (order by seq) n from event_log
        where plan_id = '$big' or topic = 'governance.documents') o where o.seq = e.seq"
# statistics and hint bits as a log in use has them (autovacuum would get there within a minute or so): the
# first reads of just-loaded rows otherwise write them, and the planner guesses without statistics
psql_reports -q -c "vacuum analyze event_log"
echo "   event log loaded in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s ($(psql_reports -c "select count(*) from event_log where plan_id = '$big' or topic = 'governance.documents'") events)"
REPORTER=$("$ROOT/deploy/local/token" reporter --sub bench)
body="{\"planId\":\"$big\",\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-08-31\",\"asOf\":\"2023-08-31\",\"title\":\"Uppföljning\",\"compiledBy\":\"bench\"}"
compiles=()
hashes=()
for round in $(seq 1 "${COMPILE_ROUNDS:-4}"); do
  out=$(curl -s -o "$RESULTS/report.json" -w '%{http_code} %{time_total}' -X POST "$REPORTS/api/v1/reports" \
    -H "Authorization: Bearer $REPORTER" -H 'Content-Type: application/json' -d "$body")
  id=$(jq -r .id "$RESULTS/report.json")
  [ "$round" -gt 1 ] && compiles+=("${out#* }")
  hashes+=("$(jq -c .sections "$RESULTS/report.json" | sha256sum | cut -c1-64)")
  json=$(curl -s -o /dev/null -w '%{time_total}' "$REPORTS/api/v1/reports/$id" -H "Authorization: Bearer $REPORTER" -H 'Accept: application/json')
  pdf="left out (COMPILE_PDF=0)"
  [ "${COMPILE_PDF:-1}" = 0 ] ||
    pdf=$(curl -s -o "$RESULTS/report.pdf" -w '%{time_total} s, %{size_download} bytes [%{http_code}]' "$REPORTS/api/v1/reports/$id" \
      -H "Authorization: Bearer $REPORTER" -H 'Accept: application/pdf')
  echo "   round $round: compile (POST, JSON answer) ${out#* } s [${out%% *}]; GET JSON $json s; GET PDF $pdf"
done
echo "   (round 1 includes JIT warm-up; JSON answer $(stat -c %s "$RESULTS/report.json") bytes)"
[ ${#compiles[@]} -gt 0 ] &&
  echo "   compile median after warm-up: $(printf '%s\n' "${compiles[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s" \
    "(${#compiles[@]} rounds)"
echo "   sections sha256 $(printf '%s\n' "${hashes[@]}" | sort -u | paste -sd' ')" \
  "$( [ "$(printf '%s\n' "${hashes[@]}" | sort -u | wc -l)" = 1 ] && echo '(the same in every round)' || echo '(DIFFERS between rounds)')"
# finalize the last draft: every format rendered once and stored (the PDF too), then the frozen bytes answered
fin=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "$REPORTS/api/v1/reports/$id/finalize" -H "Authorization: Bearer $REPORTER")
frozen=$(curl -s -o /dev/null -w '%{time_total}' "$REPORTS/api/v1/reports/$id" -H "Authorization: Bearer $REPORTER" -H 'Accept: application/pdf')
echo "   finalize (all four formats rendered and stored) ${fin#* } s [${fin%% *}]; GET of the frozen PDF $frozen s"
