#!/usr/bin/env bash
# The unit tests that measure a stage on the shared evaluation corpus (formats, normaliser, segmenter,
# classifier, the spec's taxonomy). A plain `swift test` leaves them out so that it passes on a clone
# alone; here they run, and a missing corpus is a failure, never a skip.
# Usage: Tests/corpus/corpus-tests.sh [--skip-build]   (SHARED=../shared by default; --skip-build when the
# tests were just built, as in CI, saves SwiftPM's look at every target)
set -uo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/corpus/dev" ] && [ -f "$SHARED/spec/themes.json" ] \
  || { echo "corpus-tests: the shared corpus or spec is missing at $SHARED"; exit 2; }
# The suites find ../shared from their own source paths (the package sits beside it).
[ "$(cd "$SHARED" && pwd)" = "$(cd .. && pwd)/shared" ] \
  || { echo "corpus-tests: the suites read ../shared; SHARED=$SHARED is elsewhere"; exit 2; }
export RENEWALD_CORPUS_TESTS=1
out=$(swift test "$@" --filter 'CorpusFormatsTests|NormalizeTests.CorpusTests|SegmentTests.CorpusTests|ClassifyTests.CorpusTests|VariantTests|builtInMatchesTheSpec|classifiesTheDevCorpusFastEnough|degradedTextChangesScoresLittle' 2>&1)
status=$?
echo "$out" | grep -E "✘|Test run with|error:" | head -40
# Every corpus suite must have run: a filter that matched nothing would pass silently.
for suite in CorpusFormatsTests CorpusTests VariantTests builtInMatchesTheSpec; do
  echo "$out" | grep -q "$suite" || { echo "corpus-tests: $suite did not run"; status=1; }
done
exit $status
