# The benchmark's register of 10,000 documents (sourced by bench/docs/run.sh and bench/docs/search.sh).
#
# load_documents BASE TOKEN: imports them through POST BASE/api/v1/documents/import, 2 x 5,000 CSV rows.
# Document n (0-9,999): diary number BENCH/n/2026, title "Styrdokument n om W(n mod 12) och W(n/12 mod 12)",
# type T(n mod 6) (POLICY, GUIDELINE, PLAN, STRATEGY, PROGRAM, RULE), summary "Sammanfattning om W(n/7 mod
# 12)policyn", principle TRUST; every document is a DRAFT. So the search q=tillit&type=POLICY&status=DRAFT
# matches 1,013 documents, q=tillit 2,261, and q=styr (a prefix of every title) all 10,000.
load_documents() {
  local base=$1 token=$2 batch i n csv code
  local words=(tillit styrning ledning policy riktlinje plan medarbetare kunskap öppenhet helhetssyn stöd samverkan)
  local types=(POLICY GUIDELINE PLAN STRATEGY PROGRAM RULE)
  for batch in 0 1; do
    csv=$RESULTS/docs-import-$batch.csv
    {
      echo "diaryNumber,title,type,ownerUnit,summary,principles"
      for i in $(seq 0 4999); do
        n=$((batch * 5000 + i))
        echo "BENCH/$n/2026,Styrdokument $n om ${words[$((n % 12))]} och ${words[$(((n / 12) % 12))]},${types[$((n % 6))]},Enhet $((n % 40)),Sammanfattning om ${words[$(((n / 7) % 12))]}policyn,TRUST"
      done
    } > "$csv"
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/documents/import" \
      -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$csv")
    [ "$code" = 201 ] || { echo "import answered $code" >&2; return 1; }
  done
}
