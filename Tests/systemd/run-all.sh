#!/usr/bin/env bash
# usage: run-all.sh BIN
# Every systemd-facing check, as root, with no systemd PID 1 needed on the host:
# verify.sh (units, security, sysusers/tmpfiles, install.sh), activation.sh (socket activation and
# sd_notify without PID 1), poll-inbox.sh (a polled inbox with inotify disabled), nspawn.sh (a real systemd in systemd-nspawn), nspawn-latency.sh (search
# p99 while ingesting under the real unit). BIN is the daemon, ideally
# built with `swift build -c release --static-swift-stdlib`. RELEASE_BIN (passed on to nspawn-hostile.sh)
# names a release binary for the ten 60 MB files when BIN is a debug build.
# Prints each script's output, then the sum of their checks as `N passed, N failed`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && [ -x "$1" ] || { echo "usage: $0 BIN"; echo "0 passed, 1 failed"; exit 1; }
bin=$(readlink -f "$1")
total_pass=0
total_fail=0
for script in verify.sh activation.sh poll-inbox.sh nspawn.sh nspawn-latency.sh nspawn-hostile.sh; do
  echo "=== $script"
  start=$(date +%s%N)
  out=$("$here/$script" "$bin" 2>&1); rc=$?
  printf '%s\n' "$out"
  last=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
  p=$(printf '%s' "$last" | awk '{print $1}'); f=$(printf '%s' "$last" | awk '{print $3}')
  # A script that died before its summary, or whose status disagrees with it, counts as a failure.
  if [ -z "$last" ] || { [ $rc -ne 0 ] && [ "${f:-0}" -eq 0 ]; }; then f=$(( ${f:-0} + 1 )); fi
  total_pass=$(( total_pass + ${p:-0} )); total_fail=$(( total_fail + f ))
  echo "=== $script: ${p:-0} passed, $f failed ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
