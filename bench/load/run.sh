#!/usr/bin/env bash
# The load suite: a working day of the region, compressed, through the gateway (Gatling, Java DSL:
# bench/load/src/test/java/.../RegionDaySimulation.java). Prints figures; asserts nothing.
#
#   bench/load/run.sh [INSTANCES] [SECONDS] [READS_PER_SECOND]    one run (defaults 1, 300, 20)
#   bench/load/run.sh knee [INSTANCES] [SECONDS_PER_STEP]         reads at 25, 50, 100, 200, 400 /s
#                                                                 (default 60 s each, after a 60 s
#                                                                 warm-up, WARMUP_SECONDS): read p99 per rate
#
# Starts its own set (bench/lib.sh start_set: N instances of each service on *_bench databases and this
# run's own topics, gateway on :19080), loads 300 adopted documents and a plan of 20 measures, and
# mints tokens (50 readers, 20 polling systems, 5 planners, 2 registrars, 1 reporter: each client its
# own subject, as the gateway's per-client rate limit expects). The mix per second: READS page views of
# the intranet (list 30 %, search 25 %, document 25 %, plan 10 %, measure 10 %), 20 systems polling
# plan status every 3 s with If-None-Match, 2 progress updates, a document through remiss to adoption
# every 5 s, a report compiled every 60 s. Per request class: count, req/s, p50, p99, errors; per
# process: CPU (share of one core) and peak RSS. Gatling's HTML report: bench/results/gatling/.
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"

mode=run
if [ "${1:-}" = knee ]; then mode=knee; shift; fi
INSTANCES=${1:-1}
if [ $mode = knee ]; then SECONDS_EACH=${2:-60}; else SECONDS_EACH=${2:-300}; READS=${3:-20}; fi
DATA=$ROOT/bench/results/load
prepare_bench
need jq jq
mkdir -p "$DATA"

echo "== starting the set: $INSTANCES instance(s) of each service"
trap stop_set EXIT
start_set "$INSTANCES"
BASE=$SET_GATEWAY

echo "== loading documents and a plan"
token() { "$ROOT/deploy/local/token" "$@" --ttl 7200; }
AUTH="Authorization: Bearer $(token admin --sub load-setup)"
words=(tillit samverkan ledarskap arbetsmiljö kompetens uppföljning delaktighet styrning öppenhet dialog)
types=(POLICY GUIDELINE PLAN STRATEGY RULE PROGRAM)
cfg=$DATA/documents.curl; : > "$cfg"
for i in $(seq 1 300); do
  w=${words[$((i % 10))]}; v=${words[$(((i / 10) % 10))]}
  KEEP_BODY=1 post_cfg "$BASE/api/v1/documents" "{\"diaryNumber\":\"LOAD-$i\",\"title\":\"Riktlinje om $w och $v $i\",\"type\":\"${types[$((i % 6))]}\",\"ownerUnit\":\"HR-avdelningen\",\"summary\":\"Om $w i regionens arbete med $v.\"}" >> "$cfg"
done
curl -sS -K <(sed '$ d' "$cfg") | jq -r 'select(.id) | .id' > "$DATA/ids.txt"
cfg=$DATA/adoptions.curl; : > "$cfg"
while read -r id; do
  post_cfg "$BASE/api/v1/documents/$id/adoptions" '{"decision":{"body":"REGIONSTYRELSEN","date":"2023-05-17","paragraph":"§ 90"}}' >> "$cfg"
done < "$DATA/ids.txt"
echo "   documents: $(wc -l < "$DATA/ids.txt") created, adoptions: $(curl_batch "$cfg")"
{ echo documentId; cat "$DATA/ids.txt"; } > "$DATA/documents.csv"
{ echo "q,type"; for w in "${words[@]}"; do for t in POLICY GUIDELINE; do echo "$w,$t"; done; done; } > "$DATA/searches.csv"

plan=$(curl -sS -X POST "$BASE/api/v1/plans" -H "$AUTH" -H 'Content-Type: application/json' --data-binary \
  '{"title":"Handlingsplan tillitsbaserad styrning (last)","ownerUnit":"HR-avdelningen","decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183"}}' | jq -r .id)
cfg=$DATA/measures.curl; : > "$cfg"
for i in $(seq 1 20); do
  post_cfg "$BASE/api/v1/plans/$plan/measures" "{\"code\":\"$i\",\"title\":\"Åtgärd $i\",\"responsibleUnit\":\"HR-avdelningen\",\"dueDate\":\"2031-12-31\"}" >> "$cfg"
done
echo "   measures: $(curl_batch "$cfg")"
{ echo "planId,measureId"; curl -sS "$BASE/api/v1/plans/$plan/measures?size=100" -H "$AUTH" | jq -r --arg p "$plan" '.items[] | "\($p),\(.id)"'; } > "$DATA/measures.csv"

echo "== minting tokens"
{ echo token; for i in $(seq 1 50); do token reader --sub "reader-$i"; done; } > "$DATA/readers.csv"
{ echo "token,planId"; for i in $(seq 1 20); do echo "$(token integration --sub "system-$i"),$plan"; done; } > "$DATA/pollers.csv"
{ echo token; for i in $(seq 1 5); do token planner --sub "planner-$i" --unit HR-avdelningen; done; } > "$DATA/planners.csv"
{ echo token; for i in 1 2; do token registrar --sub "registrar-$i"; done; } > "$DATA/registrars.csv"
{ echo token; token reporter --sub reporter-1; } > "$DATA/reporters.csv"

pids() { for k in "${!SET_PIDS[@]}"; do echo "$k ${SET_PIDS[$k]}"; done | sort; }

# gatling SECONDS READS: one simulation run; prints its results folder
gatling() {
  local before; before=$(ls -d "$ROOT"/bench/results/gatling/*/ 2>/dev/null | sort | tail -1 || true)
  (cd "$ROOT" && ./mvnw -B -q -f bench/load/pom.xml gatling:test -Dload.data="$DATA" -Dload.gateway="$BASE" \
      -Dload.seconds="$1" -Dload.reads="$2" > "$DATA/gatling.log" 2>&1) ||
    { grep -q "Please open the following file" "$DATA/gatling.log" || { tail -30 "$DATA/gatling.log" >&2; return 1; }; }
  local after; after=$(ls -d "$ROOT"/bench/results/gatling/*/ | sort | tail -1)
  [ "$after" != "$before" ] || { echo "no Gatling results; see $DATA/gatling.log" >&2; return 1; }
  echo "$after"
}

# figures RESULTS_DIR: per request class, from the statistics table of Gatling's HTML report
figures() {
  python3 "$ROOT/bench/load/stats.py" "$1/index.html" |
    awk -F'\t' 'BEGIN {printf "%-20s %8s %8s %8s %8s %7s\n", "request", "count", "req/s", "p50 ms", "p99 ms", "errors"}
                {printf "%-20s %8d %8.1f %8s %8s %7d\n", $1, $2, $4, $5, $6, $3}'
}

if [ $mode = run ]; then
  echo "== $SECONDS_EACH s at $READS page views/s, N=$INSTANCES"
  declare -A t0 rss
  while read -r k p; do t0[$k]=$(ticks "$p"); rss[$k]=$RESULTS/load-rss-${k//:/-}.txt; : > "${rss[$k]}"; watch_rss "$p" "${rss[$k]}" & done < <(pids)
  start=$(date +%s.%N)
  dir=$(gatling "$SECONDS_EACH" "$READS")
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  echo
  figures "$dir"
  echo
  printf "%-28s %8s %10s\n" "process" "CPU %" "peak RSS"
  while read -r k p; do
    printf "%-28s %8.0f %7s MB\n" "$k" "$(echo "($(ticks "$p") - ${t0[$k]}) * 100 / $(getconf CLK_TCK) / $elapsed" | bc -l)" \
      "$(sort -n "${rss[$k]}" | tail -1)"
  done < <(pids)
  echo "Gatling report: $dir/index.html"
else
  echo "== knee: reads at rising rates, $SECONDS_EACH s each, N=$INSTANCES"
  echo "   warm-up: ${WARMUP_SECONDS:-60} s at 20 reads/s, not counted (the JIT compiles the hot paths)"
  gatling "${WARMUP_SECONDS:-60}" 20 > /dev/null
  printf "%-10s %10s %10s %10s %8s\n" "reads/s" "read p50" "read p99" "read req/s" "errors"
  for rate in 25 50 100 200 400; do
    dir=$(gatling "$SECONDS_EACH" "$rate")
    # the reads of the intranet mix together (every GET but the pollers'): the worst class's p50 and p99
    python3 "$ROOT/bench/load/stats.py" "$dir/index.html" |
      awk -F'\t' -v r="$rate" '$1 ~ /^(list documents|search documents|document|plan|measure)$/ {
          if ($5 > p50) p50 = $5; if ($6 > p99) p99 = $6; rps += $4; ko += $3 }
        END {printf "%-10s %8s ms %8s ms %10.1f %8d\n", r, p50, p99, rps, ko}'
  done
  echo "(read p50/p99: the worst request class's; the rate where p99 passes 100 ms is the knee)"
fi
echo "machine: $(nproc) cores; Gatling, PostgreSQL, Kafka and every instance run on the same machine"
