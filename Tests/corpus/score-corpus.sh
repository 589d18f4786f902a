#!/usr/bin/env bash
# Scores a real renewald against the shared gold corpus and fails below the thresholds the issues set.
# Usage: Tests/corpus/score-corpus.sh [BINARY]   (default: .build/debug/renewald)
# Prints one summary line per input set, then `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/debug/renewald}
SHARED=${SHARED:-../shared}
SCORE="$SHARED/tools/score"
CORPUS="$SHARED/corpus"
[ -x "$BIN" ] || { echo "score-corpus: no binary at $BIN (run swift build first)"; exit 2; }
[ -d "$CORPUS/dev" ] || { echo "score-corpus: the shared corpus is missing at $CORPUS"; exit 2; }

work=$(mktemp -d /tmp/renewald-score.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

passed=0; failed=0

# check NAME SUMMARY_LINE METRIC>=MIN ... — compares the scorer's `score:` line with thresholds.
check() {
  local name=$1 line=$2; shift 2
  python3 - "$name" "$line" "$@" <<'PY'
import sys
name, line, *rules = sys.argv[1:]
values = {}
for part in line.split():
    if "=" in part:
        k, v = part.split("=", 1)
        try:
            num, _, den = v.partition("/")
            values[k] = float(num) / float(den) if den and float(den) else float(num) if not den else 1.0
        except ValueError:
            pass
bad = []
for rule in rules:
    op = ">=" if ">=" in rule else "<="
    key, limit = rule.split(op)
    got = values.get(key)
    if got is None or (op == ">=" and got < float(limit) - 1e-9) or (op == "<=" and got > float(limit) + 1e-9):
        bad.append(f"{key}={got} (want {op} {limit})")
print(f"{'PASS' if not bad else 'FAIL'} {name}" + ("" if not bad else ": " + ", ".join(bad)))
sys.exit(1 if bad else 0)
PY
}

# run NAME [score args…] -- RULES…  — a fresh daemon per set, so file names never collide.
run() {
  local name=$1; shift
  local args=() rules=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  rules=("$@")
  local dir="$work/$name"; mkdir -p "$dir/inbox"
  "$BIN" serve --inbox "$dir/inbox" --state "$dir/state" --socket "$dir/s.sock" 2>"$dir/log" &
  pid=$!
  for _ in $(seq 100); do [ -S "$dir/s.sock" ] && break; sleep 0.1; done
  local out; out=$(python3 "$SCORE" --socket "$dir/s.sock" --inbox "$dir/inbox" "${args[@]}" 2>&1)
  kill "$pid"; wait "$pid" 2>/dev/null; pid=
  local line; line=$(printf '%s\n' "$out" | grep '^score:' | tail -1)
  [ -n "${VERBOSE:-}" ] && printf '%s\n' "$out"
  echo "$name: ${line:-no summary: $out}"
  if check "$name" "$line" "${rules[@]}"; then passed=$((passed+1)); else failed=$((failed+1)); fi
}

V="$CORPUS/dev-variants"
# Issue 2: every file ingests. Issues 3/4 raise these as their stages land.
run dev            "$CORPUS/dev" -- failed\<=0 nonreports\>=1
run seed           "$CORPUS/seed" --variants "$CORPUS/seed" --variant raw.txt -- failed\<=0
run gb18030-utf16  "$CORPUS/dev" --variants "$V" --variant gb18030.txt --variant utf16.txt -- failed\<=0
for variant in pdf-pypdf.txt pdf-poppler.txt fullwidth.txt; do
  run "$variant"   "$CORPUS/dev" --variants "$V" --variant "$variant" -- failed\<=0
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
