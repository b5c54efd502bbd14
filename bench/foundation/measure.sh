#!/usr/bin/env bash
# Measures the foundation (prints figures, asserts nothing):
#   - time from `git clone` to all-healthy with `deploy/local/run`, first run (fresh clone: build
#     from source) and second run (same clone, stopped and started again: caches and jars in place);
#   - each service's time to ready (Quarkus' own "started in" line) and idle RSS, the whole set's RSS;
#   - optionally (--with-tests) the wall time of the README's test command in that clone.
# Usage: bench/foundation/measure.sh [--with-tests] [--cold-maven]
#   --cold-maven  use an empty Maven repository for the first run (downloads every dependency)
# Needs ports 8080-8083 free. Works on a throw-away clone in $TMPDIR; the repo itself is untouched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
with_tests=0; cold=0
for a in "$@"; do
  case "$a" in --with-tests) with_tests=1;; --cold-maven) cold=1;; *) echo "unknown option $a" >&2; exit 2;; esac
done
for p in 8080 8081 8082 8083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use: stop the running set first" >&2; exit 1; fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/governance-measure.XXXXXX")
clone="$work/governance"
if [ $cold = 1 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$work/m2"; fi
services=(governance-docs-service action-plan-service reporting-service gateway)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

report() {
  local label=$1 total=0 name pid rss ready
  printf '\n%s\n' "$label"
  printf '  %-26s %12s %10s\n' service "ready (s)" "RSS (MB)"
  sleep 5 # let the services settle to idle
  for name in "${services[@]}"; do
    pid=$(cat "$clone/deploy/local/.state/$name.pid")
    rss=$(rss_mb "$pid")
    ready=$(grep -o 'started in [0-9.]*s' "$clone/deploy/local/logs/$name.log" | tail -1 | grep -o '[0-9.]*' || echo "?")
    total=$((total + ${rss/\?/0}))
    printf '  %-26s %12s %10s\n' "$name" "$ready" "$rss"
  done
  local kpid; kpid=$(cat "$clone/deploy/local/.state/kafka.pid" 2>/dev/null || true)
  if [ -n "$kpid" ]; then
    printf '  %-26s %12s %10s\n' "kafka broker" "-" "$(rss_mb "$kpid")"
  fi
  printf '  %-26s %12s %10s\n' "the four services" "" "$total"
}

cleanup() { [ -x "$clone/deploy/local/run" ] && "$clone/deploy/local/run" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "Measuring in $clone (commit $(git -C "$repo" rev-parse --short HEAD)), $(nproc) cores"
t0=$(now)
git clone -q "$repo" "$clone"
"$clone/deploy/local/run" >"$work/run1.log" 2>&1
t1=$(now)
echo "first run  (clone -> all healthy, seed loaded): $(secs "$t0" "$t1") s"
report "after the first run"
"$clone/deploy/local/run" stop >"$work/stop1.log" 2>&1
t2=$(now)
"$clone/deploy/local/run" >"$work/run2.log" 2>&1
t3=$(now)
echo "second run (start -> all healthy, caches warm):  $(secs "$t2" "$t3") s"
report "after the second run"
"$clone/deploy/local/run" stop >"$work/stop2.log" 2>&1
echo "stop twice in a row: ok"
if [ $with_tests = 1 ]; then
  t4=$(now)
  (cd "$clone" && deploy/local/test >"$work/test.log" 2>&1) && result=passed || result=FAILED
  t5=$(now)
  echo "test command (deploy/local/test) wall time: $(secs "$t4" "$t5") s ($result; log $work/test.log)"
  grep -E 'Tests run:.*Fail' "$work/test.log" | grep -v ' -- in ' | tail -6 || true
fi
echo "logs: $work"
