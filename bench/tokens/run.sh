#!/usr/bin/env bash
# The verified-token cache (commons-security's VerifiedTokenCache) on vs off. Prints figures; asserts nothing.
#
#   bench/tokens/run.sh [SECONDS]     (default 6 s per measurement; the run takes about two and a half minutes)
#
# One request, GET /api/v1/documents/{id} (50 kept documents, round robin, one client token as a real
# client sends it), four ways at once on one machine, so a drift of the shared machine hits all alike:
#   direct, cache on:   governance-docs-service :18111 (default settings)
#   direct, cache off:  governance-docs-service :18112 (governance.security.token-cache.max-size=0)
#   gateway, cache on:  gateway :18110 -> :18111 (the token verified at the edge and again in the service)
#   gateway, cache off: gateway :18113 -> :18112 (cache off in both)
# Both services read the same database (its outbox relay off). wrk at 1 connection (what one user waits
# for) and at 16 (the load the set is sized for), interleaved rounds; req/s, p50, p99; the ratio on/off;
# and the CPU time per request of each process (user + kernel, /proc).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
DURATION=${1:-6}
DB=governance_docs_bench_tokens
prepare_bench
build_if_needed governance-docs-service
build_if_needed gateway
fresh_db $DB
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

start_service governance-docs-service 18111 $DB -Dgovernance.outbox.enabled=false; pids+=("$SERVICE_PID"); DOCS_ON=$SERVICE_PID
start_service governance-docs-service 18112 $DB -Dgovernance.outbox.enabled=false \
  -Dgovernance.security.token-cache.max-size=0; pids+=("$SERVICE_PID"); DOCS_OFF=$SERVICE_PID
GW=(-Dgateway.rate-limit.per-second=1000000 -Dgateway.rate-limit.burst=1000000 -Dquarkus.http.access-log.enabled=false)
READY_PATH=/q/health/live start_service gateway 18110 $DB -Dgateway.routes.documents=http://127.0.0.1:18111 "${GW[@]}"
pids+=("$SERVICE_PID"); GW_ON=$SERVICE_PID
READY_PATH=/q/health/live start_service gateway 18113 $DB -Dgateway.routes.documents=http://127.0.0.1:18112 "${GW[@]}" \
  -Dgovernance.security.token-cache.max-size=0
pids+=("$SERVICE_PID"); GW_OFF=$SERVICE_PID

TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
csv=$RESULTS/tokens-import.csv
{ echo "diaryNumber,title,type,ownerUnit,summary,principles"
  for i in $(seq 0 49); do echo "TOK/$i/2026,Styrdokument $i om tillit,POLICY,Enhet $((i % 10)),Sammanfattning $i,TRUST"; done; } > "$csv"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:18111/api/v1/documents/import \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$csv")
[ "$code" = 201 ] || { echo "import answered $code" >&2; exit 1; }
lua=$RESULTS/tokens-ids.lua
round_robin_lua "$lua" $(psql -h 127.0.0.1 -U governance -d $DB -At -c "select id from document order by diary_number")

declare -A URL=([direct-on]=http://127.0.0.1:18111 [direct-off]=http://127.0.0.1:18112
                [gateway-on]=http://127.0.0.1:18110 [gateway-off]=http://127.0.0.1:18113)
declare -A SVC=([direct-on]=$DOCS_ON [direct-off]=$DOCS_OFF [gateway-on]=$DOCS_ON [gateway-off]=$DOCS_OFF)
declare -A EDGE=([direct-on]= [direct-off]= [gateway-on]=$GW_ON [gateway-off]=$GW_OFF)
WAYS="direct-on direct-off gateway-on gateway-off"
echo "== warm-up: each way 2 x 6 s at 16 connections, interleaved"
for _ in 1 2; do for way in $WAYS; do
  wrk -t2 -c16 -d6s -s "$lua" -H "Authorization: Bearer $TOKEN" "${URL[$way]}" >/dev/null
done; done

HZ=$(getconf CLK_TCK)
declare -A RPS P50 CPU_S CPU_G N
printf "\n%-12s %5s %5s %10s %9s %9s %12s %12s\n" way conns round req/s p50 p99 "svc us/req" "gw us/req"
for c in 1 16 16; do
  round=$(( ${N[r$c]:-0} + 1 )); N[r$c]=$round
  for way in $WAYS; do
    s0=$(ticks "${SVC[$way]}"); g0=$(ticks ${EDGE[$way]})
    out=$(wrk -t$(( c > 1 ? 2 : 1 )) -c$c -d${DURATION}s --latency -s "$lua" -H "Authorization: Bearer $TOKEN" "${URL[$way]}")
    s1=$(ticks "${SVC[$way]}"); g1=$(ticks ${EDGE[$way]})
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    read -r rps p50 p99 rest < <(echo "$out" | wrk_figures)
    us_s=$(echo "scale=1; ($s1 - $s0) * 1000000 / $HZ / $reqs" | bc)
    us_g=$( [ -n "${EDGE[$way]}" ] && echo "scale=1; ($g1 - $g0) * 1000000 / $HZ / $reqs" | bc || echo -)
    RPS[$way$c]=$(echo "${RPS[$way$c]:-0} + $rps" | bc -l); N[$way$c]=$(( ${N[$way$c]:-0} + 1 ))
    P50[$way$c]=$p50
    printf "%-12s %5s %5s %10s %9s %9s %12s %12s %s\n" "$way" $c $round "$rps" "$p50" "$p99" "$us_s" "$us_g" "${rest:-}"
  done
done
echo
for c in 1 16; do
  for base in direct gateway; do
    on=$(echo "${RPS[$base-on$c]} / ${N[$base-on$c]}" | bc -l); off=$(echo "${RPS[$base-off$c]} / ${N[$base-off$c]}" | bc -l)
    printf "%-8s %2s connections: cache on %8.0f req/s, off %8.0f req/s: on/off %s\n" $base $c "$on" "$off" \
      "$(echo "scale=2; $on / $off" | bc)"
  done
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk, both gateways, both services and PostgreSQL share them"
