#!/usr/bin/env bash
# Profile the daemon under the ingest load: `perf record -a -g` (the whole machine, reported for the
# daemon's pid only) on a release renewald while N reports are renamed into its inbox, then the hottest functions by self time and by inclusive time,
# demangled. Tests/bench/run.sh --profile calls it; it also runs on its own:
#
#   Tests/bench/profile.sh BIN CORPUS_DIR [OUT_DIR]      (OUT_DIR default /var/tmp/renewald-bench/profile)
set -euo pipefail
bin=$1
corpus=$2
out=${3:-/var/tmp/renewald-bench/profile}
export PATH=/opt/swift/usr/bin:$PATH
command -v perf >/dev/null || { echo "profile.sh: perf is not installed (apt-get install linux-perf)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/inbox" "$out/state" "$out/stage"
for f in "$corpus"/*.txt; do ln "$f" "$out/stage/"; done
"$bin" serve --inbox "$out/inbox" --state "$out/state" --socket "$out/rd.sock" --log-level warning 2>"$out/daemon.log" &
daemon=$!; echo "profile.sh: daemon pid $daemon" >&2
trap 'kill $daemon 2>/dev/null || true' EXIT
python3 - "$out/rd.sock" <<'EOF'
import json, socket, sys, time
for _ in range(3000):
    try:
        s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); break
    except OSError:
        time.sleep(0.01)
s.sendall(b'{"op":"ping"}\n'); s.recv(100)
EOF
# System-wide: `perf record -g -p PID` slowed the daemon about 30-fold on this kernel (each new thread
# and mapping of the process is followed); recording every CPU and keeping one pid at report time does not.
perf record -a -g -F 499 -o "$out/perf.data" 2>"$out/perf-record.log" &
perf=$!
sleep 1
total=$(ls "$out/stage" | wc -l)
echo "profile.sh: recording while $total reports are ingested (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
start=$(date +%s.%N)
(cd "$out/stage" && for f in *; do mv "$f" ../inbox/; done)
python3 - "$out/rd.sock" "$total" <<'EOF'
import json, socket, sys, time
path, total = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_UNIX); s.connect(path); r = s.makefile("rb")
deadline = time.time() + 3600
while time.time() < deadline:
    s.sendall(b'{"op":"stats"}\n'); st = json.loads(r.readline())["result"]
    if st["reports"] + st["failed"] >= total and st["pending"] == 0:
        break
    time.sleep(0.2)
print(f"profile.sh: {st['reports']} reports, {st['failed']} failed", file=sys.stderr)
EOF
end=$(date +%s.%N)
kill -INT $perf; wait $perf || true
echo "profile.sh: ingest took $(echo "$end - $start" | bc) s under perf" >&2

# Then the search path, on the store just filled, with the queries of the last bench run if any.
queries=$(ls /var/tmp/renewald-bench/run/queries-*-*.ndjson 2>/dev/null || true)
loadgen=/var/tmp/renewald-bench/loadgen
if [ -n "$queries" ] && [ -x $loadgen ]; then
  cat $queries > "$out/queries.ndjson"
  perf record -a -g -F 999 -o "$out/perf-search.data" 2>>"$out/perf-record.log" &
  perf=$!
  sleep 0.5
  $loadgen --socket "$out/rd.sock" --conns 1 --requests 1500 --max-seconds 120 --warmup 50 \
    --requests-file "$out/queries.ndjson" >&2 || true
  kill -INT $perf; wait $perf || true
fi
kill $daemon; wait $daemon || true
trap - EXIT

demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }
tidy() { { grep -E '^ +[0-9]' || true; } | demangle | sed 's/[[:space:]]*$//; s/ \+-  \+- *$//'; }
for phase in ingest search; do
  data=$out/perf.data; [ $phase = search ] && data=$out/perf-search.data
  [ -f "$data" ] || continue
  perf report -i "$data" --pid $daemon --percentage relative --no-children --sort symbol --stdio --percent-limit 0.7 -g none 2>/dev/null | tidy > "$out/$phase-self.txt"
  perf report -i "$data" --pid $daemon --percentage relative --children --sort symbol --stdio --percent-limit 0.3 -g none 2>/dev/null | tidy > "$out/$phase-inclusive.txt"
  perf report -i "$data" --pid $daemon --percentage relative --no-children --sort dso --stdio -g none 2>/dev/null | tidy > "$out/$phase-dso.txt"
  echo "== $phase: by library"; head -8 "$out/$phase-dso.txt"
  echo "== $phase: self time by function (top 30)"; head -30 "$out/$phase-self.txt" | cut -c1-160
  echo "== $phase: inclusive time, renewald's own functions (top 40)"
  grep -E 'ThemeClassifier|Normalizer|Segmenter|PlaceExtractor|NameTrie|MinHashSketch|Shingles|BandIndex|RecentSketches|SearchTokens|SQLiteStore|Snippet|JSONValue|JSONParser|SHA256|TextDecoder|ReportBuilder|Ingestor|QueryService|processBatch|ParallelMap' \
    "$out/$phase-inclusive.txt" | head -40 | cut -c1-160
done
