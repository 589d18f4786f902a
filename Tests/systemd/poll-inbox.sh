#!/usr/bin/env bash
# usage: poll-inbox.sh BIN [WORKDIR]
#
# Issue 14: "A polling inbox on a bind mount with inotify disabled takes files within the poll interval."
#
# The daemon runs in a user and mount namespace of its own (unshare, as root, no systemd needed):
#  - inotify is disabled there: /proc/sys/user/max_inotify_instances is counted per user namespace
#    (ucounts), so setting it to 0 inside makes inotify_init1 fail with EMFILE for the daemon only;
#    the machine's own limit is read before and after to show it is untouched;
#  - its inbox is a bind mount of a backing folder, and files are dropped through the backing path,
#    from outside its namespace, as another machine writes to a share;
#  - `inbox_watch = auto`: the daemon must find inotify unusable, fall back to polling, log it and
#    show it in `stats`, and take files (in subfolders too) within poll_interval plus the settle time.
# Then detection: an inbox on a FUSE mount (bindfs), written through its backing folder (no inotify
# event, as on a share), is detected by statfs f_type and polled; forced to inotify it is never seen.
# A forced `inbox_watch = poll` over a working inotify is checked by the end-to-end tests.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need_root
need_tools unshare socat python3 bindfs fusermount
[ $# -ge 1 ] && [ -x "$1" ] || { echo "usage: $0 BIN [WORKDIR]"; echo "0 passed, 1 failed"; exit 1; }
bin=$(readlink -f "$1")
work=${2:-/tmp/renewald-poll-inbox}
rm -rf "$work"; mkdir -p "$work/backing/徐汇区" "$work/inbox" "$work/state"
cd "$work"
poll=2        # poll_interval, seconds
settle=2      # the daemon's settle time for files whose writer was not seen closing them
slack=${POLL_SLACK:-8}   # analysis and a loaded machine
printf 'inbox_watch = auto\npoll_interval = %ss\n' "$poll" > renewald.conf

rpc() { printf '%s\n' "$1" | socat -t5 - UNIX-CONNECT:"$work/renewald.sock" 2>&1; }
field() { python3 -c 'import json,sys; v=json.loads(sys.stdin.readline())["result"]
for k in sys.argv[1].split("."): v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1"; }

limit_before=$(cat /proc/sys/user/max_inotify_instances)
unshare --user --map-root-user --mount --propagation private bash -c '
  set -e
  echo 0 > /proc/sys/user/max_inotify_instances
  mount --bind "$1/backing" "$1/inbox"
  exec "$2" serve --inbox "$1/inbox" --state "$1/state" --socket "$1/renewald.sock" --config "$1/renewald.conf"
' inner "$work" "$bin" > daemon.log 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null' EXIT
waitfor "[[ \$(rpc '{\"op\":\"ping\"}') == *pong* ]]" 300 || { cat daemon.log; echo "daemon did not start"; echo "0 passed, 1 failed"; exit 1; }

check "the machine's inotify limit is untouched" '[ "$(cat /proc/sys/user/max_inotify_instances)" = "$limit_before" ]'
check "inotify is disabled in the daemon's namespace" \
  '[ "$(nsenter -t $daemon -U cat /proc/sys/user/max_inotify_instances)" = 0 ]'
stats=$(rpc '{"op":"stats"}')
check "stats shows the inbox is polled" '[ "$(printf "%s" "$stats" | field inbox_watch.mode)" = poll ]'
check "stats says why (inotify unusable)" '[[ "$(printf "%s" "$stats" | field inbox_watch.reason)" == *inotify* ]]'
check "the log says which mode is in use" 'grep -q "by listing it every ${poll}s" daemon.log'

# Dropped through the backing folder, outside the daemon's mount namespace.
drop() {   # drop RELATIVE-NAME: write like cp, then time until the daemon has it
  local name=$1 t0 t1
  t0=$(now_ms)
  printf '老旧小区改造加装电梯%s\n今年全市推进老旧小区改造，加装电梯120部，惠及居民3000余户。\n' "$name" > "$work/backing/$name"
  if waitfor "[[ \$(rpc '{\"op\":\"get\",\"file\":\"$name\"}') == *'\"ok\":true'* ]]" $(( (poll + settle + slack) * 10 )); then
    t1=$(now_ms); echo "$(( t1 - t0 ))"
  else
    echo never
  fi
}
ms=$(drop top.txt)
echo "top.txt taken after ${ms} ms (poll ${poll} s + settle ${settle} s + slack ${slack} s)"
check "a file is taken within poll_interval + settle" '[ "$ms" != never ] && [ "$ms" -le $(( (poll + settle + slack) * 1000 )) ]'
ms=$(drop 徐汇区/a.txt)
echo "徐汇区/a.txt taken after ${ms} ms"
check "a file in a subfolder is taken too, with its tag" '[ "$ms" != never ] && [[ $(rpc "{\"op\":\"list\",\"tag\":\"徐汇区\"}") == *"\"total\":1"* ]]'
mkdir -p "$work/backing/静安区"
ms=$(drop 静安区/b.txt)
echo "静安区/b.txt (a new subfolder) taken after ${ms} ms"
check "a subfolder made after start is polled too" '[ "$ms" != never ]'
check "originals are archived in their subfolder" '[ -f "$work/state/archive/徐汇区/a.txt" ] && [ -f "$work/state/archive/静安区/b.txt" ]'

kill -TERM $daemon; wait $daemon; rc=$?
check "the daemon stops cleanly" '[ $rc -eq 0 ]'
trap - EXIT

# --- Detection by file system: an inbox on a FUSE mount (bindfs over a backing folder) ----------------
# Written through the backing folder, as a server or another machine writes to a share, a file raises
# no inotify event on the mount: a daemon forced to inotify never sees it, while `auto` finds the mount
# is FUSE (statfs f_type 0x65735546), polls, and takes it.
mkdir -p "$work/fuse-backing" "$work/fuse-inbox" "$work/state-inotify" "$work/state-auto"
bindfs "$work/fuse-backing" "$work/fuse-inbox" || { echo "bindfs failed"; echo "$pass passed, $((fail + 1)) failed"; exit 1; }
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null; fusermount -u "$work/fuse-inbox" 2>/dev/null' EXIT
serve() {   # serve MODE STATE: a daemon on the FUSE inbox
  printf 'inbox_watch = %s\npoll_interval = %ss\n' "$1" "$poll" > "$work/$1.conf"
  "$bin" serve --inbox "$work/fuse-inbox" --state "$work/$2" --socket "$work/renewald.sock" --config "$work/$1.conf" >> "$work/daemon-$1.log" 2>&1 &
  daemon=$!
  waitfor "[[ \$(rpc '{\"op\":\"ping\"}') == *pong* ]]" 300
}
has_report() { [[ $(rpc "{\"op\":\"get\",\"file\":\"$1\"}") == *'"ok":true'* ]]; }
serve inotify state-inotify
check "forced inotify on the FUSE inbox: stats says inotify" '[ "$(rpc "{\"op\":\"stats\"}" | field inbox_watch.mode)" = inotify ]'
printf '老旧小区改造加装电梯\n今年全市推进老旧小区改造，加装电梯120部。\n' > "$work/fuse-backing/unseen.txt"
sleep $(( poll + settle + 2 ))
check "... and a file written through the backing folder is never seen (inotify is silent there)" \
  '! has_report unseen.txt && [ -f "$work/fuse-backing/unseen.txt" ]'
kill -TERM $daemon; wait $daemon
serve auto state-auto
stats=$(rpc '{"op":"stats"}')
check "auto on the FUSE inbox: detected by f_type, polled" \
  '[ "$(printf "%s" "$stats" | field inbox_watch.mode)" = poll ] && [[ "$(printf "%s" "$stats" | field inbox_watch.reason)" == *fuse* ]]'
check "the log names the file system" 'grep -q "is on fuse (f_type 0x65735546)" "$work/daemon-auto.log"'
check "the file left unseen before is taken by the start-up scan" 'waitfor "has_report unseen.txt" 300'
t0=$(now_ms)
printf '老旧小区改造加装电梯第二期\n今年全市推进老旧小区改造，加装电梯130部。\n' > "$work/fuse-backing/seen.txt"
if waitfor "has_report seen.txt" $(( (poll + settle + slack) * 10 )); then ms=$(( $(now_ms) - t0 )); else ms=never; fi
echo "seen.txt (written through the backing folder) taken after ${ms} ms"
check "a file written through the backing folder is taken within poll_interval + settle" \
  '[ "$ms" != never ] && [ "$ms" -le $(( (poll + settle + slack) * 1000 )) ]'
kill -TERM $daemon; wait $daemon; rc=$?
check "the daemon stops cleanly" '[ $rc -eq 0 ]'
fusermount -u "$work/fuse-inbox"
trap - EXIT
summary
