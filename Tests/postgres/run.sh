#!/usr/bin/env bash
# The store contract against PostgreSQL and SQLite: starts a throwaway cluster (cluster.sh), points
# RENEWALD_TEST_PG_URL at it, runs the contract suites, and fails unless the PostgreSQL arm ran and
# passed — a missing server or variable must never look like a pass. Arguments go to `swift test`
# (CI passes --skip-build).
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH=/opt/swift/usr/bin:$PATH
dir=$(mktemp -d /tmp/renewald-pg.XXXXXX)
chmod 755 "$dir"
cleanup() { Tests/postgres/cluster.sh stop "$dir" >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
url=$(Tests/postgres/cluster.sh start "$dir") || { echo "cannot start PostgreSQL in $dir"; exit 1; }
echo "PostgreSQL at $url"
log=$dir/test.log
RENEWALD_TEST_PG_URL=$url swift test "$@" --filter 'PostgresStoreTests' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if ! grep -q 'Test postgresArmRan() passed' "$log"; then
  echo "the PostgreSQL arm of the store contract did not run"
  exit 1
fi
if grep -qE 'Suite "?PostgresContractTests"? skipped|✘' "$log"; then
  echo "the PostgreSQL arm was skipped or failed"
  exit 1
fi
exit "$status"
