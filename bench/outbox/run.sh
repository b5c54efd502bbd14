#!/usr/bin/env bash
# The outbox relay, two ways side by side: copy a as configured, copy b with B_OPTS. Prints figures; asserts nothing.
#
#   B_OPTS='-Dgovernance.outbox.X=Y' bench/outbox/run.sh [SECONDS]
#                                     (default 10 s per measurement; the run takes about two and a half minutes)
#
# Written to judge the relay's gather delay (ADR 0006: B_OPTS=-Dgovernance.outbox.gather=PT0S, measured before the
# delay was removed); without B_OPTS the two copies are the same, a control of the machine's noise.
# Two copies of governance-docs-service, each with its own fresh database, both publishing to the
# bench.governance.documents topic: a on :18121, b on :18122. Load: POST /api/v1/documents (one event each)
# by wrk with bench/outbox/create.lua, the two copies in turn (interleaved), after a warm-up of each:
#   1. fixed rates of 50, 150 and 300 writes/s: per event, commit -> published, i.e. the event's time
#      (stamped in the writing transaction, just before the commit) to published_at (stamped by the relay
#      after the broker acknowledged the batch): p50, p99; events per batch; CPU per write of the service,
#      PostgreSQL and Kafka together (user + kernel, /proc);
#   2. a burst, as fast as 16 connections are answered: writes/s taken, events/s published, events still
#      unpublished when the burst ends and how long they take to leave, commit -> published p50 and p99.
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
DURATION=${1:-10}
HERE=$ROOT/bench/outbox
prepare_bench
build_if_needed governance-docs-service
declare -A PORT=([a]=18121 [b]=18122) DB=([a]=governance_docs_bench_outbox_a [b]=governance_docs_bench_outbox_b)
declare -A OPTS=([a]= [b]="${B_OPTS:-}") PID
WAYS="a b"
echo "== a: as configured; b: ${B_OPTS:-the same (no B_OPTS)}"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for way in $WAYS; do
  fresh_db "${DB[$way]}"
  start_service governance-docs-service "${PORT[$way]}" "${DB[$way]}" -Dgovernance.outbox.topic-prefix=bench. ${OPTS[$way]}
  pids+=("$SERVICE_PID"); PID[$way]=$SERVICE_PID
done
TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
PG_PIDS=$(pgrep -u postgres | tr '\n' ' ')
KAFKA_PIDS=$(pgrep -f 'kafka\.Kafka' | tr '\n' ' ')
HZ=$(getconf CLK_TCK)
sql() { psql -h 127.0.0.1 -U governance -d "${DB[$1]}" -At -F ' ' -c "$2"; }
load() { # WAY RATE SECONDS THREADS: wrk's summary on stdout
  LOAD_RATE=$2 LOAD_PREFIX="$2x$RANDOM$RANDOM" LOAD_TOKEN=$TOKEN \
    wrk -t"$4" -c16 -d"$3"s --timeout 10s -s "$HERE/create.lua" "http://127.0.0.1:${PORT[$1]}"
}
drain() { # WAY: waits until every event is published (at most 30 s); prints the seconds it took
  local t0 n; t0=$(date +%s.%N)
  for _ in $(seq 1 300); do
    n=$(sql "$1" "select count(*) from event_outbox where published_at is null")
    [ "$n" = 0 ] && break
    sleep 0.1
  done
  echo "$(date +%s.%N) - $t0" | bc | cut -c1-4
}
latency() { # WAY FROM TO (epoch seconds): n p50 p99 events-per-batch of the events written in the window
  sql "$1" "select count(*), round((percentile_cont(0.5) within group (order by ms))::numeric, 1),
      round((percentile_cont(0.99) within group (order by ms))::numeric, 1), round(count(*)::numeric / count(distinct published_at), 1)
    from (select extract(epoch from published_at - occurred_at) * 1000 ms, published_at from event_outbox
          where occurred_at between to_timestamp($2) and to_timestamp($3)) l"
}

echo "== warm-up: each copy 2 x 12 s at 150 writes/s, interleaved"
for _ in 1 2; do for way in $WAYS; do load "$way" 150 12 1 >/dev/null; drain "$way" >/dev/null; done; done

echo
echo "== 1. fixed rates, ${DURATION} s each (commit -> published in ms)"
printf "%-4s %6s %7s %8s %8s %12s %14s\n" way rate events p50 p99 "per batch" "CPU ms/write"
declare -A P50 P99
for rate in 50 150 300; do
  for way in $WAYS; do
    c0=$(ticks "${PID[$way]}" $PG_PIDS $KAFKA_PIDS); t0=$(date +%s.%N)
    load "$way" "$rate" "$DURATION" 1 >/dev/null
    t1=$(date +%s.%N); drain "$way" >/dev/null; c1=$(ticks "${PID[$way]}" $PG_PIDS $KAFKA_PIDS)
    read -r n p50 p99 per_batch < <(latency "$way" "$t0" "$t1")
    P50[$way$rate]=$p50; P99[$way$rate]=$p99
    printf "%-4s %6s %7s %8s %8s %12s %14s\n" "$way" "$rate" "$n" "$p50" "$p99" "$per_batch" \
      "$(echo "scale=2; ($c1 - $c0) * 1000 / $HZ / $n" | bc)"
  done
done

echo
echo "== 2. burst: ${DURATION} s as fast as 16 connections are answered"
printf "%-4s %9s %12s %12s %9s %8s %8s %10s\n" way writes/s published/s "left at end" drain-s p50 p99 "per batch"
for way in $WAYS; do
  t0=$(date +%s.%N)
  out=$(load "$way" 0 "$DURATION" 2)
  t1=$(date +%s.%N)
  left=$(sql "$way" "select count(*) from event_outbox where published_at is null")
  published=$(sql "$way" "select count(*) from event_outbox where published_at between to_timestamp($t0) and to_timestamp($t1)")
  secs=$(drain "$way")
  read -r n p50 p99 per_batch < <(latency "$way" "$t0" "$t1")
  printf "%-4s %9s %12s %12s %9s %8s %8s %10s %s\n" "$way" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "scale=0; $published / ($t1 - $t0)" | bc)" "$left" "$secs" "$p50" "$p99" "$per_batch" \
    "$(echo "$out" | awk '/Non-2xx/ {print "non2xx=" $5}')"
done
echo
for rate in 50 150 300; do
  echo "$rate writes/s: commit -> published a/b: p50 $(echo "scale=2; ${P50[a$rate]} / ${P50[b$rate]}" | bc)," \
    "p99 $(echo "scale=2; ${P99[a$rate]} / ${P99[b$rate]}" | bc)"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk, both copies, PostgreSQL and Kafka share them"
