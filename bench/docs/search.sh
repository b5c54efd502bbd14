#!/usr/bin/env bash
# The register search under load (issue 16). Prints figures; asserts nothing.
#
#   bench/docs/search.sh [SECONDS] [ROUNDS]      (default 10 s per measurement, 2 rounds)
#
# Its own copy of governance-docs-service on :18141 against a fresh database governance_docs_bench_search
# (the 10,000 documents of bench/docs/documents.sh, loaded through the CSV import; outbox relay off; a pool
# of 24), restarted after the import, then `vacuum analyze document`: what autovacuum does within a minute of
# the import (since PostgreSQL 13 inserts alone start it), and what merges a GIN index's pending list, so that
# a build with a GIN fastupdate index (before V7) is measured at its best.
# BEFORE=DIR (a copy of governance-docs-service/target/quarkus-app built from an earlier commit): a second
# copy from that build on :18142 with a database of its own (governance_docs_bench_search_before), and the
# rounds measure the two in turn, so that the shared machine's drift hits both alike.
# Each search with wrk at CONNS connections (default 16): req/s, p50, p99, the CPU time per request of the
# service and of PostgreSQL (user + kernel, /proc), and the machine's load average (1 min) after it.
# EXPLAIN=1: also EXPLAIN (ANALYZE, BUFFERS) of the statements that DocumentSearch runs for each search
# (bench/docs/search-explain.sql, kept in step with DocumentSearch by hand).
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
. "$ROOT/bench/docs/documents.sh"
DURATION=${1:-10}
ROUNDS=${2:-2}
CONNS=${CONNS:-16}
prepare_bench
build_if_needed governance-docs-service
TOKEN=$("$ROOT/deploy/local/token" registrar --sub bench)
HZ=$(getconf CLK_TCK)
declare -A PORT=([after]=18141 [before]=18142) DB=([after]=governance_docs_bench_search [before]=governance_docs_bench_search_before)
declare -A JAR=([after]="" [before]="${BEFORE:+$BEFORE/quarkus-run.jar}") SVC=()
WAYS=after
[ -n "${BEFORE:-}" ] && WAYS="before after"
trap 'for w in "${!SVC[@]}"; do kill "${SVC[$w]}" 2>/dev/null || true; done' EXIT
opts=(-Dquarkus.datasource.jdbc.max-size=24 -Dgovernance.outbox.enabled=false)

for way in $WAYS; do
  fresh_db "${DB[$way]}"
  SERVICE_JAR=${JAR[$way]} start_service governance-docs-service "${PORT[$way]}" "${DB[$way]}" "${opts[@]}"
  echo "== $way: loading 10,000 documents into ${DB[$way]}"
  start=$(date +%s.%N)
  load_documents "http://127.0.0.1:${PORT[$way]}" "$TOKEN"
  echo "   loaded in $(echo "$(date +%s.%N) - $start" | bc) s (load average $(cut -d' ' -f1 /proc/loadavg))"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_JAR=${JAR[$way]} start_service governance-docs-service "${PORT[$way]}" "${DB[$way]}" "${opts[@]}"
  SVC[$way]=$SERVICE_PID
  psql -h 127.0.0.1 -U governance -d "${DB[$way]}" -q -c "vacuum analyze document"
done

# name|path: the issue's search first
SEARCHES=(
  "q+type+status|/api/v1/documents?q=tillit&type=POLICY&status=DRAFT"
  "q+type+status, by title|/api/v1/documents?q=tillit&type=POLICY&status=DRAFT&sort=title"
  "q+type+status, page 40|/api/v1/documents?q=tillit&type=POLICY&status=DRAFT&page=40"
  "q only|/api/v1/documents?q=tillit"
  "type+status (by title)|/api/v1/documents?type=POLICY&status=DRAFT"
  "q matching every row|/api/v1/documents?q=styr"
)
for way in $WAYS; do
  echo "== $way: answers (total, first title)"
  for s in "${SEARCHES[@]}"; do
    printf "   %-26s %s\n" "${s%%|*}" "$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORT[$way]}${s#*|}" |
      jq -r '"\(.total) \(.items[0].title // "-")"' 2>/dev/null || echo '(no jq)')"
  done
done

WARMUP=${WARMUP:-8}
echo "== warm-up: every search $WARMUP s at $CONNS connections on each copy (the JIT compiles the search's code)"
for way in $WAYS; do for s in "${SEARCHES[@]}"; do
  wrk -t2 -c"$CONNS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORT[$way]}${s#*|}" >/dev/null
done; done

# PostgreSQL's CPU: the backends of each copy's pool (not those of other databases on the shared server)
declare -A PG_PIDS
for way in $WAYS; do
  PG_PIDS[$way]=$(psql -h 127.0.0.1 -U governance -d "${DB[$way]}" -At -c \
    "select string_agg(pid::text, ' ') from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
done
printf "\n%-26s %-6s %5s %5s %9s %9s %9s %11s %11s %6s\n" search build conns round req/s p50 p99 "svc ms/req" "pg ms/req" load
for round in $(seq 1 "$ROUNDS"); do
  for s in "${SEARCHES[@]}"; do
    for way in $WAYS; do
      s0=$(ticks "${SVC[$way]}"); g0=$(ticks ${PG_PIDS[$way]})
      out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORT[$way]}${s#*|}")
      s1=$(ticks "${SVC[$way]}"); g1=$(ticks ${PG_PIDS[$way]})
      reqs=$(echo "$out" | awk '/requests in/ {print $1}')
      read -r rps p50 p99 rest < <(echo "$out" | wrk_figures)
      printf "%-26s %-6s %5s %5s %9s %9s %9s %11s %11s %6s %s\n" "${s%%|*}" "$way" "$CONNS" "$round" "$rps" "$p50" "$p99" \
        "$(echo "scale=2; ($s1 - $s0) * 1000 / $HZ / $reqs" | bc)" "$(echo "scale=2; ($g1 - $g0) * 1000 / $HZ / $reqs" | bc)" \
        "$(cut -d' ' -f1 /proc/loadavg)" "${rest:-}"
    done
  done
done
echo "machine: $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg); wrk runs on the same machine as the service and PostgreSQL"

if [ "${EXPLAIN:-0}" = 1 ]; then
  for way in $WAYS; do
    [ "$way" = before ] && { echo "== (the statements of bench/docs/search-explain.sql are the current code's; skipped for before)"; continue; }
    echo "== EXPLAIN (ANALYZE, BUFFERS) of the search statements, database ${DB[$way]} (second run of each: warm cache)"
    psql -h 127.0.0.1 -U governance -d "${DB[$way]}" -X -q -f "$ROOT/bench/docs/search-explain.sql"
  done
fi
