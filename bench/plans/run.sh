#!/usr/bin/env bash
# Benchmark of action-plan-service (issue 4). Prints figures; asserts nothing.
#
#   bench/plans/run.sh [DURATION_SECONDS]     (default 15 s per measurement)
#
# Needs PostgreSQL and Kafka up (deploy/local/infra ensure; this script runs it), installs wrk if
# missing, builds the service if its jar is missing. It starts its own copy of the service on port
# 18092 (18082 is the reporting benchmark's) against a fresh database action_plan_bench (outbox
# relay off, so the benchmark's events do not reach the shared actionplan.plans topic; its own
# consumer group for governance.documents),
# loads through the API one plan with 1,000 measures (100 measures with 9 sub-activities each)
# and 10,000 progress updates (10 per measure), then measures:
#   1. GET /api/v1/plans/{id}/status answered 200 (summary built) vs 304 (If-None-Match), with wrk at
#      16 connections: req/s, p50, p99 and the ratio 304/200;
#   2. paging the change feed through every change (limit 100 and 1000): time, pages/s, items/s.
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
DURATION=${1:-15}
PORT=18092
DB=action_plan_bench
RESULTS=$ROOT/bench/results
MEASURES_TOP=100
SUBS_EACH=9
UPDATES_EACH=10
mkdir -p "$RESULTS"

need wrk wrk
need bc bc
need jq jq
"$ROOT/deploy/local/infra" ensure >/dev/null
build_if_needed action-plan-service
fresh_db $DB
start_service action-plan-service $PORT $DB -Dquarkus.datasource.jdbc.max-size=32 \
  -Dgovernance.outbox.enabled=false \
  -Dmp.messaging.incoming.governance-documents.group.id=action-plan-bench-$$ \
  -Dactionplan.reminders.every=off
trap 'kill $SERVICE_PID 2>/dev/null || true' EXIT
TOKEN=$("$ROOT/deploy/local/token" admin --sub bench --unit HR-avdelningen)
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $TOKEN"

plan=$(curl -sS -X POST "$BASE/api/v1/plans" -H "$AUTH" -H 'Content-Type: application/json' --data-binary \
  '{"title":"Benchmarkplan","ownerUnit":"HR-avdelningen","decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183"}}' \
  | jq -r .id)

total=$((MEASURES_TOP * (SUBS_EACH + 1)))
echo "== loading $total measures through POST /api/v1/plans/{id}/measures"
start=$(date +%s.%N)
cfg=$RESULTS/plans-top.curl; : > "$cfg"
for i in $(seq 1 $MEASURES_TOP); do
  due=$(( i % 3 == 0 ? 2023 : 2031 ))
  post_cfg "$BASE/api/v1/plans/$plan/measures" "{\"code\":\"$i\",\"title\":\"Åtgärd $i\",\"responsibleUnit\":\"HR-avdelningen\",\"weight\":$(( i % 4 + 1 )),\"dueDate\":\"$due-12-31\",\"principles\":[\"TRUST\"]}" >> "$cfg"
done
echo "   top-level: $(curl_batch "$cfg")"
ids=$(curl -sS "$BASE/api/v1/plans/$plan/measures?size=1000" -H "$AUTH" | jq -r '.items[] | "\(.id) \(.code)"')
cfg=$RESULTS/plans-subs.curl; : > "$cfg"
while read -r id code; do
  for s in $(seq 1 $SUBS_EACH); do
    post_cfg "$BASE/api/v1/plans/$plan/measures" "{\"code\":\"$code.$s\",\"title\":\"Delaktivitet $code.$s\",\"responsibleUnit\":\"HR-avdelningen\",\"parentId\":\"$id\",\"weight\":$(( s % 3 + 1 ))}" >> "$cfg"
  done
done <<< "$ids"
echo "   sub-activities: $(curl_batch "$cfg")"
t=$(echo "$(date +%s.%N) - $start" | bc)
echo "   $total measures in ${t} s ($(echo "scale=1; $total / $t" | bc) /s)"

echo "== loading $((total * UPDATES_EACH)) progress updates through POST .../measures/{mid}/updates"
all=$(curl -sS "$BASE/api/v1/plans/$plan/measures?size=1000" -H "$AUTH" | jq -r '.items[].id')
cfg=$RESULTS/plans-updates.curl; : > "$cfg"
for k in $(seq 1 $UPDATES_EACH); do
  status=IN_PROGRESS
  printf -v month %02d "$k"
  for id in $all; do
    post_cfg "$BASE/api/v1/plans/$plan/measures/$id/updates" "{\"date\":\"2023-$month-15\",\"status\":\"$status\",\"progress\":$(( k * 9 )),\"text\":\"Lägesrapport $k\",\"obstacles\":\"Inga\",\"nextSteps\":\"Fortsätter\"}" >> "$cfg"
  done
done
start=$(date +%s.%N)
echo "   $(curl_batch "$cfg")"
t=$(echo "$(date +%s.%N) - $start" | bc)
echo "   $((total * UPDATES_EACH)) updates in ${t} s ($(echo "scale=1; $((total * UPDATES_EACH)) / $t" | bc) /s, one connection)"

STATUS_URL="$BASE/api/v1/plans/$plan/status"
etag=$(curl -sS -D - -o /dev/null "$STATUS_URL" -H "$AUTH" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
summary=$(curl -sS "$STATUS_URL" -H "$AUTH")
echo "   status: $(jq -c '{overallProgress, measures, overdue: (.overdue | length)}' <<<"$summary"), ETag $etag"
echo "   check: 304 path answers $(curl -s -o /dev/null -w '%{http_code}' "$STATUS_URL" -H "$AUTH" -H "If-None-Match: $etag")"

echo "== warm-up"
wrk -t2 -c16 -d5s -H "$AUTH" "$STATUS_URL" >/dev/null
wrk -t2 -c16 -d5s -H "$AUTH" -H "If-None-Match: $etag" "$STATUS_URL" >/dev/null

printf "\n%-40s %6s %12s %10s %10s\n" "measurement" "conns" "req/s" "p50" "p99"
read -r rps200 p50 p99 rest < <(wrk -t2 -c16 -d${DURATION}s --latency -H "$AUTH" "$STATUS_URL" | wrk_figures)
printf "%-40s %6s %12s %10s %10s %s\n" "GET /status -> 200 (summary built)" 16 "$rps200" "$p50" "$p99" "${rest:-}"
read -r rps304 p50 p99 rest < <(wrk -t2 -c16 -d${DURATION}s --latency -H "$AUTH" -H "If-None-Match: $etag" "$STATUS_URL" | wrk_figures)
printf "%-40s %6s %12s %10s %10s %s\n" "GET /status -> 304 (If-None-Match)" 16 "$rps304" "$p50" "$p99" "${rest:-}"
echo "ratio 304/200 req/s: $(echo "scale=2; $rps304 / $rps200" | bc)"

echo
echo "== change feed: paging through every change"
for limit in 100 1000; do
  cursor=""; pages=0; items=0
  start=$(date +%s.%N)
  while :; do
    page=$(curl -sS "$BASE/api/v1/plans/$plan/changes?limit=$limit${cursor:+&after=$cursor}" -H "$AUTH")
    n=$(jq '.items | length' <<<"$page")
    pages=$((pages + 1)); items=$((items + n))
    cursor=$(jq -r .next <<<"$page")
    [ "$n" -gt 0 ] || break
  done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  printf "limit %5d: %6d changes in %5d pages, %6.2f s, %8.1f pages/s, %9.0f changes/s (one curl + jq per page)\n" \
    "$limit" "$items" "$pages" "$t" "$(echo "$pages / $t" | bc -l)" "$(echo "$items / $t" | bc -l)"
done
echo "machine: $(nproc) cores; wrk, curl and PostgreSQL run on the same machine as the service"
