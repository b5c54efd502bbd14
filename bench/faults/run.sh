#!/usr/bin/env bash
# The fault suite: steady writes and reads through the gateway at N = 2 while parts of the set die,
# then a count of what clients saw and what was lost. Prints a table; asserts nothing.
#
#   bench/faults/run.sh [WRITES_PER_FAULT]        (default 1000)
#
# Starts its own set (bench/lib.sh start_set 2: two instances of each service on *_bench databases and
# this run's own topics, gateway :19080) and a plan of 10 measures. Per fault, 4 writers post progress
# updates (each with a unique text) and 2 readers GET the plan and the register, until the writers
# have sent WRITES_PER_FAULT updates; the fault strikes a few seconds in:
#   kill-docs / kill-plans / kill-reports   kill -9 of instance 0 of that service, restarted after 10 s
#   kafka-30s                               the broker stopped for 30 s
#   postgres-restart                        PostgreSQL restarted (services are not)
#   reports-mid-stream                      both reporting instances killed (-9) while events flow, restarted
# Then, per fault: the answers by status (writes, reads), and what was lost: acknowledged updates the
# plans service does not have ("lost writes"), acknowledged updates missing from the report read model
# or in it twice (checked in a report compiled afterwards: each update's text must appear once), and
# a reconciliation of each measure's status and progress between the plans service and the report.
# Loopback only; every loop is bounded; the set is stopped at the end.
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
WRITES=${1:-1000}
WRITERS=4
READERS=2
OUT=$ROOT/bench/results/faults
prepare_bench
need jq jq
rm -rf "$OUT"; mkdir -p "$OUT"

echo "== starting the set: 2 instances of each service"
trap stop_set EXIT
start_set 2
BASE=$SET_GATEWAY
token() { "$ROOT/deploy/local/token" "$@" --ttl 7200; }
AUTH="Authorization: Bearer $(token admin --sub faults-setup)"
plan=$(curl -sS -X POST "$BASE/api/v1/plans" -H "$AUTH" -H 'Content-Type: application/json' --data-binary \
  '{"title":"Handlingsplan (felprov)","ownerUnit":"HR-avdelningen","decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183"}}' | jq -r .id)
cfg=$OUT/measures.curl; : > "$cfg"
for i in $(seq 1 10); do
  post_cfg "$BASE/api/v1/plans/$plan/measures" "{\"code\":\"$i\",\"title\":\"Åtgärd $i\",\"responsibleUnit\":\"HR-avdelningen\"}" >> "$cfg"
done
echo "   plan $plan, measures: $(curl_batch "$cfg")"
mapfile -t MEASURES < <(curl -sS "$BASE/api/v1/plans/$plan/measures?size=100" -H "$AUTH" | jq -r '.items[].id')
TODAY=$(date +%F)

# writer FAULT W COUNT: posts COUNT updates; logs "status text" per request
writer() {
  local fault=$1 w=$2 count=$3 i m text code auth
  auth="Authorization: Bearer $(token planner --sub "writer-$w" --unit HR-avdelningen)"
  for ((i = 1; i <= count; i++)); do
    m=${MEASURES[$(((i + w) % ${#MEASURES[@]}))]}
    text="$fault-$w-$i"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 35 -X POST "$BASE/api/v1/plans/$plan/measures/$m/updates" \
      -H "$auth" -H 'Content-Type: application/json' \
      --data-binary "{\"date\":\"$TODAY\",\"status\":\"IN_PROGRESS\",\"progress\":$((i % 100)),\"text\":\"$text\"}") || code=000
    echo "$code $text" >> "$OUT/$fault.writes"
  done
}

# reader FAULT R: GETs while the writers run (until the flag file goes); logs one status per request
reader() {
  local fault=$1 r=$2 auth n=0
  auth="Authorization: Bearer $(token reader --sub "reader-$r")"
  while [ -f "$OUT/$fault.running" ] && [ $n -lt 100000 ]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 35 "$BASE/api/v1/plans/$plan" -H "$auth" >> "$OUT/$fault.reads" || echo 000 >> "$OUT/$fault.reads"
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 35 "$BASE/api/v1/documents?size=20" -H "$auth" >> "$OUT/$fault.reads" || echo 000 >> "$OUT/$fault.reads"
    n=$((n + 1))
  done
}

# the faults; each returns once the part is back
restart_instance() { start_instance "$1" "$2" >/dev/null; }
kill_one() { kill -9 "${SET_PIDS[$1:0]}"; wait "${SET_PIDS[$1:0]}" 2>/dev/null || true; sleep 10; restart_instance "$1" 0; }
fault_kill_docs() { kill_one governance-docs-service; }
fault_kill_plans() { kill_one action-plan-service; }
fault_kill_reports() { kill_one reporting-service; }
fault_kafka_30s() { "$ROOT/deploy/local/infra" kafka-stop >/dev/null; sleep 30; "$ROOT/deploy/local/infra" kafka-start >/dev/null; }
fault_postgres_restart() { pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main restart; }
fault_reports_mid_stream() {
  local i
  for i in 0 1; do kill -9 "${SET_PIDS[reporting-service:$i]}"; done
  for i in 0 1; do wait "${SET_PIDS[reporting-service:$i]}" 2>/dev/null || true; done
  sleep 5
  for i in 0 1; do restart_instance reporting-service "$i"; done
}

# run_fault NAME FUNCTION: writers and readers, the fault 5 s in, then wait for the writers
run_fault() {
  local name=$1 fn=$2 per=$((WRITES / WRITERS)) w r pids=() readers=()
  : > "$OUT/$name.writes"; : > "$OUT/$name.reads"; touch "$OUT/$name.running"
  for ((w = 1; w <= WRITERS; w++)); do writer "$name" "$w" "$per" & pids+=($!); done
  for ((r = 1; r <= READERS; r++)); do reader "$name" "$r" & readers+=($!); done
  sleep 5
  local start; start=$(date +%s)
  $fn
  echo "   $name: fault over after $(( $(date +%s) - start )) s" >&2
  wait "${pids[@]}"
  rm -f "$OUT/$name.running"
  wait "${readers[@]}"   # not a bare wait: the restarted instances are this shell's children too
}

FAULTS=(kill-docs:fault_kill_docs kill-plans:fault_kill_plans kill-reports:fault_kill_reports
        kafka-30s:fault_kafka_30s postgres-restart:fault_postgres_restart reports-mid-stream:fault_reports_mid_stream)
for f in "${FAULTS[@]}"; do
  echo "== fault ${f%%:*} ($WRITES writes)"
  run_fault "${f%%:*}" "${f##*:}"
done

echo "== checking: the plans service's updates and a report compiled from the read model"
# every update the plans service holds, by text
: > "$OUT/stored.txt"
for m in "${MEASURES[@]}"; do
  for ((page = 0; page < 1000; page++)); do
    n=$(curl -sS "$BASE/api/v1/plans/$plan/measures/$m/updates?size=1000&page=$page" -H "$AUTH" |
      jq -r '.items[].text' | tee -a "$OUT/stored.txt" | wc -l)
    [ "$n" = 1000 ] || break
  done
done
# the report read model is complete when its update count equals the plans service's: wait (bounded)
stored_count=$(wc -l < "$OUT/stored.txt")
report_texts() {
  local id; id=$(curl -sS -X POST "$BASE/api/v1/reports" -H "$AUTH" -H 'Content-Type: application/json' --data-binary \
    "{\"planId\":\"$plan\",\"periodFrom\":\"2022-08-17\",\"periodTo\":\"$TODAY\",\"title\":\"Avstämning\"}" | jq -r .id)
  curl -sS "$BASE/api/v1/reports/$id" -H "$AUTH" -H 'Accept: application/json' > "$OUT/report.json"
  jq -r '.sections[] | select(.key == "measures") | .items[] | .updates[]?.text' "$OUT/report.json" > "$OUT/reported.txt"
}
for _ in $(seq 1 60); do
  report_texts
  [ "$(wc -l < "$OUT/reported.txt")" -ge "$stored_count" ] && break
  sleep 2
done

printf "\n%-20s %-30s %-30s %6s %8s %8s %8s\n" fault "writes (status: count)" "reads (status: count)" acked lost "missing" "twice"
for f in "${FAULTS[@]}"; do
  name=${f%%:*}
  writes=$(awk '{print $1}' "$OUT/$name.writes" | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')
  reads=$(sort "$OUT/$name.reads" | uniq -c | awk '{printf "%s:%s ", $2, $1}')
  awk '$1 == 201 {print $2}' "$OUT/$name.writes" | sort > "$OUT/$name.acked"
  acked=$(wc -l < "$OUT/$name.acked")
  lost=$(comm -23 "$OUT/$name.acked" <(grep "^$name-" "$OUT/stored.txt" | sort -u) | wc -l)
  missing=$(comm -23 "$OUT/$name.acked" <(grep "^$name-" "$OUT/reported.txt" | sort -u) | wc -l)
  twice=$(grep "^$name-" "$OUT/reported.txt" | sort | uniq -d | wc -l)
  printf "%-20s %-30s %-30s %6d %8d %8d %8d\n" "$name" "$writes" "$reads" "$acked" "$lost" "$missing" "$twice"
done
echo "(lost: acknowledged (201) but not in the plans service; missing/twice: acknowledged updates absent"
echo " from, or twice in, the report compiled from the read model after the faults)"

echo
echo "== reconciliation: each measure's status and progress, plans service vs report read model"
curl -sS "$BASE/api/v1/plans/$plan/status" -H "$AUTH" > "$OUT/status.json"
diff <(curl -sS "$BASE/api/v1/plans/$plan" -H "$AUTH" | jq -r '.measures[] | "\(.code) \(.status) \(.progress)"' | sort) \
     <(jq -r '.sections[] | select(.key == "measures") | .items[] | select(.code) | "\(.code) \(.status) \(.progress)"' "$OUT/report.json" | sort) \
  > "$OUT/reconciliation.diff" && echo "   equal: every measure's status and progress (status summary: $(jq -c .measures "$OUT/status.json"))" \
  || { echo "   DIFFERENT (plans service < > report):"; cat "$OUT/reconciliation.diff"; }
echo "machine: $(nproc) cores; curl, PostgreSQL, Kafka and every instance run on the same machine"
