# Helpers for the seed scripts (sourced). Needs GATEWAY and SEED_TOKEN (set by seed/load).
# api METHOD PATH [JSON]: prints the response body. The HTTP status is written to a file, because
# callers usually capture the body with $(api ...), which runs in a subshell; read it with
# api_status, or check it with must_be.
SEED_STATUS_FILE=${SEED_STATUS_FILE:-$(mktemp)}
export SEED_STATUS_FILE
api() {
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp)
  local args=(-sS -o "$out" -w '%{http_code}' -X "$method" "$GATEWAY$path"
    -H "Authorization: Bearer $SEED_TOKEN" -H 'Accept: application/json')
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
  fi
  status=$(curl "${args[@]}") || status=000
  echo "$status" > "$SEED_STATUS_FILE"
  cat "$out"; rm -f "$out"
}
api_status() { cat "$SEED_STATUS_FILE"; }
# must_be STATUS... : fail loudly unless the last api call answered one of them
must_be() {
  local s got
  got=$(api_status)
  for s in "$@"; do [ "$got" = "$s" ] && return 0; done
  echo "[seed] unexpected HTTP $got (expected $*)" >&2; return 1
}
