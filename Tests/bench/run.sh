#!/usr/bin/env bash
# The renewald benchmark (issue 7): builds the release binary and the load generator, installs the
# peers (recoll, redis, jieba) where they install, makes the corpora, and prints ONE table with
# every figure, its target, the peers' figures from the same run, the ratios and MET/MISSED.
#
#   Tests/bench/run.sh [--quick] [--count 10000|100000|1000000] [--store postgres] [--profile]
#
# --quick (the default): 10k reports only, fewer repetitions (≈ 5 min).
# --count 100000: the full run, 10k and 100k (≈ 622 MB of text; ≈ 7 min on 2 cores once the corpora are made).
# --count 1000000: 10k, 100k and 1M (≈ 6.2 GB of text; hours, and the 1M corpus takes long to make).
# --store postgres: also the PostgreSQL store (issue 14) at 100k and 1M: ingest with one host and with
#   three (three daemons, three inboxes, one database), search, totals and size per report, beside the
#   SQLite figures of the same run, on a throwaway cluster from Tests/postgres/cluster.sh.
# --profile: also record `perf record -g` of the daemon ingesting 10k reports (Tests/bench/profile.sh).
# Not a CI gate: the machine is shared and noisy; the table shows the load average.
#
# Corpora and the FTS5 baseline are cached in $BENCH_CACHE (default /var/tmp/renewald-bench), the
# run's scratch files in $BENCH_CACHE/run; nothing is written into the repository except the build.
# $BENCH_SCRATCH picks the SwiftPM scratch path (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
export PATH=/opt/swift/usr/bin:$PATH
export DEBIAN_FRONTEND=noninteractive

count=10000
quick=1
profile=0
store=sqlite
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1; count=10000 ;;
    --count) count=$2; shift; [ "$count" != 10000 ] && quick=0 ;;
    --count=*) count=${1#--count=}; [ "$count" != 10000 ] && quick=0 ;;
    --profile) profile=1 ;;
    --store) store=$2; shift ;;
    --store=*) store=${1#--store=} ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
case $count in 10000|100000|1000000) ;; *) echo "run.sh: --count is 10000, 100000 or 1000000" >&2; exit 2 ;; esac
case $store in sqlite|postgres) ;; *) echo "run.sh: --store is sqlite or postgres" >&2; exit 2 ;; esac

cache=${BENCH_CACHE:-/var/tmp/renewald-bench}
scratch=${BENCH_SCRATCH:-.build}
shared=$repo/../shared
[ -x "$shared/tools/make-bulk" ] || [ -f "$shared/tools/make-bulk" ] || { echo "run.sh: $shared/tools/make-bulk is missing" >&2; exit 1; }
mkdir -p "$cache"

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)" >&2

echo "== build (release)" >&2
swift build -c release --scratch-path "$scratch" --product renewald >&2
bin=$repo/$scratch/release/renewald
cc -O2 -Wall -o "$cache/loadgen" Tests/bench/loadgen.c

echo "== peers" >&2
missing=()
for cmd in recollindex redis-server redis-benchmark; do command -v $cmd >/dev/null || missing+=($cmd); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    { apt-get update -q && apt-get install -y -q --no-install-recommends recoll redis-server redis-tools; } >&2 \
      || echo "run.sh: NOTE: apt-get could not install every peer; the missing ones are skipped" >&2
  else
    echo "run.sh: NOTE: not root, cannot install ${missing[*]}; those peers are skipped" >&2
  fi
fi
if ! python3 -c 'import jieba' 2>/dev/null; then
  python3 -m pip install -q jieba >&2 || echo "run.sh: NOTE: pip install jieba failed; jieba is skipped" >&2
fi
command -v taskset >/dev/null || { echo "run.sh: taskset (util-linux) is needed" >&2; exit 1; }

# Corpora: deterministic, so a cached copy is as good as a new one. Built into *.tmp and renamed,
# so an interrupted run never leaves half a corpus behind.
corpus() {  # corpus NAME SEED COUNT PREFIX
  local dir=$cache/$1
  if [ ! -d "$dir" ]; then
    echo "== make-bulk $1 (seed $2, $3 reports)" >&2
    rm -rf "$dir.tmp"
    python3 "$shared/tools/make-bulk" --seed "$2" --count "$3" --prefix "$4" --out "$dir.tmp" "$shared/corpus/dev" >&2
    mv "$dir.tmp" "$dir"
  fi
}
corpus corpus-10000 1 10000 report-
[ "$count" != 10000 ] && corpus corpus-100000 1 100000 report-
[ "$count" = 1000000 ] && corpus corpus-1000000 1 1000000 report-
corpus fresh 2 400 fresh-   # reports that are not in the corpora, for the freshness test

counts=10000
[ "$count" = 100000 ] && counts=10000,100000
[ "$count" = 1000000 ] && counts=10000,100000,1000000
args=(--bin "$bin" --loadgen "$cache/loadgen" --cache "$cache" --work "$cache/run" --dev "$shared/corpus/dev"
      --counts "$counts" --json "$cache/last-run.json")
[ $quick = 1 ] && args+=(--quick)
if [ "$store" = postgres ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || { apt-get install -y -q --no-install-recommends postgresql-15 >&2 || true; }
  args+=(--postgres --pg-cluster "$repo/Tests/postgres/cluster.sh")
fi
python3 Tests/bench/bench.py "${args[@]}" | tee "$cache/last-table.txt"

if [ $profile = 1 ]; then
  Tests/bench/profile.sh "$bin" "$cache/corpus-10000"
fi
