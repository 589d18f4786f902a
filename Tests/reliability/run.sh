#!/usr/bin/env bash
# The long reliability tests against a real renewald: crash consistency under kill -9, disk full and
# read-only state, hostile files, hostile clients; then the fuzz targets for a bounded time (built meanwhile).
# Usage: Tests/reliability/run.sh [BINARY]   (default .build/debug/renewald; FUZZ_SECONDS=60 per target)
# Needs root (tmpfs mounts, dropped capabilities), python3, sqlite3. Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/debug/renewald}
[ -x "$BIN" ] || { echo "reliability: no binary at $BIN (run swift build first)"; exit 2; }
command -v sqlite3 >/dev/null || { echo "reliability: the sqlite3 CLI is missing (apt-get install sqlite3)"; exit 2; }

passed=0; failed=0
fuzz=${FUZZ_SECONDS:-60}
if [ "$fuzz" != 0 ]; then
  # The fuzz targets compile while the reliability tests, which mostly wait on the daemon, run; the
  # fuzzers run afterwards on a machine left to them, so each still gets its full share of CPU time.
  # The compile is SCHED_IDLE: it takes only what even the daemon's nice +19 analysis threads leave,
  # so the tests' time limits see the machine they would see without it.
  idle=(nice -n 19); command -v chrt >/dev/null && idle=(chrt --idle 0 nice -n 19)
  fuzz_log=$(mktemp /tmp/renewald-fuzz-build.XXXXXX)
  "${idle[@]}" Tests/Fuzz/run.sh build > "$fuzz_log" 2>&1 &
  fuzz_build=$!
fi
python3 Tests/reliability/reliability.py "$BIN" 2>&1 | tee /tmp/renewald-reliability.$$.log
read -r p _ f _ < <(tail -1 /tmp/renewald-reliability.$$.log)
rm -f /tmp/renewald-reliability.$$.log
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))

if [ "$fuzz" != 0 ]; then
  echo "-- fuzz"
  wait "$fuzz_build"; built=$?
  cat "$fuzz_log"; rm -f "$fuzz_log"
  if [ $built -eq 0 ] && FUZZ_PREBUILT=1 Tests/Fuzz/run.sh "$fuzz"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
