#!/usr/bin/env bash
# The follow-up report of the plan of regionstyrelsen 2022-08-17 § 183 as HR-avdelningen compiled it in
# August 2023 (shared/domain.md §3; original in shared/seeds/000_…, "Utifrån regionstyrelsens
# uppföljningsplan; redovisning av tillitsbaserad styrning"): period 2023-01-01..2023-08-31, as of
# 2023-08-31, compiled and finalized, so the public pages have a final report to show. Loaded after
# 20-plans.sh.
#
# Idempotent: the report is looked up by plan, title and period first; a final one is left alone, a draft
# one (a run stopped before finalizing) is finalized, and only when there is none is one compiled.
# The plan's events reach the reporting service through Kafka shortly after 20-plans.sh wrote them: until
# they have, compiling answers 422 unknown-plan, and is tried again for at most REPORT_WAIT seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

TITLE="Utifrån regionstyrelsens uppföljningsplan: redovisning av tillitsbaserad styrning, augusti 2023"
PERIOD_FROM="2023-01-01"; PERIOD_TO="2023-08-31"; AS_OF="2023-08-31"
COMPILED_BY="Strateg, HR-avdelningen"
REPORT_WAIT=${REPORT_WAIT:-60}

# plan_id: the id of the plan of 2022-08-17 § 183 (as 20-plans.sh looks it up)
plan_id() {
  local body id
  body=$(api GET "/api/v1/plans?diaryNumber=1326-2021&size=200")
  must_be 200
  id=$(jq -r '[.items[] | select(.decision.date == "2022-08-17" and .decision.paragraph == "§ 183")][0].id // empty' <<<"$body")
  [ -n "$id" ] || { echo "[seed]   no plan of 2022-08-17 § 183 (run 20-plans.sh first)" >&2; return 1; }
  echo "$id"
}

# existing_report PLAN: "ID STATUS" of the report of this title and period, or nothing
existing_report() {
  local body
  body=$(api GET "/api/v1/reports?planId=$1&size=200")
  must_be 200
  jq -r --arg t "$TITLE" --arg f "$PERIOD_FROM" --arg to "$PERIOD_TO" \
    '[.items[] | select(.title == $t and .periodFrom == $f and .periodTo == $to)]
     | (map(select(.status == "FINAL")) + map(select(.status != "FINAL")))[0] // empty | "\(.id) \(.status)"' <<<"$body"
}

# compile PLAN: the new draft's id; 422 unknown-plan is retried until the plan's events have arrived
compile() {
  local plan=$1 body waited=0 request
  request=$(jq -nc --arg p "$plan" --arg t "$TITLE" --arg f "$PERIOD_FROM" --arg to "$PERIOD_TO" --arg a "$AS_OF" \
    --arg c "$COMPILED_BY" '{planId: $p, title: $t, periodFrom: $f, periodTo: $to, asOf: $a, compiledBy: $c}')
  while :; do
    body=$(api POST /api/v1/reports "$request")
    if [ "$(api_status)" = 422 ] && [ "$(jq -r '.type // ""' <<<"$body")" = "https://governance.region.se/problems/unknown-plan" ] \
        && [ "$waited" -lt "$REPORT_WAIT" ]; then
      [ "$waited" -eq 0 ] && echo "[seed]   the plan has not reached the reporting service yet; waiting (at most ${REPORT_WAIT} s)" >&2
      sleep 2; waited=$((waited + 2))
      continue
    fi
    must_be 201 || { echo "$body" >&2; return 1; }
    break
  done
  echo "[seed]   compiled the report \"$TITLE\"" >&2
  jq -r .id <<<"$body"
}

plan=$(plan_id)
read -r id status <<<"$(existing_report "$plan")" || true
if [ "${status:-}" = FINAL ]; then
  echo "[seed]   the final report \"$TITLE\" is there" >&2
  exit 0
fi
[ -n "${id:-}" ] || id=$(compile "$plan")
api POST "/api/v1/reports/$id/finalize" >/dev/null
must_be 200
echo "[seed]   report $id finalized" >&2
