#!/usr/bin/env bash
# The action plan of regionstyrelsen 2022-08-17 § 183 (shared/domain.md §2; originals in
# shared/seeds/003_… (the board case on motion 16-2021, Dnr 1326-2021) and 000_… (HR's follow-up
# report, August 2023)), loaded through the public API after 10-documents.sh.
#
# Idempotent: the plan is looked up by its decision (diary number 1326-2021, § 183), measures by
# code, updates by date + text, collaborations by date + form + outcome; only what is missing is
# created, so a rerun (or a rerun after a half-finished run) creates nothing twice.
#
# What the seeds do not state is not invented:
# - the report is dated "augusti 2023" without a day: its updates are dated 2023-08-31, the end of
#   the month it was compiled in;
# - no percentages are reported: an update sets progress only when the seeds call the work done
#   (100); the rest keep 0 and parents roll up from their sub-activities;
# - the seeds name the parties of the collaboration (employees and trade unions, "samtliga
#   parter") but no meeting dates or union names: the records are dated by the decision or the
#   report that mentions them, and their outcome says so.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

HR="HR-avdelningen"
REPORT_DATE="2023-08-31"
uri() { jq -rn --arg v "$1" '$v|@uri'; }

# document_id DIARY_NUMBER: the register's id of the document, or nothing (with a warning)
document_id() {
  local body id
  body=$(api GET "/api/v1/documents?diaryNumber=$(uri "$1")")
  must_be 200
  id=$(jq -r '.items[0].id // empty' <<<"$body")
  [ -n "$id" ] || echo "[seed]   warning: no document $1 in the register; not linked" >&2
  echo "$id"
}

# ids_json DIARY_NUMBER...: a JSON array of the ids found
ids_json() {
  local dnr ids=()
  for dnr in "$@"; do
    id=$(document_id "$dnr")
    [ -n "$id" ] && ids+=("$id")
  done
  printf '%s\n' "${ids[@]:-}" | jq -Rsc 'split("\n") | map(select(length > 0))'
}

# post_retrying_422 PATH JSON: POST; a 422 (the replica of a just-created document may lag a
# second behind the register) is retried a few times
post_retrying_422() {
  local path=$1 json=$2 body i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    body=$(api POST "$path" "$json")
    [ "$(api_status)" = 422 ] || break
    echo "[seed]   422 (documents not replicated yet?), retry $i" >&2
    sleep 1
  done
  echo "$body"
}

# ensure_plan: prints the plan's id
ensure_plan() {
  local body id
  body=$(api GET "/api/v1/plans?diaryNumber=1326-2021&size=200")
  must_be 200
  id=$(jq -r '[.items[] | select(.decision.date == "2022-08-17" and .decision.paragraph == "§ 183")][0].id // empty' <<<"$body")
  if [ -z "$id" ]; then
    body=$(api POST /api/v1/plans "$(jq -nc --arg unit "$HR" '{
      title: "Tillitsbaserad styrning och ledning på alla nivåer",
      description: "Regionstyrelsen beslutade 2022-08-17 § 183 om åtgärder för att stödja ambitionen om tillitsbaserat ledarskap och styrning: en plan för hur tillitsbaserad styrning och ledning ska konkretiseras och förverkligas i praktiken på alla nivåer, framtagen i samverkan med medarbetare och fackliga organisationer; översyn av regionstyrelsens delegationsordning; ökat stöd till linjeorganisationen i rekryteringsarbetet; översyn av process och ansvarsfördelning för individuell lönesättning. Diarienumret är motionsärendets (motion 16-2021, Dnr 1326-2021), som regionstyrelsen 2022-10-06 ansåg besvarad med hänvisning till beslutet.",
      ownerUnit: $unit,
      decision: {body: "REGIONSTYRELSEN", date: "2022-08-17", paragraph: "§ 183", diaryNumber: "1326-2021"},
      periodFrom: "2022-08-17"}')")
    must_be 201
    id=$(jq -r .id <<<"$body")
    echo "[seed]   created the plan of 2022-08-17 § 183" >&2
  else
    echo "[seed]   the plan of 2022-08-17 § 183 is there" >&2
  fi
  echo "$id"
}

# ensure_measure PLAN JSON: prints the measure's id; creates it unless its code exists; links the
# documents of JSON if the existing measure lacks them
ensure_measure() {
  local plan=$1 json=$2 code body id etag want have
  code=$(jq -r .code <<<"$json")
  body=$(api GET "/api/v1/plans/$plan/measures?code=$(uri "$code")")
  must_be 200
  id=$(jq -r '.items[0].id // empty' <<<"$body")
  if [ -z "$id" ]; then
    body=$(post_retrying_422 "/api/v1/plans/$plan/measures" "$json")
    must_be 201
    id=$(jq -r .id <<<"$body")
    echo "[seed]   created measure $code" >&2
  else
    want=$(jq -c '.documentIds // [] | sort' <<<"$json")
    have=$(jq -c '.items[0].documentIds | sort' <<<"$body")
    if [ "$want" != "[]" ] && [ "$want" != "$have" ]; then
      etag=$(curl -sS -D - -o /dev/null "$GATEWAY/api/v1/plans/$plan/measures/$id" \
        -H "Authorization: Bearer $SEED_TOKEN" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
      local out status
      out=$(mktemp)
      for _ in 1 2 3 4 5; do
        status=$(curl -sS -o "$out" -w '%{http_code}' -X PATCH "$GATEWAY/api/v1/plans/$plan/measures/$id" \
          -H "Authorization: Bearer $SEED_TOKEN" -H "If-Match: $etag" -H 'Content-Type: application/json' \
          --data-binary "$(jq -nc --argjson w "$want" --argjson h "$have" '{documentIds: ($w + $h | unique)}')")
        [ "$status" = 422 ] || break
        sleep 1
      done
      rm -f "$out"
      [ "$status" = 200 ] || { echo "[seed] linking documents to measure $code answered $status" >&2; return 1; }
      echo "[seed]   linked documents to measure $code" >&2
    fi
  fi
  echo "$id"
}

# ensure_update PLAN MEASURE JSON: records the update unless one with its date and text exists
ensure_update() {
  local plan=$1 measure=$2 json=$3 body
  body=$(api GET "/api/v1/plans/$plan/measures/$measure/updates?size=1000")
  must_be 200
  if [ "$(jq --argjson u "$json" '[.items[] | select(.date == $u.date and .text == $u.text)] | length' <<<"$body")" = 0 ]; then
    api POST "/api/v1/plans/$plan/measures/$measure/updates" "$json" >/dev/null
    must_be 201
    echo "[seed]   update $(jq -r .date <<<"$json") recorded" >&2
  fi
}

# ensure_collaboration PLAN MEASURE|"" JSON: records it unless one with its date, form and outcome exists
ensure_collaboration() {
  local plan=$1 measure=$2 json=$3 path body
  path="/api/v1/plans/$plan${measure:+/measures/$measure}/collaborations"
  body=$(api GET "$path?size=1000")
  must_be 200
  if [ "$(jq --argjson c "$json" '[.items[] | select(.date == $c.date and .form == $c.form and .outcome == $c.outcome)] | length' <<<"$body")" = 0 ]; then
    api POST "$path" "$json" >/dev/null
    must_be 201
    echo "[seed]   collaboration $(jq -r .date <<<"$json") recorded" >&2
  fi
}

measure_json() { # CODE TITLE DESCRIPTION PRINCIPLES_JSON DOCS_JSON [PARENT] [WEIGHT]
  jq -nc --arg code "$1" --arg title "$2" --arg d "$3" --argjson p "$4" --argjson docs "$5" \
    --arg parent "${6:-}" --arg unit "$HR" --argjson w "${7:-1}" '{
      code: $code, title: $title, description: $d, responsibleUnit: $unit, responsiblePerson: "HR-avdelningen",
      startDate: "2022-08-17", weight: $w, principles: $p, documentIds: $docs}
    + (if $parent == "" then {} else {parentId: $parent} end)'
}

plan=$(ensure_plan)

# --- Measure 1: the plan for trust-based governance and leadership, in samverkan -------------------
m1=$(ensure_measure "$plan" "$(measure_json 1 \
  "Plan för hur tillitsbaserad styrning och ledning konkretiseras och förverkligas på alla nivåer" \
  "En plan ska tas fram för hur ambitionen för en tillitsbaserad styrning och ledning ska konkretiseras samt förverkligas i praktiken på alla nivåer. Planen ska tas fram i samverkan med medarbetare och fackliga organisationer. HR-avdelningen håller samman arbetet." \
  '["TRUST","CITIZEN_FOCUS","HOLISTIC_VIEW","DISCRETION","SUPPORT","KNOWLEDGE","OPENNESS"]' \
  "$(ids_json RS342/2022)" "" 2)")

m11=$(ensure_measure "$plan" "$(measure_json 1.1 "Översyn av styrdokument" \
  "Strukturer och processer som definieras genom styrdokument behöver föregå ledarskapsinsatser och annat som syftar till att implementera tillit som förhållningssätt." \
  '["TRUST","HOLISTIC_VIEW","DISCRETION"]' "$(ids_json RS342/2022 UTAN-DNR-1 RS/1060/2018 UTAN-DNR-2 UTAN-DNR-3)" "$m1")")
m12=$(ensure_measure "$plan" "$(measure_json 1.2 "Chefsutbildning i utvecklande ledarskap (UL)" \
  "UL är ett beprövat koncept där tillitsbaserad ledning är det förhållningssätt som förespråkas." \
  '["TRUST","SUPPORT","KNOWLEDGE"]' '[]' "$m1")")
m13=$(ensure_measure "$plan" "$(measure_json 1.3 "Operativ plan för hälso- och sjukvården framtagen med samtliga parter" \
  "Såväl implementerad plan som arbetet med framtagandet av planen har inneburit en tillitsbaserad ansats där alla väntas kunna vara med och bidra." \
  '["TRUST","CITIZEN_FOCUS","HOLISTIC_VIEW"]' "$(ids_json UTAN-DNR-5)" "$m1")")

ensure_update "$plan" "$m11" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "IN_PROGRESS",
  text: "Styrdokumenten ses över först: i dialoger har resonemanget varit att strukturer och processer som definieras genom styrdokument behöver föregå ledarskapsinsatser. Ny styrmodell (RS342/2022, fastställd av regionfullmäktige 2023-06-21 § 72) synliggör förhållningssättet till en mer tillitsbaserad organisation. Personalpolitisk policy har reviderats under ledning av HR; en remissversion hanteras under hösten 2023 i de politiska nämnderna. Regionplan och verksamhetsplaner för 2024 tas fram.",
  nextSteps: "Fortsatt översyn av övergripande policydokument med anledning av ny mandatperiod.",
  example: true}')"

ensure_update "$plan" "$m12" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "IN_PROGRESS",
  text: "Under våren 2023 var det inte möjligt att frigöra utbildarresurs, så ingen UL-utbildning kunde genomföras.",
  obstacles: "UL-utbildning förutsätter två ledare som båda gått utbildning för att få utbilda; regionen har totalt tre utbildare, varav en inom HR och två chefer i verksamhet, och utbildningen bygger på verksamheternas möjligheter att frigöra dem.",
  nextSteps: "Planeras att återupptas hösten 2023.",
  example: true}')"

ensure_update "$plan" "$m13" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "DONE", progress: 100,
  text: "Operativ plan för hälso- och sjukvården är nyligen antagen och bygger på samtliga parters inkludering för att möjliggöra bästa möjliga utfall av hälso- och sjukvården.",
  example: true}')"

ensure_update "$plan" "$m1" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "IN_PROGRESS",
  text: "Redovisning till regionstyrelsen utifrån uppföljningsplanen, augusti 2023: arbetet mot en mer tillitsbaserad styrning och ledning är långsiktigt och präglas främst av ökad tillit som förhållningssätt till medarbetare, ledning, medborgare och politik.",
  nextSteps: "Fortsatt översyn av styrdokument; utvärdering och eventuella revideringar av rutiner, system, uppföljning, kontroll och arbetssätt på olika nivåer; fortsatt arbete i ledarskaps- och medarbetarskapsfrågor. Regionens nytillträdde regiondirektör ansvarar i sin ledningsfunktion för vidare arbete.",
  example: false}')"

ensure_collaboration "$plan" "" "$(jq -nc '{date: "2022-08-17", parties: ["Medarbetare", "Fackliga organisationer"],
  form: "OTHER",
  outcome: "Regionstyrelsen beslutade 2022-08-17 § 183 att planen ska tas fram i samverkan med medarbetare och fackliga organisationer (motionens andra att-sats). Underlaget anger inga mötesdatum för samverkan."}')"
ensure_collaboration "$plan" "$m1" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, parties: ["Medarbetare", "Fackliga organisationer"],
  form: "DIALOGUE",
  outcome: "Enligt redovisningen (augusti 2023) har resonemanget i dialoger varit att styrdokumentens strukturer och processer behöver föregå ledarskapsinsatser. Dialogernas datum anges inte; registrerad per redovisningens datum."}')"
ensure_collaboration "$plan" "$m13" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, parties: ["Samtliga parter inom hälso- och sjukvården"],
  form: "DIALOGUE",
  outcome: "Planen togs fram med samtliga parters inkludering; en tillitsbaserad ansats där alla väntas kunna vara med och bidra. Datum anges inte i underlaget; registrerad per redovisningens datum."}')"

# --- Measure 2: the board's delegation order ---------------------------------------------------------
ensure_measure "$plan" "$(measure_json 2 "Översyn av regionstyrelsens delegationsordning" \
  "Regionstyrelsens delegationsordning ses över." '["TRUST","DISCRETION"]' "$(ids_json UTAN-DNR-4)")" >/dev/null

# --- Measure 3: support to line managers in recruitment ---------------------------------------------
ensure_measure "$plan" "$(measure_json 3 "Ökat stöd till linjeorganisationen i rekryteringsarbetet" \
  "Stödet till linjeorganisationen i rekryteringsarbetet ska öka." '["SUPPORT"]' '[]')" >/dev/null

# --- Measure 4: individual salary setting ------------------------------------------------------------
m4=$(ensure_measure "$plan" "$(measure_json 4 "Översyn av process och ansvarsfördelning för individuell lönesättning" \
  "En översyn ska göras av process och ansvarsfördelning vad gäller individuell lönesättning." \
  '["TRUST","DISCRETION"]' '[]')")
m41=$(ensure_measure "$plan" "$(measure_json 4.1 "\"Chefens meny\" i Heroma lönesystem i löneöversynen 2023" \
  "Tydliga ramar och uppföljningsrutiner men ett friare spelrum däremellan: chefer hanterar mer av det operativa arbetet i löneöversynen." \
  '["TRUST","DISCRETION"]' '[]' "$m4")")
ensure_update "$plan" "$m41" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "DONE", progress: 100,
  text: "I löneöversynen 2023 infördes \"chefens meny\" i Heroma lönesystem, så att chefer gavs större utrymme att hantera mer av det operativa arbetet utefter HR:s ramar för löneöversynsprocessen.",
  example: true}')"
ensure_update "$plan" "$m4" "$(jq -nc --arg d "$REPORT_DATE" '{date: $d, author: "Elin Roos Högberg, strateg, HR-avdelningen",
  status: "IN_PROGRESS",
  text: "Löneöversynen 2023 hanterades med \"chefens meny\" i Heroma inom HR:s ramar för processen.",
  nextSteps: "Utvärdering och eventuella revideringar av rutiner, system, uppföljning och kontroll.",
  example: false}')"

echo "[seed]   plan $plan: $(api GET "/api/v1/plans/$plan/status" | jq -c '{overallProgress, measures}')" >&2
