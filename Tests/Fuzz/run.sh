#!/usr/bin/env bash
# Builds the libFuzzer targets with `swiftc -sanitize=fuzzer,address` against the package's module
# sources and runs each for a bounded time. Crashes are saved to .build-fuzz/crashes/: once fixed, keep
# each in Tests/Fuzz/seeds/TARGET/ (run every time) beside a unit test. Usage: Tests/Fuzz/run.sh [SECONDS]  (default 60)
# SECONDS is each target's share of CPU time: the targets run side by side, one per core, so on a
# machine with fewer cores than targets each runs for SECONDS × targets / cores of wall time.
# `Tests/Fuzz/run.sh build` only builds; FUZZ_PREBUILT=1 then runs what it built without building again.
set -uo pipefail
cd "$(dirname "$0")/../.."
mode=run; [ "${1:-}" = build ] && { mode=build; shift; }
SECONDS_EACH=${1:-60}
OUT=${FUZZ_BUILD:-.build-fuzz}
mkdir -p "$OUT/crashes"
# -package-name: the modules share `package` declarations, as under SwiftPM.
FLAGS=(-sanitize=fuzzer,address -parse-as-library -package-name renewald -O -g -I "$OUT" -I Sources/CZlib -module-cache-path "$OUT/cache")

# module NAME: compiles Sources/NAME into an object and a .swiftmodule the next modules import
# (the C shims' module maps are found through -I; zlib is linked by its module map).
module() {
  local name=$1
  swiftc "${FLAGS[@]}" -emit-module -emit-module-path "$OUT/$name.swiftmodule" -module-name "$name" \
    -emit-object -wmo -o "$OUT/$name.o" Sources/"$name"/*.swift >"$OUT/build-$name.log" 2>&1 \
    || { cat "$OUT/build-$name.log"; echo "fuzz: cannot build $name"; exit 2; }
}

# target NAME MODULES…: links Tests/Fuzz/NAME.swift with the modules' objects.
target() {
  local name=$1; shift
  local objects=()
  for m in "$@"; do objects+=("$OUT/$m.o"); done
  # (ld.gold warns about every ASan helper symbol; the log is shown only when the link fails.)
  swiftc "${FLAGS[@]}" -module-name "$name" Tests/Fuzz/"$name".swift "${objects[@]}" -o "$OUT/$name" \
    >"$OUT/build-$name.log" 2>&1 || { cat "$OUT/build-$name.log"; echo "fuzz: cannot build $name"; exit 2; }
}

# side_by_side CMD ARG…: runs `CMD ARG` for each ARG at once (the modules of one level import none of
# each other; each -wmo compile is one process); fails if any of them does.
side_by_side() {
  local cmd=$1 pids=() status=0; shift
  for arg in "$@"; do $cmd $arg & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=2; done
  [ $status -eq 0 ] || exit $status
}
targets=(RequestFuzz DecodeFuzz HTMLFuzz)
if [ -z "${FUZZ_PREBUILT:-}" ]; then
  side_by_side module ReportModel Characters
  side_by_side module QueryProtocol Decode Normalize
  side_by_side module Segment Formats
  side_by_side target "RequestFuzz ReportModel QueryProtocol" "DecodeFuzz ReportModel Decode Characters Normalize Segment" \
    "HTMLFuzz ReportModel Decode Characters Formats"
fi
for t in "${targets[@]}"; do [ -x "$OUT/$t" ] || { echo "fuzz: $OUT/$t was not built"; exit 2; }; done
[ $mode = build ] && { echo "fuzz: built ${targets[*]}"; exit 0; }

# Swift's own crash backtracer trips over ASan's shadow memory and hides the message; libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no
status=0
cores=$(nproc 2>/dev/null || echo 1)
wall=$(( (SECONDS_EACH * ${#targets[@]} + cores - 1) / cores )); [ "$wall" -lt "$SECONDS_EACH" ] && wall=$SECONDS_EACH
declare -A fuzzer
# max_len: HTMLFuzz grows each input to about 1 MB itself (see HTMLFuzz.swift), so inputs stay small.
for t in "${targets[@]}"; do
  corpus="$OUT/corpus-$t"
  mkdir -p "$corpus"
  cp -n Tests/Fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null
  echo "fuzz: $t for $wall s beside the others ($SECONDS_EACH s of CPU on $cores cores)"
  timeout=10; [ "$t" = HTMLFuzz ] && timeout=60   # each HTMLFuzz input is a 1 MB page
  "$OUT/$t" -max_total_time="$wall" -max_len=4096 -timeout=$timeout -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crashes/$t"- -print_final_stats=1 "$corpus" 2>"$OUT/$t.log" &
  fuzzer[$t]=$!
done
for t in "${targets[@]}"; do
  corpus="$OUT/corpus-$t"
  if wait "${fuzzer[$t]}"; then
    echo "fuzz: $t OK ($(grep -a 'stat::number_of_executed_units' "$OUT/$t.log" | awk '{print $2}') runs, $(ls "$corpus" | wc -l) corpus entries)"
  else
    echo "fuzz: $t FOUND A CRASH:"; grep -a -A15 "ERROR\|Fatal error\|deadly signal" "$OUT/$t.log" | head -30
    ls "$OUT/crashes/$t"-* 2>/dev/null
    status=1
  fi
done
exit $status
