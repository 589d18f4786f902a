#!/usr/bin/env bash
# usage: with-fake-journal.sh LOGFILE CMD [ARG...]
# Run CMD in a private mount namespace whose /run/systemd is a fresh tmpfs with a fake journald on
# the native socket (libsystemd hard-codes /run/systemd/journal/socket); entries go to LOGFILE as
# JSON lines. The host's /run is untouched. Exits with CMD's status.
set -euo pipefail
log=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
exec unshare --mount --propagation private -- bash -c '
  set -e
  here=$1 log=$2; shift 2
  mount -t tmpfs -o mode=0755 tmpfs /run/systemd
  python3 "$here/fake-journald.py" /run/systemd/journal/socket > "$log" 2>&1 &
  journald=$!
  for i in $(seq 50); do [ -S /run/systemd/journal/socket ] && break; sleep 0.1; done
  rc=0; "$@" || rc=$?
  sleep 0.3; kill $journald 2>/dev/null || true
  exit $rc' with-fake-journal "$here" "$log" "$@"
