#!/usr/bin/env bash
# The documents' kept JSON for GET by id (infrastructure/KeptDocumentJson, with its two hooks: V4's
# notification and the @NonBlocking branch of DocumentResource) on vs off. Prints figures; asserts nothing.
#
#   bench/docs/read-cache.sh [SECONDS]     (default 6 s per measurement; the run takes about two minutes)
#
# Two copies of governance-docs-service on one fresh database (governance_docs_bench_rc, 2,000 documents
# loaded through the CSV import; outbox relay off): :18131 as configured by default, :18132 with
# governance.documents.read-cache.max-size=0 (nothing kept: every GET loads, hydrates and serialises the
# document on a worker thread). GET /api/v1/documents/{id} over 50 ids, round robin, with wrk at 1, 16 and
# 64 connections, the two copies in turn (interleaved rounds): req/s, p50, p99, the ratio on/off, and the
# CPU time per request of the service and of PostgreSQL (user + kernel, /proc).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
DURATION=${1:-6}
DB=governance_docs_bench_rc
prepare_bench
build_if_needed governance-docs-service
fresh_db $DB
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_service governance-docs-service 18131 $DB -Dgovernance.outbox.enabled=false; pids+=("$SERVICE_PID"); ON=$SERVICE_PID
start_service governance-docs-service 18132 $DB -Dgovernance.outbox.enabled=false \
  -Dgovernance.documents.read-cache.max-size=0; pids+=("$SERVICE_PID"); OFF=$SERVICE_PID
TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
csv=$RESULTS/rc-import.csv
words=(tillit styrning ledning policy riktlinje plan medarbetare kunskap öppenhet helhetssyn stöd samverkan)
{ echo "diaryNumber,title,type,ownerUnit,summary,principles"
  for n in $(seq 0 1999); do
    echo "RC/$n/2026,Styrdokument $n om ${words[$((n % 12))]},POLICY,Enhet $((n % 40)),Sammanfattning om ${words[$(((n / 7) % 12))]},TRUST"
  done; } > "$csv"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:18131/api/v1/documents/import \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$csv")
[ "$code" = 201 ] || { echo "import answered $code" >&2; exit 1; }
psql -h 127.0.0.1 -U governance -d $DB -q -c "analyze document"
lua=$RESULTS/rc-ids.lua
round_robin_lua "$lua" $(psql -h 127.0.0.1 -U governance -d $DB -At -c "select id from document order by diary_number limit 50")
declare -A URL=([cache-on]=http://127.0.0.1:18131 [cache-off]=http://127.0.0.1:18132) SVC=([cache-on]=$ON [cache-off]=$OFF)
WAYS="cache-on cache-off"
PG_PIDS=$(pgrep -u postgres | tr '\n' ' ')
HZ=$(getconf CLK_TCK)

echo "== warm-up: each copy 2 x 6 s at 16 connections, interleaved"
for _ in 1 2; do for way in $WAYS; do
  wrk -t2 -c16 -d6s -s "$lua" -H "Authorization: Bearer $TOKEN" "${URL[$way]}" >/dev/null
done; done
declare -A RPS N P50
printf "\n%-10s %5s %5s %10s %9s %9s %12s %12s\n" way conns round req/s p50 p99 "svc us/req" "pg us/req"
for c in 1 16 64 16; do
  round=$(( ${N[r$c]:-0} + 1 )); N[r$c]=$round
  for way in $WAYS; do
    s0=$(ticks "${SVC[$way]}"); g0=$(ticks $PG_PIDS)
    out=$(wrk -t$(( c > 1 ? 2 : 1 )) -c$c -d${DURATION}s --latency -s "$lua" -H "Authorization: Bearer $TOKEN" "${URL[$way]}")
    s1=$(ticks "${SVC[$way]}"); g1=$(ticks $PG_PIDS)
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    read -r rps p50 p99 rest < <(echo "$out" | wrk_figures)
    RPS[$way$c]=$(echo "${RPS[$way$c]:-0} + $rps" | bc -l); N[$way$c]=$(( ${N[$way$c]:-0} + 1 ))
    printf "%-10s %5s %5s %10s %9s %9s %12s %12s %s\n" "$way" $c $round "$rps" "$p50" "$p99" \
      "$(echo "scale=1; ($s1 - $s0) * 1000000 / $HZ / $reqs" | bc)" "$(echo "scale=1; ($g1 - $g0) * 1000000 / $HZ / $reqs" | bc)" "${rest:-}"
  done
done
echo
for c in 1 16 64; do
  on=$(echo "${RPS[cache-on$c]} / ${N[cache-on$c]}" | bc -l); off=$(echo "${RPS[cache-off$c]} / ${N[cache-off$c]}" | bc -l)
  printf "%2s connections: kept JSON on %8.0f req/s, off %8.0f req/s: on/off %s\n" $c "$on" "$off" "$(echo "scale=2; $on / $off" | bc)"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk, both copies and PostgreSQL share them"
