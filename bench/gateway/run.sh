#!/usr/bin/env bash
# Benchmark of the gateway (issue 6). Prints figures; asserts nothing.
#
#   bench/gateway/run.sh [DURATION_SECONDS]     (default 15 s per measurement)
#
# The same backend request, GET /api/v1/documents/{id} (50 ids, round robin), three ways in one run:
#   1. direct to governance-docs-service (its own copy on :18091, database governance_docs_bench_gw)
#   2. through the gateway (:18090, routing to that copy; JWT verified at the edge and again in the service)
#   3. through nginx (Debian package) as a plain reverse proxy with upstream keep-alive (:18098)
# with wrk at 16 and 64 connections: req/s, p50, p99, and the ratios gateway/direct and nginx/direct;
# then direct and gateway paced at half the direct capacity (the p99 the gateway adds below saturation)
# and the CPU time per request of the service, the gateway and nginx on each way.
# The gateway's per-client rate limit is raised for the run (one token sends everything); everything
# else is the gateway's default configuration. wrk, nginx and the services share the machine's cores.
# The service's outbox relay is off: a benchmark's bulk load must not flood the shared event topics
# (consumers of other services and test runs would have to read it all).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
DURATION=${1:-15}
DOCS_PORT=18091; GW_PORT=18090; NGINX_PORT=18098
DB=governance_docs_bench_gw
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS"

need wrk wrk
need bc bc
need nginx nginx
"$ROOT/deploy/local/infra" ensure >/dev/null
build_if_needed governance-docs-service
build_if_needed gateway
fresh_db $DB
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$RESULTS/nginx/nginx.pid" ] && kill "$(cat "$RESULTS/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

start_service governance-docs-service $DOCS_PORT $DB -Dgovernance.outbox.enabled=false; pids+=("$SERVICE_PID"); DOCS_PID=$SERVICE_PID
READY_PATH=/q/health/live start_service gateway $GW_PORT $DB -Dgateway.routes.documents=http://127.0.0.1:$DOCS_PORT \
  -Dgateway.rate-limit.per-second=1000000 -Dgateway.rate-limit.burst=1000000 -Dquarkus.http.access-log.enabled=false
pids+=("$SERVICE_PID"); GW_PID=$SERVICE_PID

ngdir=$RESULTS/nginx; rm -rf "$ngdir"; mkdir -p "$ngdir/logs"
cat > "$ngdir/nginx.conf" <<NGINX
worker_processes auto;
pid $ngdir/nginx.pid;
error_log $ngdir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream docs { server 127.0.0.1:$DOCS_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://docs;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
nginx -p "$ngdir" -c "$ngdir/nginx.conf"

TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
echo "== loading 200 documents into the service"
csv=$RESULTS/gw-import.csv
{ echo "diaryNumber,title,type,ownerUnit,summary,principles"
  for i in $(seq 0 199); do echo "GW/$i/2026,Styrdokument $i om tillit,POLICY,Enhet $((i % 10)),Sammanfattning $i,TRUST"; done; } > "$csv"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$DOCS_PORT/api/v1/documents/import" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$csv")
[ "$code" = 201 ] || { echo "import answered $code" >&2; exit 1; }
ids=$(psql -h 127.0.0.1 -U governance -d $DB -At -c "select id from document order by diary_number limit 50")
lua=$RESULTS/gw-ids.lua
round_robin_lua "$lua" $ids

declare -A BASE=([direct]=http://127.0.0.1:$DOCS_PORT [gateway]=http://127.0.0.1:$GW_PORT [nginx]=http://127.0.0.1:$NGINX_PORT)
echo "== warm-up (each way 3 x 8 s, interleaved: the JIT of both JVMs settles)"
for _ in 1 2 3; do
  for way in direct gateway nginx; do
    wrk -t2 -c16 -d8s -s "$lua" -H "Authorization: Bearer $TOKEN" "${BASE[$way]}" >/dev/null
  done
done

printf "\n%-10s %6s %6s %12s %10s %10s\n" "way" "conns" "round" "req/s" "p50" "p99"
declare -A RPS
for c in 16 64; do
  for round in 1 2; do # interleaved rounds: a drift of the shared machine hits every way alike
    for way in direct gateway nginx; do
      read -r rps p50 p99 rest < <(wrk -t2 -c$c -d${DURATION}s --latency -s "$lua" -H "Authorization: Bearer $TOKEN" \
        "${BASE[$way]}" | wrk_figures)
      RPS[$way$c]=$(echo "${RPS[$way$c]:-0} + $rps / 2" | bc -l)
      printf "%-10s %6s %6s %12s %10s %10s %s\n" "$way" $c $round "$rps" "$p50" "$p99" "${rest:-}"
    done
  done
done
echo
for c in 16 64; do
  echo "$c connections (mean of 2 rounds): direct $(printf %.0f "${RPS[direct$c]}"), gateway $(printf %.0f "${RPS[gateway$c]}"), nginx $(printf %.0f "${RPS[nginx$c]}") req/s;" \
    "gateway/direct $(echo "scale=2; ${RPS[gateway$c]} / ${RPS[direct$c]}" | bc), nginx/direct $(echo "scale=2; ${RPS[nginx$c]} / ${RPS[direct$c]}" | bc)"
done
# The latency the gateway adds below saturation: each way paced at half the direct capacity at 16
# connections (wrk's delay(): every connection waits 16/rate s between its requests; closed-loop pacing,
# so a stall delays the next requests instead of queueing them: p99 here understates an open-loop p99).
half=$(echo "${RPS[direct16]} / 2" | bc -l)
paced=$RESULTS/gw-ids-paced.lua
{ cat "$lua"; printf 'function delay()\n  return %d\nend\n' "$(printf %.0f "$(echo "16000 / $half" | bc -l)")"; } > "$paced"
echo
echo "paced at $(printf %.0f "$half") req/s (half the direct capacity), 16 connections, ${DURATION} s:"
for way in direct gateway; do
  read -r rps p50 p99 rest < <(wrk -t2 -c16 -d${DURATION}s --latency -s "$paced" -H "Authorization: Bearer $TOKEN" \
    "${BASE[$way]}" | wrk_figures)
  printf "  %-8s %10s req/s   p50 %8s   p99 %8s %s\n" "$way" "$rps" "$p50" "$p99" "${rest:-}"
done
echo "gateway/nginx throughput at 16 connections: $(echo "scale=2; ${RPS[gateway16]} / ${RPS[nginx16]}" | bc)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Where the cycles go: CPU time (user + kernel, from /proc) per request of each process on the path,
# over one more run of each way at 16 connections. On two shared cores a proxy's cycles are taken from
# the service and the load generator, so its cost per request bounds its ratio.
NGINX_PIDS=$(pgrep -f "nginx: (master|worker) process" | tr '\n' ' ')
HZ=$(getconf CLK_TCK)
echo
echo "CPU per request (microseconds, user + kernel), 16 connections, ${DURATION} s each:"
for way in direct gateway nginx; do
  s0=$(ticks "$DOCS_PID"); g0=$(ticks "$GW_PID"); n0=$(ticks $NGINX_PIDS)
  reqs=$(wrk -t2 -c16 -d${DURATION}s -s "$lua" -H "Authorization: Bearer $TOKEN" "${BASE[$way]}" | awk '/requests in/ {print $1}')
  s1=$(ticks "$DOCS_PID"); g1=$(ticks "$GW_PID"); n1=$(ticks $NGINX_PIDS)
  us() { echo "scale=1; ($1 - $2) * 1000000 / $HZ / $reqs" | bc; }
  printf "  %-8s service %6s   gateway %6s   nginx %6s\n" "$way" "$(us "$s1" "$s0")" "$(us "$g1" "$g0")" "$(us "$n1" "$n0")"
done
echo "RSS after load: gateway $(rss_mb "$GW_PID") MB, docs service $(rss_mb "$DOCS_PID") MB"
echo "machine: $(nproc) cores; wrk, nginx, the gateway, the service and PostgreSQL share them"
