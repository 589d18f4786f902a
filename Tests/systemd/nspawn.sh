#!/usr/bin/env bash
# usage: nspawn.sh BIN [WORKDIR]
#
# renewald under a REAL systemd: PID 1 of a `systemd-nspawn -b` container that boots the host's own
# /usr over a volatile tmpfs root (no download; no systemd PID 1 needed on the host; root only).
# deploy/install.sh installs BIN and the units into a scratch root whose etc/ and usr/local/bin are
# bound into the container; systemd-sysusers and systemd-tmpfiles create the users and the inbox at
# boot, as on a real machine. A test drop-in shortens WatchdogSec and enables the stall hook.
#
# BIN should be a --static-swift-stdlib build; a dynamically linked one gets its Swift runtime
# directory bound read-only into the container.
# env: KEEP=1 leaves the container running at the end and prints how to enter it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/../../deploy" && pwd)
. "$here/lib.sh"
. "$here/nspawn-boot.sh"
nspawn_preflight "${1:-}"
work=${2:-/tmp/renewald-nspawn}
T0=$(now_ms)

# --- 1. the scratch root: what install.sh installs, plus test-only pieces --------------------------
nspawn_install "$1" "$work"
nspawn_test_hooks 3s
# A user taxonomy for the reload check, not yet in force.
cat > "$root/etc/renewald/test-taxonomy.json" <<'EOF'
{"version": 1, "themes": [
  {"id": "elevator-retrofit"},
  {"id": "old-community-renovation"},
  {"id": "lantern-lane", "zh": "灯笼巷", "en": "Lantern Lane", "cues": [{"term": "灯笼巷", "weight": 4}]}
]}
EOF
chmod 0644 "$root/etc/renewald/test-taxonomy.json"

# A report invented for this test; 灯笼巷 matters only once the test taxonomy is in force.
cat > "$work/report1.txt" <<'EOF'
灯笼巷社区老旧小区改造和加装电梯工作简报

今年以来，灯笼巷社区把老旧小区改造作为民生实事，完成屋面防水、外墙保温和雨污管网改造。
灯笼巷7号院、9号院的居民经过多轮协商，同意加装电梯，目前已有4部电梯投入使用，另有3部正在施工。
社区将继续听取居民意见，推动灯笼巷片区整体更新。
EOF
cat > "$work/report2.txt" <<'EOF'
关于石榴园小区加装电梯的通知

石榴园小区2号楼加装电梯工程定于下月开工，请各位居民配合施工，注意出行安全。
EOF

# Traditional script, invented for this test: analysed through OpenCC, whose data the unit must let the daemon read.
cat > "$work/report3.txt" <<'EOF'
紅葉社區推行紅色物業

紅葉社區黨組織牽頭成立業主委員會，引入物業服務企業，物業管理糾紛明顯減少。
據瞭解，業主大會每季度聽取物業公司報告物業費收支，業主滿意度達到九成。
EOF

# --- 2. boot ---------------------------------------------------------------------------------------
t=$(now_ms)
nspawn_boot --bind-ro="$deploy":/opt/renewald-test/deploy --bind-ro="$bin":/opt/renewald-test/renewald
get_ok() { [[ $(rpc_as alice "{\"op\":\"get\",\"file\":\"$1\"}") == *'"ok":true'* ]]; }
journal_json() { cx journalctl -u renewald.service -o json --no-pager 2>/dev/null; }
state=$boot_state
echo "boot to '$state': $(( $(now_ms) - t )) ms"
[ "$state" = running ] || cx systemctl --failed --no-pager --no-legend

# --- 3. checks -------------------------------------------------------------------------------------
check "system is running (not degraded)" '[ "$state" = running ]'
check "renewald.socket and renewald.path are active" \
  '[ "$(prop ActiveState renewald.socket)/$(prop ActiveState renewald.path)" = active/active ]'
check "renewald.service is not started at boot" '[ "$(prop ActiveState)" = inactive ]'
check "sysusers at boot: renewald in group renewal, alice too, mallory not" '
  cx id -nG renewald | grep -qw renewal && cx id -nG alice | grep -qw renewal && ! cx id -nG mallory | grep -qw renewal'
check "socket /run/renewald/renewald.sock is 0660 root:renewal" \
  '[ "$(cx stat -c "%a %U %G" /run/renewald/renewald.sock)" = "660 root renewal" ]'
check "tmpfiles at boot: inbox is 3770 renewald:renewal (sticky)" \
  '[ "$(cx stat -c "%a %U %G" /var/spool/renewald/inbox)" = "3770 renewald renewal" ]'
verify_out=$(cx systemd-analyze verify --man=no /etc/systemd/system/renewald.service /etc/systemd/system/renewald.socket /etc/systemd/system/renewald.path 2>&1)
check "systemd-analyze verify inside, on the installed units: no output" '[ -z "$verify_out" ]'
[ -n "$verify_out" ] && printf '%s\n' "$verify_out" | sed 's/^/    /'

t=$(now_ms)
out=$(rpc_as alice '{"op":"ping","id":"first"}')
echo "first reply as alice (includes activation): $(( $(now_ms) - t )) ms: $out"
check "first query starts the service and is answered" '[[ $out == *"\"pong\":true"* && $out == *"\"id\":\"first\""* ]]'
check "active/running after READY=1" 'waitfor "[ \"\$(prop ActiveState)/\$(prop SubState)\" = active/running ]" 50'
check "StatusText from STATUS= says what it watches" '[[ "$(prop StatusText)" == watching* ]]'
pid1=$(prop MainPID)
check "daemon runs as user renewald, not root" '[ "$(cx stat -c %U /proc/$pid1)" = renewald ]'
exposure=$(cx systemd-analyze security renewald.service --no-pager 2>/dev/null | sed -n 's/.*Overall exposure level for renewald.service: \([0-9.]*\).*/\1/p')
echo "    online exposure: ${exposure:-?}"
check "systemd-analyze security (online, the running manager): exposure <= 1.0" \
  '[ -n "$exposure" ] && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 1.0 else 1)" "$exposure"'

# A member of renewal drops a report, with a umask that would hide it from anyone else.
as alice sh -c 'umask 077; cat > /var/spool/renewald/inbox/灯笼巷简报.txt' < "$work/report1.txt"
check "a file dropped by a renewal member (umask 077) is ingested and answerable" 'waitfor "get_ok 灯笼巷简报.txt" 150'
check "the ingested file has left the inbox" 'waitfor "[ -z \"\$(cx ls -A /var/spool/renewald/inbox)\" ]" 50'
# STATUS= is sent after the batch is reported, at most once a second: it follows the move shortly.
check "StatusText counts the report" 'waitfor "[[ \"\$(prop StatusText)\" == *\"1 report\"* ]]" 30'
check "journal -o json: ingest entry with REPORT_ID= and FILE=灯笼巷简报.txt" '
  journal_json | python3 -c "
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e.get(\"REPORT_ID\") and e.get(\"FILE\") == \"灯笼巷简报.txt\" and e.get(\"SYSLOG_IDENTIFIER\") == \"renewald\":
        sys.exit(0)
sys.exit(1)"'
check "journal -o json: THEMES= on the ingest entry" '
  journal_json | python3 -c "
import json, sys
sys.exit(0 if any(json.loads(l).get(\"THEMES\") for l in sys.stdin if \"REPORT_ID\" in l) else 1)"'
check "journalctl can filter on the field: FILE=灯笼巷简报.txt" \
  '[ -n "$(cx journalctl -u renewald.service FILE=灯笼巷简报.txt -o cat --no-pager 2>/dev/null)" ]'

# Traditional script under the shipped unit: OpenCC's data in /usr/share/opencc is readable, a simplified
# query finds the traditional report, and its themes come from the simplified form.
as alice sh -c 'cat > /var/spool/renewald/inbox/紅葉社區.txt' < "$work/report3.txt"
check "a traditional-script report is ingested" 'waitfor "get_ok 紅葉社區.txt" 150'
check "no warning that OpenCC cannot be opened under the unit" \
  '[ -z "$(cx journalctl -u renewald.service -o cat --no-pager 2>/dev/null | grep -F "OpenCC")" ]'
out=$(rpc_as alice '{"op":"search","q":"业主委员会"}')
check "search for the simplified 业主委员会 finds the traditional 業主委員會 (highlighted as written)" '[[ "$out" == *【業主委員會】* ]]'
out=$(rpc_as alice '{"op":"get","file":"紅葉社區.txt"}')
check "the traditional report is about property management" '[[ "$out" == *property-management* ]]'

# Outsiders: no query, no drop, no peeking.
out=$(rpc_as mallory '{"op":"ping"}')
check "a user outside renewal cannot query (socket 0660)" '[[ $out != *pong* && $out == *"ermission denied"* ]]'
as mallory sh -c 'echo 伪造 > /var/spool/renewald/inbox/mallory.txt' 2>/dev/null
check "a user outside renewal cannot drop into the inbox" '! cx test -e /var/spool/renewald/inbox/mallory.txt && ! as mallory ls /var/spool/renewald/inbox >/dev/null 2>&1'
check "a user outside renewal cannot read the state directory" '! as mallory ls /var/lib/renewald >/dev/null 2>&1'

# systemctl reload: SIGHUP re-reads renewald.conf and the taxonomy and reclassifies stored reports.
check "before reload: the test taxonomy is not in force" \
  '[[ $(rpc_as alice "{\"op\":\"get\",\"file\":\"灯笼巷简报.txt\"}") != *lantern-lane* ]]'
sed -i 's#^taxonomy *=.*#taxonomy = /etc/renewald/test-taxonomy.json#' "$root/etc/renewald/renewald.conf"
cx systemctl reload renewald.service
check "systemctl reload: the stored report is reclassified with the new taxonomy" \
  'waitfor "[[ \$(rpc_as alice \"{\\\"op\\\":\\\"get\\\",\\\"file\\\":\\\"灯笼巷简报.txt\\\"}\") == *lantern-lane* ]]" 100'
check "systemctl reload: same process, still active/running" \
  '[ "$(prop MainPID)" = "$pid1" ] && waitfor "[ \"\$(prop ActiveState)/\$(prop SubState)\" = active/running ]" 50'
out=$(rpc_as alice '{"op":"reload"}')
check "reload op answers reclassified >= 1" '[[ $out =~ \"reclassified\":[1-9] ]]'

# Watchdog: wedge the ingest loop; systemd must kill it (SIGABRT) and restart it.
out=$(rpc_as alice '{"op":"debug_stall","seconds":60}')
check "debug_stall accepted (RENEWALD_TEST_HOOKS=1 from the drop-in)" '[[ $out == *"\"ok\":true"* ]]'
t=$(now_ms)
waitfor '[ "$(prop NRestarts)" -ge 1 ]' 200
echo "    watchdog kill + restart after $(( $(now_ms) - t )) ms (WatchdogUSec=$(prop WatchdogUSec))"
check "watchdog timeout kills the stalled daemon" \
  'cx journalctl -u renewald.service --no-pager -o cat 2>/dev/null | grep -q "Watchdog timeout"'
check "Restart=on-failure brings it back: NRestarts=1, new MainPID, active" \
  'waitfor "[ \"\$(prop ActiveState)/\$(prop SubState)\" = active/running ]" 100 && [ "$(prop NRestarts)" = 1 ] && [ "$(prop MainPID)" != "$pid1" ]'
check "the report survives the restart" 'waitfor "get_ok 灯笼巷简报.txt" 50'

# Stop: SIGTERM, STOPPING=1, graceful drain, exit 0.
t=$(now_ms)
cx systemctl stop renewald.service 2>/dev/null
echo "    systemctl stop: $(( $(now_ms) - t )) ms"
check "systemctl stop: inactive, Result=success, exit status 0" \
  '[ "$(prop ActiveState)/$(prop Result)/$(prop ExecMainStatus)" = inactive/success/0 ]'
check "systemctl stop: no SIGKILL needed" \
  '! cx journalctl -u renewald.service --no-pager -o cat 2>/dev/null | grep -qiE "State .stop-sigterm. timed out|Killing process .* with signal SIGKILL"'
check "the socket is still listening after the stop" '[ "$(prop ActiveState renewald.socket)" = active ]'

# With nobody querying, a file in the inbox starts the daemon (renewald.path).
as alice sh -c 'cat > /var/spool/renewald/inbox/.石榴园通知.txt.part && mv /var/spool/renewald/inbox/.石榴园通知.txt.part /var/spool/renewald/inbox/石榴园通知.txt' < "$work/report2.txt"
check "a dropped file starts the stopped daemon by itself (renewald.path)" \
  'waitfor "[ \"\$(prop ActiveState)\" = active ]" 100'
check "… and it is ingested (renamed into the inbox, as the protocol recommends)" 'waitfor "get_ok 石榴园通知.txt" 150'
check "the journal has no error-level entries from renewald" \
  '[ -z "$(cx journalctl -u renewald.service -p err --no-pager -o cat 2>/dev/null | grep -v "Watchdog timeout\|Main process exited\|Failed with result")" ]'
cx systemctl stop renewald.service 2>/dev/null
check "second stop is clean too" '[ "$(prop ActiveState)/$(prop Result)" = inactive/success ]'

# install.sh on a live system (systemd is PID 1 in here): uninstall, then install again.
cx /opt/renewald-test/deploy/install.sh --uninstall > "$work/uninstall.log" 2>&1; rc=$?
check "install.sh --uninstall (live): units stopped, disabled and gone, binary removed" '
  [ $rc -eq 0 ] && [ "$(prop LoadState renewald.socket)" = not-found ] && [ "$(prop LoadState renewald.path)" = not-found ] &&
  [ "$(prop ActiveState renewald.socket)" = inactive ] && ! cx test -e /usr/local/bin/renewald'
check "install.sh --uninstall (live): reports, inbox and users kept" '
  cx test -e /var/lib/renewald/renewald.sqlite && cx test -d /var/spool/renewald/inbox && cx id renewald >/dev/null 2>&1'
cx /opt/renewald-test/deploy/install.sh --binary /opt/renewald-test/renewald > "$work/reinstall.log" 2>&1; rc=$?
check "install.sh (live): socket and path enabled and started, service waits for work" '
  [ $rc -eq 0 ] && [ "$(prop UnitFileState renewald.socket)/$(prop ActiveState renewald.socket)" = enabled/active ] &&
  [ "$(prop UnitFileState renewald.path)/$(prop ActiveState renewald.path)" = enabled/active ] && [ "$(prop ActiveState)" = inactive ]'
check "after reinstalling, the first query finds the reports kept from before" 'get_ok 灯笼巷简报.txt && get_ok 石榴园通知.txt'
cx systemctl stop renewald.service 2>/dev/null

cx journalctl -u renewald.service -o short-monotonic --no-pager > "$work/renewald.journal" 2>&1
if [ "$fail" -gt 0 ]; then echo "--- journal (last 40 lines; all in $work/renewald.journal)"; tail -40 "$work/renewald.journal"; fi
if [ -n "${KEEP:-}" ]; then
  echo "container left running: nsenter --target $leader --mount --uts --ipc --net --pid --cgroup -- bash"
fi
echo "total: $(( $(now_ms) - T0 )) ms"
summary
