#!/usr/bin/env bash
# Benchmark of governance-docs-service (issue 3). Prints figures; asserts nothing.
#
#   bench/docs/run.sh [DURATION_SECONDS]     (default 15 s per measurement)
#
# Needs PostgreSQL and Kafka up (deploy/local/infra ensure; this script runs it), installs wrk if
# missing, builds the service if its jar is missing. It starts its own copy of the service on port
# 18081 against a fresh database governance_docs_bench, loads 10,000 documents through the CSV import
# endpoint, then measures with wrk at 16 and 64 connections:
#   1. GET /api/v1/documents/{id} (50 ids, round robin)
#   2. a filtered search: GET /api/v1/documents?q=tillit&type=POLICY&status=DRAFT
#   3. the ceiling: pgbench, the same primary-key select on the same table (same 50 ids), same clients
# and prints the service/ceiling ratio and the service's RSS under that load (the service is restarted after the
# bulk import, so the figure is of a service serving reads). The service gets a pool of 24
# connections, so pgbench's 64 clients still fit under PostgreSQL's default max_connections (100).
# The service's outbox relay is off: a benchmark's bulk load must not flood the shared event topics
# (consumers of other services and test runs would have to read it all).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
. "$ROOT/bench/docs/documents.sh"
DURATION=${1:-15}
PORT=18081
DB=governance_docs_bench
prepare_bench
build_if_needed governance-docs-service
fresh_db $DB
start_service governance-docs-service $PORT $DB -Dquarkus.datasource.jdbc.max-size=24 -Dgovernance.outbox.enabled=false
trap 'kill "$SERVICE_PID" 2>/dev/null || true' EXIT
TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
BASE=http://127.0.0.1:$PORT

echo "== loading 10,000 documents through POST /api/v1/documents/import (2 x 5,000 rows)"
start=$(date +%s.%N)
load_documents "$BASE" "$TOKEN"
echo "   loaded in $(echo "$(date +%s.%N) - $start" | bc) s; RSS after the import: $(rss_mb "$SERVICE_PID") MB"
# The measurement is of a service serving reads, not of one that has just held two 5,000-row imports
# (the JVM keeps the memory it took for them): restart it, as any deployment starts it.
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service governance-docs-service $PORT $DB -Dquarkus.datasource.jdbc.max-size=24 -Dgovernance.outbox.enabled=false

ids=$(psql -h 127.0.0.1 -U governance -d $DB -At -c "select id from document order by diary_number limit 50")
lua=$RESULTS/docs-ids.lua
round_robin_lua "$lua" $ids
pgdir=$RESULTS/docs-pgbench
rm -rf "$pgdir"; mkdir -p "$pgdir"
k=0
for id in $ids; do
  echo "select * from document where id = '$id';" > "$pgdir/q$k.sql"; k=$((k + 1))
done
pgargs=(); for f in "$pgdir"/*.sql; do pgargs+=(-f "$f"); done

# What autovacuum does within about a minute of a bulk load: without statistics the planner guesses badly.
psql -h 127.0.0.1 -U governance -d $DB -q -c "analyze document"

echo "== warm-up"
wrk -t2 -c16 -d20s -s "$lua" -H "Authorization: Bearer $TOKEN" "$BASE" >/dev/null
wrk -t2 -c16 -d3s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/documents?q=tillit&type=POLICY&status=DRAFT" >/dev/null

rssfile=$RESULTS/docs-rss.txt; : > "$rssfile"
watch_rss "$SERVICE_PID" "$rssfile" & watcher=$!
printf "\n%-34s %6s %12s %10s %10s\n" "measurement" "conns" "req/s" "p50" "p99"
declare -A RPS
for c in 16 64; do
  read -r rps p50 p99 rest < <(wrk -t2 -c$c -d${DURATION}s --latency -s "$lua" -H "Authorization: Bearer $TOKEN" "$BASE" | wrk_figures)
  RPS[get$c]=$rps
  printf "%-34s %6s %12s %10s %10s %s\n" "service GET /documents/{id}" $c "$rps" "$p50" "$p99" "${rest:-}"
  read -r rps p50 p99 rest < <(wrk -t2 -c$c -d${DURATION}s --latency -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/documents?q=tillit&type=POLICY&status=DRAFT" | wrk_figures)
  printf "%-34s %6s %12s %10s %10s %s\n" "service search q+type+status" $c "$rps" "$p50" "$p99" "${rest:-}"
  out=$("$PG_BIN/pgbench" -h 127.0.0.1 -U governance -n -M prepared -c $c -j 2 -T "$DURATION" "${pgargs[@]}" $DB 2>&1) || echo "pgbench failed: $out" >&2
  tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
  lat=$(echo "$out" | awk '/latency average/ {print $4 $5; exit}')
  RPS[pg$c]=$tps
  printf "%-34s %6s %12s %10s %10s\n" "ceiling pgbench PK select" $c "$tps" "avg $lat" "-"
done
kill $watcher 2>/dev/null || true
echo
for c in 16 64; do
  echo "ratio service/ceiling, GET by id, $c connections: $(echo "scale=2; ${RPS[get$c]} / ${RPS[pg$c]}" | bc)"
done
echo "service RSS under load: max $(sort -n "$rssfile" | tail -1) MB (idle after load: $(rss_mb "$SERVICE_PID") MB; started after the import, JVM options: ${BENCH_JAVA_OPTS:-$(jvm_options governance-docs-service)})"
echo "machine: $(nproc) cores; wrk and pgbench run on the same machine as the service and PostgreSQL"
