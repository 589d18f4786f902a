#!/usr/bin/env bash
# Builds the libFuzzer targets with `swiftc -sanitize=fuzzer,address` against the package's module
# sources and runs each for a bounded time. Crashes are saved to .build-fuzz/crashes/: once fixed, keep
# each in Tests/Fuzz/seeds/TARGET/ (run every time) beside a unit test. Usage: Tests/Fuzz/run.sh [SECONDS]  (default 60)
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
OUT=${FUZZ_BUILD:-.build-fuzz}
mkdir -p "$OUT/crashes"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$OUT" -I Sources/CZlib -module-cache-path "$OUT/cache")

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

for m in ReportModel QueryProtocol Decode Characters Normalize Segment Formats; do module "$m"; done
target RequestFuzz ReportModel QueryProtocol
target DecodeFuzz ReportModel Decode Characters Normalize Segment
target HTMLFuzz ReportModel Decode Characters Formats

# Swift's own crash backtracer trips over ASan's shadow memory and hides the message; libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no
status=0
# max_len: HTMLFuzz grows each input to about 1 MB itself (see HTMLFuzz.swift), so inputs stay small.
for t in RequestFuzz DecodeFuzz HTMLFuzz; do
  corpus="$OUT/corpus-$t"
  mkdir -p "$corpus"
  cp -n Tests/Fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null
  echo "fuzz: $t for $SECONDS_EACH s"
  timeout=10; [ "$t" = HTMLFuzz ] && timeout=60   # each HTMLFuzz input is a 1 MB page
  if "$OUT/$t" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=$timeout -rss_limit_mb=2048 \
       -artifact_prefix="$OUT/crashes/$t"- -print_final_stats=1 "$corpus" 2>"$OUT/$t.log"; then
    echo "fuzz: $t OK ($(grep -a 'stat::number_of_executed_units' "$OUT/$t.log" | awk '{print $2}') runs, $(ls "$corpus" | wc -l) corpus entries)"
  else
    echo "fuzz: $t FOUND A CRASH:"; grep -a -A15 "ERROR\|Fatal error\|deadly signal" "$OUT/$t.log" | head -30
    ls "$OUT/crashes/$t"-* 2>/dev/null
    status=1
  fi
done
exit $status
