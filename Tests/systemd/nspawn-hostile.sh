#!/usr/bin/env bash
# usage: nspawn-hostile.sh BIN [WORKDIR]
#
# Issue 13 under the INSTALLED units in a real systemd (nspawn-lib.sh), with the inbox and the state
# directory on SEPARATE mounts (link() gives EXDEV, so the copy path runs, as in production), tried
# as two members of group renewal (alice, bob) and one outsider (mallory). Each numbered case of the
# issue is reproduced and must end with nothing lost, nothing read that should not be, `ping`
# answered within 1 s throughout (a member pings five times a second in the background), and no
# restart except the deliberate poison file's (exactly one).
# env: KEEP=1 leaves the container running; BIG_FILES=N (default 10) 60 MB files for case 3;
# RELEASE_BIN=PATH (default BIN) the binary case 3 analyses the 60 MB files with: they must be stored
# within the shipped limits (max_analysis_s 30), which takes a release build (a debug build analyses
# about 1 MB/s), so CI passes its release binary here while the other cases run BIN.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/../../deploy" && pwd)
. "$here/lib.sh"
. "$here/nspawn-boot.sh"
nspawn_preflight "${1:-}" sha256sum
work=${2:-/tmp/renewald-nspawn-hostile}
big_files=${BIG_FILES:-10}
release=$(readlink -f "${RELEASE_BIN:-$1}")
[ -x "$release" ] || { echo "$0: RELEASE_BIN $release is not an executable"; echo "0 passed, 1 failed"; exit 1; }
T0=$(now_ms)

nspawn_install "$1" "$work"
nspawn_test_hooks 4s
cat > "$root/etc/sysusers.d/renewald-test-users.conf" <<'CONF'
u alice   - "member of renewal" /tmp /bin/sh
m alice   renewal
u bob     - "member of renewal" /tmp /bin/sh
m bob     renewal
u mallory - "not a member"      /tmp /bin/sh
CONF
# The inbox on a tmpfs of its own: another mount than /var/lib/renewald.
t=$(now_ms)
nspawn_boot --tmpfs=/var/spool/renewald:mode=0755 --bind-ro="$here":/opt/renewald-test/systemd
state=$boot_state
echo "boot to '$state': $(( $(now_ms) - t )) ms"
inbox=/var/spool/renewald/inbox
st=/var/lib/renewald
tool() { python3 "$here/hostile-tools.py" "$@"; }   # on the host
T() { cx python3 /opt/renewald-test/systemd/hostile-tools.py "$@"; }
Tas() { local who=$1; shift; as "$who" python3 /opt/renewald-test/systemd/hostile-tools.py "$@"; }
ok_get() { [[ $(rpc_as alice "{\"op\":\"get\",\"$1\":\"$2\"}") == *'"ok":true'* ]]; }
in_inbox() { cx test -e "$inbox/$1" -o -L "$inbox/$1"; }
failed_code() { cx python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"])' "$st/failed/$1.reason.json" 2>/dev/null; }
journal() { cx journalctl -u renewald.service --no-pager -o cat 2>/dev/null; }
drop_as() {   # drop_as USER NAME < content: written as .NAME.part, then renamed in (the protocol's way)
  as "$1" sh -c 'cat > "$1/.$2.part" && mv "$1/.$2.part" "$1/$2"' drop "$inbox" "$2"
}
sha() { sha256sum | cut -c1-16; }

check "system is running (not degraded)" '[ "$state" = running ]'
check "inbox and state are separate mounts (link() across them gives EXDEV)" \
  '[ "$(cx stat -c %d $inbox)" != "$(cx stat -c %d /var/lib)" ]'
check "tmpfiles: the inbox is 3770 renewald:renewal (sticky)" '[ "$(cx stat -c "%a %U %G" $inbox)" = "3770 renewald renewal" ]'
out=$(rpc_as alice '{"op":"ping"}')
check "a member's first query starts the daemon" '[[ $out == *"\"pong\":true"* ]]'
waitfor '[ "$(prop ActiveState)/$(prop SubState)" = active/running ]' 50
pid=$(prop MainPID)
check "the database is created 0600" '[ "$(cx stat -c %a $st/renewald.sqlite)" = 600 ]'
as alice sh -c 'nohup python3 /opt/renewald-test/systemd/hostile-tools.py pinger /tmp/pings.log >/dev/null 2>&1 &'

# --- 1. FIFOs: never opened, never read, moved to failed/, ingestion goes on ---------------------
# fifo2 is renamed in with a writer already waiting on it: the daemon must not be its reader.
as alice mkfifo "$inbox/fifo1" "$inbox/.fifo2.part"
as alice sh -c "timeout 8 sh -c 'echo 秘密 > $inbox/.fifo2.part'; echo \$? > /tmp/fifo-writer.rc" &
writer=$!
waitfor "cx sh -c 'ls -l /proc/*/fd 2>/dev/null' | grep -q fifo2" 30
as alice mv "$inbox/.fifo2.part" "$inbox/fifo2"
printf '石榴园社区加装电梯简报\n\n石榴园社区完成加装电梯4部。\n' | drop_as bob after-fifo.txt
check "1. FIFOs go to failed/ as FIFOs with not_regular_file" \
  'waitfor "cx test -p $st/failed/fifo1 && cx test -p $st/failed/fifo2" 100 && [ "$(failed_code fifo1)" = not_regular_file ]'
check "1. a file dropped after the FIFOs is ingested" 'waitfor "ok_get file after-fifo.txt" 100'
wait $writer
check "1. nobody read the FIFO a member was writing to (the writer never got a reader)" '[ "$(cx cat /tmp/fifo-writer.rc)" = 124 ]'

# --- 7. directory, symlink, socket, unreadable file ------------------------------------------------
as alice mkdir "$inbox/somedir"
as alice ln -s /etc/shadow "$inbox/link"
Tas alice mksock "$inbox/sock"
as alice sh -c "printf '石榴园小区通知\n\n石榴园小区外墙保温改造下周开始。\n' > $inbox/.private.part && chmod 600 $inbox/.private.part && mv $inbox/.private.part $inbox/private.txt"
check "7. a symlink goes to failed/ as a link (never followed)" \
  'waitfor "cx test -L $st/failed/link" 100 && [ "$(cx readlink $st/failed/link)" = /etc/shadow ] && [ "$(failed_code link)" = not_regular_file ]'
check "7. a socket goes to failed/" 'waitfor "cx test -S $st/failed/sock" 100'
sleep 5
check "7. a directory is a subfolder to drop files in: it stays, neither failed nor parked" \
  'in_inbox somedir && [ "$(journal | grep -c "somedir is left in the inbox")" = 0 ] && ! cx test -e $st/failed/somedir'
check "7. a 0600 file the daemon may not read is left with ONE logged reason, not read" \
  'in_inbox private.txt && [ "$(journal | grep -c "private.txt is left in the inbox")" = 1 ] && ! ok_get file private.txt'
check "7. stats.problem is null (nothing retried for ever)" '[[ $(rpc_as alice "{\"op\":\"stats\"}") == *"\"problem\":null"* ]]'
as alice chmod g+r "$inbox/private.txt"
check "7. once made group-readable (chmod), it is ingested" 'waitfor "ok_get file private.txt" 100'
as alice rmdir "$inbox/somedir"

# --- 6. a failure note never overwrites anything --------------------------------------------------
printf '%%PDF-1.4\nnot really a pdf: the first\n' | drop_as alice n.reason.json
check "6. a broken file named n.reason.json goes to failed/" 'waitfor "cx test -f $st/failed/n.reason.json" 100'
before=$(cx sha256sum "$st/failed/n.reason.json" | cut -c1-64)
printf '%%PDF-1.4\nnot really a pdf: the second\n' | drop_as alice n
check "6. the note for n is created beside it (O_EXCL, a counter), not over n.reason.json" \
  'waitfor "cx test -f $st/failed/n.reason.1.json" 100 && [ "$(cx sha256sum $st/failed/n.reason.json | cut -c1-64)" = "$before" ]'

# --- 8. members cannot delete or replace each other's pending files --------------------------------
as alice sh -c "echo alice > $inbox/.alice.part"
as bob rm -f "$inbox/.alice.part" 2>/dev/null
as bob sh -c "echo forged > /tmp/forged && mv -f /tmp/forged $inbox/.alice.part" 2>/dev/null
check "8. bob can neither delete nor replace alice's pending file (sticky bit)" \
  '[ "$(cx cat $inbox/.alice.part)" = alice ]'
as alice rm -f "$inbox/.alice.part"
check "8. mallory (not a member) cannot drop or list" \
  '! as mallory sh -c "echo x > $inbox/m.txt" 2>/dev/null && ! as mallory ls $inbox >/dev/null 2>&1'

# --- 5. a file renamed over a name in flight is queued again, not lost -----------------------------
Tas bob bigfiles /tmp 1 1 && as bob mv /tmp/big0.txt /tmp/inflight.txt
old_id=$(cx cat /tmp/inflight.txt | sha)
as bob mv /tmp/inflight.txt "$inbox/inflight.txt"
sleep 1
printf '灯笼巷社区通知\n\n灯笼巷社区电梯加装工程开工。\n' > "$work/new.txt"
new_id=$(sha < "$work/new.txt")
as bob sh -c "cat > $inbox/.new.part && mv $inbox/.new.part $inbox/inflight.txt" < "$work/new.txt"
check "5. both the file in flight and the one renamed over it are stored" \
  'waitfor "ok_get report $old_id && ok_get report $new_id" 300'
check "5. the archive holds both, each under its own name, and the inbox is empty of it" '
  waitfor "! in_inbox inflight.txt" 50 &&
  [ "$(cx sh -c "cat $st/archive/inflight*.txt" | wc -c)" -gt 1000000 ] && cx grep -q 电梯加装 $st/archive/inflight.1.txt'
cx rm -f $st/archive/inflight.txt

# --- 5. files moved in from another file system: `mv` creates each one unreadable to others and ----
# gives it its mode just before closing it, so a reader that looks at the ownership change (IN_ATTRIB)
# finds it unreadable for an instant: that is a file being written, never an "unreadable" one.
as bob sh -c "for i in \$(seq 30); do printf '灯笼巷社区通知%s\n\n灯笼巷社区电梯加装工程开工。\n' \$i > /tmp/mv\$i.txt && mv /tmp/mv\$i.txt $inbox/mv\$i.txt; done"
check "5. thirty files moved in across file systems: all archived, none failed or called unreadable" '
  waitfor "[ \$(cx sh -c \"ls $inbox | grep -c ^mv\") = 0 ]" 300 &&
  [ "$(cx sh -c "ls $st/archive | grep -c ^mv")" = 30 ] && ! cx sh -c "ls $st/failed | grep -q ^mv" &&
  [ "$(journal | grep -c "mv[0-9]*\.txt is left in the inbox")" = 0 ]'
cx sh -c "rm -f $st/archive/mv*.txt"

# --- 2. a file still being written when the daemon starts is not taken half-written ---------------
cx systemctl stop renewald.service
as alice sh -c "python3 /opt/renewald-test/systemd/hostile-tools.py slowwrite $inbox/slow.txt 5 > /tmp/slow.size" &
slow=$!
check "2. the path unit starts the daemon because of the file being written" 'waitfor "[ \"\$(prop ActiveState)\" = active ]" 50'
wait $slow
size=$(cx cat /tmp/slow.size)
check "2. it is ingested only once complete: all $size bytes archived, none lost" \
  'waitfor "cx test -f $st/archive/slow.txt" 100 && [ "$(cx stat -c %s $st/archive/slow.txt)" = "$size" ] && ! in_inbox slow.txt'
pid=$(prop MainPID)
restarts0=$(prop NRestarts)

# --- 3. big files: watchdog pinged while they are analysed, memory bounded -------------------------
cx systemd-analyze log-level debug
t3=$(now_ms)
Tas bob bigfiles /tmp 1 1 && as bob mv /tmp/big0.txt "$inbox/medium.txt"
check "3. a 1 MB file is stored, same process" 'waitfor "ok_get file medium.txt" 1200 && [ "$(prop MainPID)" = "$pid" ]'
echo "    1 MB file analysed in $(( $(now_ms) - t3 )) ms"
# swap_binary FILE: the unit runs FILE from now on. Renamed into place whole (the socket may start the
# service at any moment: a half-copied file fails to exec, a restart systemd would count), then a
# manual restart, which NRestarts does not count.
swap_binary() {
  cp "$1" "$root/usr/local/bin/.renewald.new" && mv -f "$root/usr/local/bin/.renewald.new" "$root/usr/local/bin/renewald"
  cx systemctl restart renewald.service
  waitfor '[ "$(prop ActiveState)/$(prop SubState)" = active/running ]' 100
  pid=$(prop MainPID)
}
[ "$release" != "$bin" ] && swap_binary "$release"   # the same unit and configuration, the release binary
t3=$(now_ms)
Tas bob bigfiles "$inbox" "$big_files" 60
# Each analysed and stored within the shipped limits (max_analysis_s 30, max_analysis_mb 1536): a file
# reaches archive/ only once its report is committed.
check "3. ten 60 MB files: each analysed and stored, none failed or lost" '
  waitfor "[ \$(cx sh -c \"ls $inbox | grep -c ^big\") = 0 ]" 6000 &&
  n=0; for i in $(seq 0 $((big_files - 1))); do cx test -f $st/archive/big$i.txt && ! cx test -e $st/failed/big$i.txt && n=$((n+1)); done; [ $n = $big_files ]'
span=$(( $(now_ms) - t3 ))
echo "    $big_files x 60 MB: $span ms ($(( span / big_files )) ms each, WatchdogSec=4s); failed: $(cx sh -c "ls $st/failed | grep -c '^big.*reason'"); codes: $(cx sh -c "cat $st/failed/big*.reason.json 2>/dev/null" | grep -o '"code":"[a-z_]*"' | sort | uniq -c | tr '\n' ' ')"
read gap count < <(cx journalctl -u renewald.service -o json --no-pager --since "@$((t3 / 1000))" | tool watchdoggap)
echo "    watchdog pings while they were analysed: $count in ${span} ms, largest gap ${gap} ms (WatchdogSec=4s)"
# At least one ping per WatchdogSec/2 of the phase (and two at the least), none further apart than that:
# a fast machine gets through the phase quickly, so the count follows the phase's length.
need=$(( span / 2000 > 2 ? span / 2000 : 2 ))
check "3. watchdog pings never more than WatchdogSec/2 apart" '[ "$count" -ge "$need" ] && [ "$gap" -le 2000 ]'
hwm=$(cx sh -c "grep VmHWM /proc/$pid/status" | awk '{print $2 * 1024}')
max=$(prop MemoryMax)
echo "    peak RSS (VmHWM) $((hwm >> 20)) MiB; MemoryMax=$((max >> 20)) MiB"
check "3. peak RSS under MemoryMax=, same process (no restart)" '[ "$hwm" -lt "$max" ] && [ "$(prop MainPID)" = "$pid" ]'
cx systemd-analyze log-level info
cx sh -c "rm -f $st/archive/big* $st/failed/big*"
[ "$release" != "$bin" ] && swap_binary "$bin"   # back to BIN for the other cases

# --- 4. hostile request and page sizes (parsers owned elsewhere; here: nobody else stalls) ---------
Tas alice bigline 1.03 /tmp/bigline.sent > "$work/bigline.out" &
bl=$!
waitfor 'cx test -e /tmp/bigline.sent' 600
t=$(now_ms); out=$(rpc_as bob '{"op":"ping"}'); lat=$(( $(now_ms) - t ))
wait $bl
echo "    ping during a 1.03 MB request line: $lat ms; $(cat "$work/bigline.out")"
check "4. a 1.03 MB request line does not stall ping on another connection (< 1 s)" '[[ $out == *pong* ]] && [ $lat -lt 1000 ]'
cx python3 -c 'import sys; sys.stdout.write("<html><body>" + "<p>灯笼巷社区加装电梯<b>进展</b>" * 40000 + "</body></html>")' > "$work/page.html"
echo "    web page: $(stat -c %s "$work/page.html") bytes"
drop_as bob page.html < "$work/page.html"
check "4. a 1.6 MB web page is stored or failed, without a restart" \
  'waitfor "cx test -f $st/archive/page.html -o -f $st/failed/page.html" 600 && [ "$(prop NRestarts)" = "$restarts0" ]'

# --- 9. STATUS= carries counts only ------------------------------------------------------------------
status=$(prop StatusText)
echo "    StatusText: $status"
check "9. StatusText names no file" '! grep -qE "fifo|link|sock|private|reason|inflight|slow|big|page|after-fifo" <<< "$status"'

# --- the socket and the state directory: a second serve refuses ------------------------------------
out=$(as renewald timeout 10 /usr/local/bin/renewald serve --config /etc/renewald/renewald.conf 2>&1); rc=$?
check "10. a second serve on the same state directory refuses (and exits)" '[ $rc -ne 0 ] && [ $rc -ne 124 ] && [[ $out == *"state directory"* ]]'
out=$(as renewald timeout 10 /usr/local/bin/renewald serve --config /etc/renewald/renewald.conf --state /tmp/other-state --inbox /tmp/other-inbox 2>&1); rc=$?
check "10. a second serve on the same socket refuses instead of stealing it" '[ $rc -ne 0 ] && [ $rc -ne 124 ] && [[ $out == *"listening on"* ]]'
check "10. the first daemon still answers on its socket" '[[ $(rpc_as alice "{\"op\":\"ping\"}") == *pong* ]] && [ "$(prop MainPID)" = "$pid" ]'

# --- 11. issue 14: a member's subfolder (its tag), across mounts; retry by a member ---------------
as alice mkdir -m 2770 "$inbox/徐汇区"
as alice sh -c 'printf "石榴园小区通知\n\n石榴园小区加装电梯工程下周开工。\n" > "$1/.s.part" && mv "$1/.s.part" "$1/徐汇区/s.txt"' drop "$inbox"
check "11. a file in a member's subfolder is ingested, archived across mounts in the same subfolder" \
  'waitfor "ok_get file 徐汇区/s.txt" 100 && cx test -f $st/archive/徐汇区/s.txt && in_inbox 徐汇区'
check "11. list filters on the subfolder as a tag" '[[ $(rpc_as alice "{\"op\":\"list\",\"tag\":\"徐汇区\"}") == *"\"total\":1"* ]]'
as alice sh -c ': > "$1/.e.part" && mv "$1/.e.part" "$1/徐汇区/e.txt"' drop "$inbox"
check "11. an empty file in it fails into failed/徐汇区/" 'waitfor "[ \"\$(failed_code 徐汇区/e.txt)\" = empty ]" 100'
# The administrator fixes the file where it lies; a member sends it back.
cx sh -c "printf '石榴园小区通知\n\n修缮后的通知：加装电梯工程下周开工。\n' > $st/failed/徐汇区/e.txt"
out=$(as alice /usr/local/bin/renewald retry "$st/failed/徐汇区/e.txt" 2>&1); rc=$?
echo "    $out"
check "11. renewald retry (run by a member) sends it back and it is ingested with its tag" \
  '[ $rc -eq 0 ] && waitfor "ok_get file 徐汇区/e.txt" 100 && [[ $(rpc_as alice "{\"op\":\"list\",\"tag\":\"徐汇区\"}") == *"\"total\":2"* ]]'
out=$(as alice /usr/local/bin/renewald retry /etc/passwd 2>&1); rc=$?
check "11. retry refuses a path outside failed/" '[ $rc -eq 1 ] && [[ $out == *"only files in failed/"* ]]'

# --- pings so far, then the poison file -----------------------------------------------------------
worst=$(cx python3 /opt/renewald-test/systemd/hostile-tools.py maxping /tmp/pings.log)
echo "    slowest ping so far: $worst ms over $(cx sh -c 'wc -l < /tmp/pings.log') pings"
check "ping answered within 1 s throughout (background member pinging 5/s)" '[ "$worst" -lt 1000 ]'
check "no restart so far" '[ "$(prop NRestarts)" = 0 ]'

printf 'RENEWALD-TEST-WEDGE\n一份让分析卡死的文件。\n' | drop_as alice poison.txt
check "poison: the watchdog restarts the daemon once, and the file goes to failed/ as crashed_daemon" \
  'waitfor "[ \"\$(failed_code poison.txt)\" = crashed_daemon ]" 1000 && [ "$(prop NRestarts)" = 1 ]'
printf '石榴园社区简报\n\n石榴园社区完成雨污管网改造。\n' | drop_as bob after-poison.txt
check "poison: ingestion goes on after it" 'waitfor "ok_get file after-poison.txt" 100'
sleep 3
check "poison: exactly one restart in the whole run" '[ "$(prop NRestarts)" = 1 ] && [ "$(prop ActiveState)" = active ]'

cx journalctl -u renewald.service -o short-monotonic --no-pager > "$work/renewald.journal" 2>&1
if [ "$fail" -gt 0 ]; then echo "--- journal (last 40 lines; all in $work/renewald.journal)"; tail -40 "$work/renewald.journal"; fi
[ -n "${KEEP:-}" ] && echo "container left running: nsenter --target $leader --mount --uts --ipc --net --pid --cgroup -- bash"
echo "total: $(( $(now_ms) - T0 )) ms"
summary
