# Helpers for the seed scripts (sourced). Needs GATEWAY and SEED_TOKEN (set by seed/load).
# api METHOD PATH [JSON]: prints the body; the HTTP status is left in $API_STATUS.
api() {
  local method=$1 path=$2 body=${3:-} out
  out=$(mktemp)
  if [ -n "$body" ]; then
    API_STATUS=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$GATEWAY$path" \
      -H "Authorization: Bearer $SEED_TOKEN" -H 'Content-Type: application/json' -H 'Accept: application/json' \
      --data-binary "$body")
  else
    API_STATUS=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$GATEWAY$path" \
      -H "Authorization: Bearer $SEED_TOKEN" -H 'Accept: application/json')
  fi
  cat "$out"; rm -f "$out"
}
# must_be STATUS... : fail loudly unless $API_STATUS is one of them
must_be() {
  local s
  for s in "$@"; do [ "$API_STATUS" = "$s" ] && return 0; done
  echo "[seed] unexpected HTTP $API_STATUS" >&2; return 1
}
