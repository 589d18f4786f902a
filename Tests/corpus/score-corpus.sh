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
declare -A summary

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
  summary[$name]=$line
  if [ -n "${BASELINE:-}" ] && [ -n "${summary[$BASELINE]:-}" ]; then
    # Degraded inputs may lose at most 0.03 of the clean text's theme scores.
    for metric in theme_micro_f1 theme_macro_f1 primary; do
      local base; base=$(printf '%s\n' "${summary[$BASELINE]}" | tr ' ' '\n' | sed -n "s/^$metric=//p")
      [ -n "$base" ] && rules+=("$metric>=$(python3 -c "print(round($base - 0.03, 4))")")
    done
  fi
  if check "$name" "$line" "${rules[@]}"; then passed=$((passed+1)); else failed=$((failed+1)); fi
}

# seed_exact: the seed page must give the lead, four articles with the gold titles/authors/affiliations,
# the headline, and exactly clean.txt's paragraphs. (The scorer's own text metric on the seed is
# skewed: two of its articles start with the same 8 characters, which its alignment keys on.)
seed_exact() {
  local dir="$work/seed-exact"; mkdir -p "$dir/inbox"
  "$BIN" serve --inbox "$dir/inbox" --state "$dir/state" --socket "$dir/s.sock" 2>"$dir/log" &
  pid=$!
  for _ in $(seq 100); do [ -S "$dir/s.sock" ] && break; sleep 0.1; done
  cp "$CORPUS/seed/seed.raw.txt" "$dir/inbox/.seed.raw.txt" && mv "$dir/inbox/.seed.raw.txt" "$dir/inbox/seed.raw.txt"
  python3 - "$dir/s.sock" "$CORPUS/seed" <<'PY'
import json, socket, sys, time
sock_path, seed = sys.argv[1:]
gold = json.load(open(seed + "/gold.json"))
clean = [l for l in open(seed + "/clean.txt", encoding="utf-8").read().split("\n") if l]
def get():
    s = socket.socket(socket.AF_UNIX); s.connect(sock_path)
    s.sendall(b'{"op":"get","file":"seed.raw.txt"}\n'); buf = b""
    while not buf.endswith(b"\n"): buf += s.recv(1 << 20)
    return json.loads(buf)
for _ in range(100):
    r = get()
    if r.get("ok"): break
    time.sleep(0.1)
rep = r["result"]
problems = []
if rep.get("headline") != gold["headline"]: problems.append(f"headline {rep.get('headline')!r}")
arts = rep["articles"]
if len(arts) != len(gold["articles"]): problems.append(f"{len(arts)} articles, want {len(gold['articles'])}")
for g, a in zip(gold["articles"], arts):
    for f in ("title", "author", "affiliation"):
        if g[f] != a.get(f): problems.append(f"article {a['index']} {f} {a.get(f)!r} != {g[f]!r}")
structure = {gold["headline"]} | {g["title"] for g in gold["articles"] if g["title"]}
body = [l for l in clean if l not in structure and not l.startswith("□") and not l.startswith("（作者系")]
ours = [p for a in arts for p in a["paragraphs"]]
if ours != body: problems.append(f"paragraphs differ from clean.txt ({len(ours)} vs {len(body)})")
print("PASS seed-exact" if not problems else "FAIL seed-exact: " + "; ".join(problems))
sys.exit(1 if problems else 0)
PY
  local rc=$?
  kill "$pid"; wait "$pid" 2>/dev/null; pid=
  if [ $rc -eq 0 ]; then passed=$((passed+1)); else failed=$((failed+1)); fi
}

V="$CORPUS/dev-variants"
# Issue 2: every file ingests. Issue 3: structure and text. Issue 4: themes. Issue 8: PDF, Word, web pages.
STRUCTURE=(failed\<=0 segmentation\>=0.9 text\>=0.98 paragraphs\>=0.9 doubled_residue\<=0 title\>=0.9 author\>=0.9
           affiliation\>=0.9 places_recall\>=0.85 figures_recall\>=0.85 published\>=0.9 nonreports\>=1
           theme_micro_f1\>=0.9 primary\>=0.85 forbidden_hits\<=2)
run dev            "$CORPUS/dev" -- "${STRUCTURE[@]}"
BASELINE=dev   # every later set is also held to the clean text's theme scores (within 0.03)
BASELINE= run seed "$CORPUS/seed" --variants "$CORPUS/seed" --variant raw.txt -- failed\<=0 segmentation\>=1 \
                   doubled_residue\<=0 title\>=1 author\>=1 affiliation\>=1 places_recall\>=0.85 figures_recall\>=0.85 published\>=1 \
                   theme_micro_f1\>=0.9 primary\>=0.85 forbidden_hits\<=2
seed_exact
run gb18030-utf16  "$CORPUS/dev" --variants "$V" --variant gb18030.txt --variant utf16.txt -- "${STRUCTURE[@]}"
for variant in pdf-pypdf.txt pdf-poppler.txt fullwidth.txt docx html; do
  run "$variant"   "$CORPUS/dev" --variants "$V" --variant "$variant" -- "${STRUCTURE[@]}"
done
# Issue 8: the PDFs themselves (kept apart in pdf/ so that the text runs above do not drop them).
run pdf            "$CORPUS/dev" --variants "$V/pdf" --variant pdf -- "${STRUCTURE[@]}"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
