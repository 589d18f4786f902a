#!/usr/bin/env bash
# usage: activation.sh BIN [WORKDIR]
#
# renewald's systemd protocol WITHOUT a systemd PID 1 (runs as root on a plain host or in CI):
#  - systemd-socket-activate binds the socket and execs BIN on the first connection, passing it as
#    fd 3 (LISTEN_FDS=1, LISTEN_FDNAMES=renewald), with NOTIFY_SOCKET and WATCHDOG_USEC set via -E;
#  - fake-notify-socket.py records what the daemon tells the "service manager";
#  - with-fake-journal.sh gives the daemon a journald of its own, so the journal fields can be read.
# Checks readiness, status, watchdog pings from the ingest loop, reload via SIGHUP and via the
# reload op, the stall hook, STOPPING=1 and a clean exit on SIGTERM, and that order.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need_root
need_tools systemd-socket-activate socat python3 unshare
[ $# -ge 1 ] && [ -x "$1" ] || { echo "usage: $0 BIN [WORKDIR]"; echo "0 passed, 1 failed"; exit 1; }
bin=$(readlink -f "$1")
work=${2:-/tmp/renewald-activation}
rm -rf "$work"; mkdir -p "$work/inbox" "$work/state"
cd "$work"

rpc() { printf '%s\n' "$1" | socat -t5 - UNIX-CONNECT:"$work/renewald.sock" 2>&1; }
notify_lines() { grep -c "$1" notify.log 2>/dev/null || true; }
# lines_of KEY: the line numbers in notify.log of the datagrams containing KEY, space-separated.
lines_of() { grep -n "$1" notify.log | cut -d: -f1 | tr '\n' ' '; }
# answered_ok NAME: the daemon has a report for the dropped file NAME.
answered_ok() { [[ $(rpc "{\"op\":\"get\",\"file\":\"$1\"}") == *'"ok":true'* ]]; }
# daemon_pids MARK: processes running BIN whose command line contains MARK.
daemon_pids() {
  local p
  for p in $(pgrep -f -- "$1"); do [ "$(readlink /proc/$p/exe 2>/dev/null)" = "$bin" ] && echo "$p"; done
}

python3 "$here/fake-notify-socket.py" "$work/notify.sock" > notify.log 2>&1 &
notifier=$!
cleanup() { kill "$notifier" 2>/dev/null; [ -n "${launcher:-}" ] && kill "$launcher" 2>/dev/null; }
trap cleanup EXIT
waitfor '[ -S notify.sock ]' 50 || { echo "fake notify socket did not start"; exit 1; }

# A file that is there before the daemon starts: it must be ingested once the daemon runs.
cat > inbox/早到的通知.txt <<'EOF'
关于桂花里小区加装电梯的通知
桂花里小区3号楼、5号楼加装电梯工程已于本月开工，预计年底前完工。
施工期间请居民注意安全，有问题请联系社区居委会。
EOF

"$here/with-fake-journal.sh" "$work/journal.jsonl" \
  systemd-socket-activate -l "$work/renewald.sock" --fdname=renewald \
    -E NOTIFY_SOCKET="$work/notify.sock" -E WATCHDOG_USEC=1000000 -E RENEWALD_TEST_HOOKS=1 \
    "$bin" serve --inbox "$work/inbox" --state "$work/state" --socket "$work/own.sock" \
  > daemon.log 2>&1 &
launcher=$!
waitfor '[ -S renewald.sock ]' 50
sleep 0.3
check "socket listens before the daemon runs, nothing notified yet" \
  '[ -S renewald.sock ] && [ ! -s notify.log ]'

t=$(now_ms)
out=$(rpc '{"op":"ping","id":1}')
echo "first reply (includes start-up) after $(( $(now_ms) - t )) ms: $out"
check "first connection starts the daemon and it answers that client" \
  '[[ $out == *"\"pong\":true"* && $out == *"\"id\":1"* ]]'
check "READY=1 received" 'waitfor "grep -q READY=1 notify.log" 30'
check "READY=1 carries STATUS=watching …" 'grep READY=1 notify.log | grep -q "STATUS=watching"'
pid=$(grep -m1 READY=1 notify.log | sed -n 's/.* pid=\([0-9]*\) .*/\1/p')
check "the passed socket is used: --socket path is not bound" '[ ! -e own.sock ]'
check "daemon runs in place of the launcher (one process, the notifying PID)" \
  '[ -n "$pid" ] && [ -d /proc/$pid ] && [[ "$(readlink /proc/$pid/exe)" == "$bin"* ]]'

check "file already in the inbox is ingested and answerable" 'waitfor "answered_ok 早到的通知.txt" 100'

sleep 2.2
check "WATCHDOG=1 pings at half of WATCHDOG_USEC=1s (>= 3 in 2.2 s)" '[ "$(notify_lines WATCHDOG=1)" -ge 3 ]'

stats=$(rpc '{"op":"stats"}')
check "stats answers with a report count" '[[ $stats == *"\"reports\":"* ]]'

# Reload by signal: RELOADING=1 then READY=1 again.
ready_before=$(notify_lines READY=1)
kill -HUP "$pid"
check "SIGHUP: RELOADING=1 then READY=1" \
  'waitfor "[ \$(notify_lines RELOADING=1) -ge 1 ] && [ \$(notify_lines READY=1) -gt $ready_before ]" 50'
check "RELOADING=1 carries MONOTONIC_USEC=" 'grep RELOADING=1 notify.log | grep -q MONOTONIC_USEC='

# Reload by request: the answer counts reclassified reports.
ready_before=$(notify_lines READY=1)
out=$(rpc '{"op":"reload"}')
check "reload op answers reclassified N >= 1" \
  '[[ $out =~ \"reclassified\":[1-9] && $out == *"\"ok\":true"* ]]'
check "reload op: a second RELOADING=1 … READY=1" \
  'waitfor "[ \$(notify_lines RELOADING=1) -ge 2 ] && [ \$(notify_lines READY=1) -gt $ready_before ]" 50'

# The stall hook wedges the ingest loop: the pings must stop (that is what lets systemd kill it).
out=$(rpc '{"op":"debug_stall","seconds":3}')
check "debug_stall accepted with RENEWALD_TEST_HOOKS=1" '[[ $out == *"\"ok\":true"* ]]'
sleep 0.6; before=$(notify_lines WATCHDOG=1); sleep 1.6
check "no WATCHDOG=1 while the ingest loop is stalled" '[ "$(notify_lines WATCHDOG=1)" -eq "$before" ]'
check "queries are still answered while ingest is stalled" '[[ $(rpc "{\"op\":\"ping\"}") == *pong* ]]'
sleep 2
check "pings resume after the stall" 'waitfor "[ \$(notify_lines WATCHDOG=1) -gt $before ]" 30'

kill -TERM "$pid"
rc=0; wait "$launcher" || rc=$?
launcher=
check "SIGTERM: STOPPING=1" 'grep -q STOPPING=1 notify.log'
check "SIGTERM: exit status 0" '[ "$rc" -eq 0 ]'
check "order: READY=1 < RELOADING=1 < READY=1 < RELOADING=1 < READY=1 < STOPPING=1, STOPPING last" '
  r=($(lines_of READY=1)); l=($(lines_of RELOADING=1)); s=($(lines_of STOPPING=1))
  [ ${#r[@]} -ge 3 ] && [ ${#l[@]} -ge 2 ] && [ ${#s[@]} -eq 1 ] &&
  [ ${r[0]} -lt ${l[0]} ] && [ ${l[0]} -lt ${r[1]} ] && [ ${r[1]} -lt ${l[1]} ] &&
  [ ${l[1]} -lt ${r[2]} ] && [ ${r[2]} -lt ${s[0]} ] &&
  ! sed -n "$((s[0] + 1)),\$p" notify.log | grep -qE "READY=1|WATCHDOG=1"'
check "every datagram came from the daemon (NotifyAccess=main would accept them)" \
  '! grep -v " pid=$pid " notify.log | grep -q .'

# The journal: native entries with structured fields.
jq_py() { python3 -c "$1" journal.jsonl; }
check "journal: entries with SYSLOG_IDENTIFIER=renewald and PRIORITY" \
  'jq_py "import json,sys; e=[json.loads(l) for l in open(sys.argv[1])]; sys.exit(0 if e and all(x.get(\"SYSLOG_IDENTIFIER\")==\"renewald\" and x.get(\"PRIORITY\",\"\").isdigit() for x in e) else 1)"'
check "journal: ingest entry with REPORT_ID= and FILE=早到的通知.txt" \
  'jq_py "import json,sys; e=[json.loads(l) for l in open(sys.argv[1])]; sys.exit(0 if any(x.get(\"REPORT_ID\") and x.get(\"FILE\")==\"早到的通知.txt\" for x in e) else 1)"'

# Socket activation without a name: the only passed fd is taken (systemd-socket-activate, no --fdname).
rm -f renewald2.sock
"$here/with-fake-journal.sh" "$work/journal2.jsonl" \
  systemd-socket-activate -l "$work/renewald2.sock" \
    "$bin" serve --inbox "$work/inbox" --state "$work/state2" --socket "$work/own2.sock" \
  > daemon2.log 2>&1 &
launcher=$!
waitfor '[ -S renewald2.sock ]' 50
out=$(printf '{"op":"stats"}\n' | socat -t5 - UNIX-CONNECT:"$work/renewald2.sock" 2>&1)
check "unnamed passed socket (LISTEN_FDNAMES unset) is used as the only one" \
  '[[ $out == *"\"ok\":true"* ]] && [ ! -e own2.sock ]'
kill -TERM $(daemon_pids "$work/state2") 2>/dev/null
wait "$launcher" 2>/dev/null
launcher=

echo "--- notify.log"; cat notify.log
echo "--- journal.jsonl (last 5)"; tail -5 journal.jsonl
echo "--- daemon.log (last 20)"; tail -20 daemon.log
summary
