#!/usr/bin/env bash
# Three renewald hosts on three inboxes sharing one throwaway PostgreSQL database (multihost.py):
# one report per file across hosts, the same answers from every host, events heard across hosts,
# kill -9 mid-batch and the database stopped for 10 s losing nothing.
# Usage: Tests/postgres/multihost.sh [BINARY]   (default .build/debug/renewald). Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/debug/renewald}
[ -x "$BIN" ] || { echo "multihost: no binary at $BIN (run swift build first)"; exit 2; }
dir=$(mktemp -d /tmp/renewald-pg-multihost.XXXXXX)
chmod 755 "$dir"
cleanup() { Tests/postgres/cluster.sh stop "$dir" >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
url=$(Tests/postgres/cluster.sh start "$dir") || { echo "multihost: cannot start PostgreSQL in $dir"; exit 1; }
echo "PostgreSQL at $url"
python3 Tests/postgres/multihost.py "$BIN" "$url" "$dir"
