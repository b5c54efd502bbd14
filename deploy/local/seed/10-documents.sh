#!/usr/bin/env bash
# The region's governing documents named in shared/domain.md §1 (originals in shared/seeds/),
# loaded through the public API. Idempotent: a document is looked up by its diary number first;
# each lifecycle step runs only if the document has not reached it yet, so a rerun (or a rerun
# after a half-finished first run) changes nothing that is already there.
#
# Where the seeds do not state a fact the register requires, the seed says so in the document's
# summary instead of hiding it:
# - no diary number in the seeds → "UTAN-DNR-<n>" (a visible placeholder, never a real number);
# - no decision date for a document the seeds call adopted → the decision date below is a
#   placeholder (the API needs a date to adopt, and a document must be adopted before it can be
#   reviewed), marked "(beslutsdatum ej angivet i underlaget)" in the summary; the decision's
#   paragraph says "(platshållardatum, beslut ej angivet)" instead of inventing a "§ 0", so every
#   decision reference that prints it (versions, the compiled report) shows the date is not real.
# Business dates (what happened before it was registered today) are given as the seeds state them,
# so a report "as of" 2023 shows what stood then: a review's startedOn, a draft's draftingSince.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

# ensure_document JSON: prints the id of the document with JSON's diary number, creating it if absent.
ensure_document() {
  local json=$1 dnr body id
  dnr=$(jq -r .diaryNumber <<<"$json")
  body=$(api GET "/api/v1/documents?diaryNumber=$(jq -rn --arg v "$dnr" '$v|@uri')")
  must_be 200
  id=$(jq -r '.items[0].id // empty' <<<"$body")
  if [ -z "$id" ]; then
    body=$(api POST /api/v1/documents "$json")
    must_be 201
    id=$(jq -r .id <<<"$body")
    echo "[seed]   created $dnr" >&2
  else
    echo "[seed]   $dnr already registered" >&2
  fi
  echo "$id"
}

status_of() {
  local body
  body=$(api GET "/api/v1/documents/$1")
  must_be 200
  jq -r .status <<<"$body"
}

# adopt ID DECISION_JSON [FILE_URL]: adopts unless already adopted (or further on)
adopt() {
  local id=$1 decision=$2 file=${3:-} status
  status=$(status_of "$id")
  case "$status" in
    DRAFT|IN_CONSULTATION)
      api POST "/api/v1/documents/$id/adoptions" \
        "$(jq -nc --argjson d "$decision" --arg f "$file" '{decision:$d} + (if $f == "" then {} else {fileUrl:$f} end)')" >/dev/null
      must_be 201 ;;
  esac
}

open_consultation() {
  local id=$1 json=$2
  if [ "$(status_of "$id")" = DRAFT ]; then
    api POST "/api/v1/documents/$id/consultations" "$json" >/dev/null
    must_be 201
  fi
}

# start_review ID REASON STARTED_ON: starts the review (decided on STARTED_ON) unless it is not ADOPTED any more
start_review() {
  local id=$1 reason=$2 started_on=$3
  if [ "$(status_of "$id")" = ADOPTED ]; then
    api POST "/api/v1/documents/$id/reviews" "$(jq -nc --arg r "$reason" --arg d "$started_on" '{reason:$r, startedOn:$d}')" >/dev/null
    must_be 200
  fi
}

PLACEHOLDER_DATE="(beslutsdatum ej angivet i underlaget)"
# The decision's paragraph when the date is a placeholder (at most 40 characters).
PLACEHOLDER_PARAGRAPH="(platshållardatum, beslut ej angivet)"
# placeholder_decision BODY DATE [COMMITTEE]: a decision whose date is a placeholder, labelled as such
placeholder_decision() {
  jq -nc --arg b "$1" --arg d "$2" --arg c "${3:-}" --arg p "$PLACEHOLDER_PARAGRAPH" \
    '{body:$b, date:$d, paragraph:$p} + (if $c == "" then {} else {committee:$c} end)'
}

# 1. Riktlinjer för politiska styrdokument, Dnr RS/1060/2018: defines the document types.
id=$(ensure_document "$(jq -nc --arg s "Definierar regionens typer av politiska styrdokument. En policy anger Region Jämtland Härjedalens förhållningssätt och värderingar inom ämnet, däremot ska inte en policy ange några fasta regler utan enbart principer. $PLACEHOLDER_DATE" '{
  diaryNumber: "RS/1060/2018", title: "Riktlinjer för politiska styrdokument", type: "GUIDELINE",
  political: true, ownerUnit: "Regionledningsförvaltningen", summary: $s}')")
adopt "$id" "$(placeholder_decision REGIONFULLMAKTIGE 2018-12-31)"

# 2. The governance model (styrmodell), RS342/2022, regionfullmäktige 2023-06-21 § 72, published as a PDF.
id=$(ensure_document "$(jq -nc '{
  diaryNumber: "RS342/2022", title: "Styrmodell för Region Jämtland Härjedalen", type: "GOVERNANCE_MODEL",
  political: true, ownerUnit: "Regionledningsförvaltningen",
  summary: "Regionens nya styrmodell, där förhållningssättet till en mer tillitsbaserad organisation synliggörs.",
  principles: [
    {principle: "TRUST", passage: "tillit till organisationens medarbetare, chefer och processer är en målsättning genom hela styrkedjan"},
    {principle: "HOLISTIC_VIEW", passage: "alla har och tar ansvar för att aktivt verka för att stimulera till samverkan och helhetsperspektiv och att bygga och bidra till tillitsfulla relationer"},
    {principle: "DISCRETION", passage: "En tillitsbaserad ledning och styrning förutsätter tydliga ramar och mandat och ställer krav på uppföljning men lämnar också utrymme för medarbetare att forma innehållet"}],
  fileUrl: "https://diariet.regionjh.se/diariet/files/1ca874e4-7c9e-4519-8b74-34954f18621d.pdf"}')")
adopt "$id" '{"body":"REGIONFULLMAKTIGE","date":"2023-06-21","paragraph":"§ 72"}' \
  "https://diariet.regionjh.se/diariet/files/1ca874e4-7c9e-4519-8b74-34954f18621d.pdf"

# 3. Personalpolitisk policy: revised under HR; the consultation version goes to the political committees in autumn 2023.
id=$(ensure_document "$(jq -nc '{
  diaryNumber: "UTAN-DNR-1", title: "Personalpolitisk policy", type: "POLICY", political: true,
  ownerUnit: "HR-avdelningen",
  summary: "Underlättar ställningstaganden och utgör vägledning för chefer och medarbetare i utveckling och tillämpning inom det personalpolitiska området. Remissversion hanteras under hösten 2023 i de politiska nämnderna. Diarienummer anges inte i underlaget.",
  principles: [
    {principle: "TRUST", passage: "har i revideringsarbetet och remissutgåvan beaktat strävan mot en mer tillitsbaserad ledning och styrning"},
    {principle: "SUPPORT", passage: "utgöra vägledning för chefer och medarbetare i utveckling och tillämpning inom det personalpolitiska området"}]}')")
open_consultation "$id" '{"recipients":["De politiska nämnderna"],"deadline":"2023-11-30","description":"Remissversion av reviderad personalpolitisk policy (hösten 2023)."}'

# 4. Regionplan and verksamhetsplaner 2024: being drafted. The follow-up report (HR-avdelningen,
#    augusti 2023) says the work "pågår ... i skrivande stund" but not since when, and domain.md only
#    says "being drafted". So draftingSince is the latest day we know the work was under way: the
#    report's own date, the end of August 2023 (2023-08-31, the date a report of that follow-up is
#    compiled as of). An earlier day would be invented; the summary says the start is not known.
ensure_document "$(jq -nc '{
  diaryNumber: "UTAN-DNR-2", title: "Regionplan 2024", type: "PLAN", political: true,
  ownerUnit: "Regionledningsförvaltningen", draftingSince: "2023-08-31",
  summary: "Under framtagande. Ansatsen mot ett mer tillitsbaserat förhållningssätt väntas beaktas i syfte att uppnå ökad involvering och ökat engagemang från chefer och medarbetare. Arbetet pågick enligt uppföljningen i augusti 2023; när det började anges inte i underlaget. Diarienummer anges inte i underlaget.",
  principles: [{principle: "TRUST", passage: "ökad involvering och ökat engagemang från chefer och medarbetare"}]}')" >/dev/null
ensure_document "$(jq -nc '{
  diaryNumber: "UTAN-DNR-3", title: "Verksamhetsplaner 2024", type: "PLAN", political: false,
  ownerUnit: "Regionledningsförvaltningen", draftingSince: "2023-08-31",
  summary: "Under framtagande, liksom regionplanen för 2024. Arbetet pågick enligt uppföljningen i augusti 2023; när det började anges inte i underlaget. Diarienummer anges inte i underlaget.",
  principles: [{principle: "TRUST", passage: "ökad involvering och ökat engagemang från chefer och medarbetare"}]}')" >/dev/null

# 5. Regionstyrelsens delegationsordning: to be reviewed (regionstyrelsen 2022-08-17 § 183, measure 2;
#    the board's case of 2022-10-06, seeds/003, cites it). The review began with that decision, so its
#    startedOn is 2022-08-17. When the order in force was adopted is not known: the adoption below is a
#    placeholder, labelled as one, dated before the review so that the order is in force until then.
id=$(ensure_document "$(jq -nc --arg s "Regionstyrelsen beslutade 2022-08-17 § 183 att delegationsordningen ses över. Diarienummer anges inte i underlaget. $PLACEHOLDER_DATE" '{
  diaryNumber: "UTAN-DNR-4", title: "Regionstyrelsens delegationsordning", type: "DELEGATION_ORDER",
  political: true, ownerUnit: "Regionledningsförvaltningen", summary: $s,
  principles: [{principle: "DISCRETION"}]}')")
adopt "$id" "$(placeholder_decision REGIONSTYRELSEN 2022-01-01)"
start_review "$id" "Regionstyrelsen 2022-08-17 § 183: delegationsordningen ses över som en del av planen för tillitsbaserad styrning och ledning." \
  2022-08-17

# 6. Operativ plan för hälso- och sjukvården: recently adopted, drafted with all parties included.
id=$(ensure_document "$(jq -nc --arg s "En nyligen antagen plan som bygger på samtliga parters inkludering för att möjliggöra bästa möjliga utfall av hälso- och sjukvården. Diarienummer anges inte i underlaget. $PLACEHOLDER_DATE" '{
  diaryNumber: "UTAN-DNR-5", title: "Operativ plan för hälso- och sjukvården", type: "PLAN", political: false,
  ownerUnit: "Hälso- och sjukvårdsförvaltningen", summary: $s,
  principles: [
    {principle: "HOLISTIC_VIEW", passage: "bygger på samtliga parters inkludering för att möjliggöra bästa möjliga utfall av hälso- och sjukvården"},
    {principle: "TRUST", passage: "har inneburit en tillitsbaserad ansats där alla väntas kunna vara med och bidra"}]}')")
adopt "$id" "$(placeholder_decision COMMITTEE 2023-06-01 "Hälso- och sjukvårdsnämnden")"
