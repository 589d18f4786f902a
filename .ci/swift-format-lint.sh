#!/usr/bin/env bash
# Lints Sources and Tests with .swift-format. The rules enabled there are ones the code follows, and
# any finding of theirs fails. swift-format's layout findings (indentation, line breaks, spacing,
# trailing commas, line length and the comments past it) cannot be switched off, and the code is not laid out its way, so
# those are left out here rather than reformatting every file.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
out=$(swift format lint --parallel --configuration .swift-format -r Sources Tests 2>&1)
findings=$(echo "$out" | grep -E "(warning|error):" \
  | grep -vE "\[(Indentation|AddLines|RemoveLine|Spacing|TrailingComma|LineLength|EndOfLineComment)\]")
if [ -n "$findings" ]; then
  echo "$findings"
  echo "swift-format: $(echo "$findings" | wc -l) finding(s)"
  exit 1
fi
echo "swift-format: clean ($(grep -c '": true' .swift-format) rules)"
