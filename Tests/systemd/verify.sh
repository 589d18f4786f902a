#!/usr/bin/env bash
# usage: verify.sh [BIN]
#
# Static checks of deploy/ that need no systemd PID 1:
#  - systemd-analyze verify on the shipped units prints NOTHING (it exits 0 on unknown keys and bad
#    values, so any output is a failure); ExecStart= is pointed at BIN (default: /bin/true) because
#    verify insists the binary exists;
#  - systemd-analyze security --offline=true: exposure <= 1.0;
#  - sysusers and tmpfiles, applied to a scratch root, give the documented users, groups and inbox;
#  - renewald.conf documents exactly the daemon's keys and defaults;
#  - install.sh --root installs and enables everything offline, and --uninstall removes it but keeps data.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deploy=$(cd "$here/../../deploy" && pwd)
. "$here/lib.sh"
need_root
need_tools systemd-analyze systemd-sysusers systemd-tmpfiles systemctl python3
bin=$(readlink -f "${1:-/bin/true}")
work=$(mktemp -d /tmp/renewald-verify.XXXXXX)
# systemd-analyze leaves an empty /run/systemd/systemd-units-load behind; remove it only if it is ours
# (on a host run by systemd, PID 1 owns that file).
units_load=/run/systemd/systemd-units-load
[ -e "$units_load" ] && units_load_ours=no || units_load_ours=yes
trap 'rm -rf "$work"; [ $units_load_ours = yes ] && rm -f "$units_load"' EXIT

# --- units ---------------------------------------------------------------------------------------
mkdir -p "$work/units"
sed "s#^ExecStart=/usr/local/bin/renewald #ExecStart=$bin #" "$deploy/renewald.service" > "$work/units/renewald.service"
cp "$deploy/renewald.socket" "$deploy/renewald.path" "$work/units/"
check "ExecStart substituted for verification" 'grep -q "^ExecStart=$bin serve --config /etc/renewald/renewald.conf$" "$work/units/renewald.service"'
verify_out=$(cd "$work/units" && systemd-analyze verify --man=no renewald.service renewald.socket renewald.path 2>&1)
verify_rc=$?
check "systemd-analyze verify: exit 0" '[ $verify_rc -eq 0 ]'
check "systemd-analyze verify: no output at all" '[ -z "$verify_out" ]'
[ -n "$verify_out" ] && printf '%s\n' "$verify_out" | sed 's/^/    /'

# A typo must be caught, or the check above proves nothing.
sed 's/^ProtectSystem=strict/ProtectSytem=strict/' "$work/units/renewald.service" > "$work/units/typo.service"
typo_out=$(cd "$work/units" && systemd-analyze verify --man=no typo.service 2>&1)
check "verify catches a misspelt key (self-test)" '[[ $typo_out == *ProtectSytem* ]]'

security=$(systemd-analyze security --offline=true "$deploy/renewald.service" 2>&1)
exposure=$(printf '%s\n' "$security" | sed -n 's/.*Overall exposure level for renewald.service: \([0-9.]*\).*/\1/p')
echo "    exposure: ${exposure:-?}"
check "systemd-analyze security --offline: exposure <= 1.0" \
  '[ -n "$exposure" ] && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 1.0 else 1)" "$exposure"'
check "systemd-analyze security --threshold=10 agrees" \
  'systemd-analyze security --offline=true --threshold=10 "$deploy/renewald.service" >/dev/null 2>&1'

check "service: Type=notify, NotifyAccess=main, WatchdogSec, Restart=on-failure, ExecReload sends SIGHUP" '
  grep -qx "Type=notify" "$deploy/renewald.service" && grep -qx "NotifyAccess=main" "$deploy/renewald.service" &&
  grep -q "^WatchdogSec=[1-9]" "$deploy/renewald.service" && grep -qx "Restart=on-failure" "$deploy/renewald.service" &&
  grep -qx "ExecReload=/bin/kill -HUP \$MAINPID" "$deploy/renewald.service"'
check "service: static user renewald, group renewal, StateDirectory=renewald, MemoryDenyWriteExecute" '
  grep -qx "User=renewald" "$deploy/renewald.service" && grep -qx "Group=renewal" "$deploy/renewald.service" &&
  grep -qx "StateDirectory=renewald" "$deploy/renewald.service" && grep -qx "MemoryDenyWriteExecute=yes" "$deploy/renewald.service" &&
  ! grep -q "^DynamicUser=yes" "$deploy/renewald.service"'
check "socket: /run/renewald/renewald.sock, 0660, group renewal, named renewald" '
  grep -qx "ListenStream=/run/renewald/renewald.sock" "$deploy/renewald.socket" && grep -qx "SocketMode=0660" "$deploy/renewald.socket" &&
  grep -qx "SocketGroup=renewal" "$deploy/renewald.socket" && grep -qx "FileDescriptorName=renewald" "$deploy/renewald.socket"'

# --- sysusers + tmpfiles in a scratch root -------------------------------------------------------
r=$work/root
mkdir -p "$r/etc/sysusers.d" "$r/etc/tmpfiles.d"
cp "$deploy/renewald.sysusers" "$r/etc/sysusers.d/renewald.conf"
cp "$deploy/renewald.tmpfiles" "$r/etc/tmpfiles.d/renewald.conf"
sysusers_out=$(systemd-sysusers --root="$r" 2>&1 | grep -v '^Creating ')
check "sysusers: applies without warnings" '[ -z "$sysusers_out" ]'
check "sysusers: system user renewald with nologin shell" \
  'awk -F: '\''$1=="renewald" && $3<1000 && $7=="/usr/sbin/nologin"'\'' "$r/etc/passwd" | grep -q .'
check "sysusers: group renewal, renewald a member" \
  'awk -F: '\''$1=="renewal" && $3<1000 && (","$4",") ~ /,renewald,/'\'' "$r/etc/group" | grep -q .'
uid=$(awk -F: '$1=="renewald"{print $3}' "$r/etc/passwd")
gid=$(awk -F: '$1=="renewal"{print $3}' "$r/etc/group")
tmpfiles_out=$(systemd-tmpfiles --root="$r" --create 2>&1)
check "tmpfiles: applies without warnings" '[ -z "$tmpfiles_out" ]'
[ -n "$tmpfiles_out" ] && printf '%s\n' "$tmpfiles_out" | sed 's/^/    /'
check "tmpfiles: inbox is 3770 renewald:renewal (sticky, setgid, group-writable, closed to others)" \
  '[ "$(stat -c "%a %u %g" "$r/var/spool/renewald/inbox")" = "3770 $uid $gid" ]'
check "tmpfiles: a file created under umask 077 is group-readable (default ACL) and in group renewal" '
  (umask 077; echo 测试 > "$r/var/spool/renewald/inbox/t.txt") &&
  [ "$(stat -c "%a %g" "$r/var/spool/renewald/inbox/t.txt")" = "640 $gid" ]'

# --- renewald.conf -------------------------------------------------------------------------------
conf_keys=$(sed -e 's/#.*//' "$deploy/renewald.conf" | awk -F= 'NF>=2 {gsub(/[ \t]/,"",$1); v=$2; gsub(/^[ \t]+|[ \t]+$/,"",v); print $1"="v}' | sort | tr '\n' ' ')
expected="batch_command= batch_timeout=30s idle_timeout_s=300 inbox=/var/spool/renewald/inbox inbox_watch=auto log_level=info max_analysis_mb=1536 max_analysis_s=30 max_connections=1024 max_file_bytes=67108864 max_request_bytes=1048576 poll_interval=5s socket=/run/renewald/renewald.sock state=/var/lib/renewald taxonomy= "
check "renewald.conf: exactly the documented keys and defaults" '[ "$conf_keys" = "$expected" ]'
[ "$conf_keys" = "$expected" ] || echo "    got: $conf_keys"

# --- install.sh into a scratch root --------------------------------------------------------------
d=$work/dest
install_out=$("$deploy/install.sh" --root "$d" --binary "$bin" 2>&1); install_rc=$?
check "install.sh --root: succeeds" '[ $install_rc -eq 0 ]'
[ $install_rc -eq 0 ] || printf '%s\n' "$install_out" | sed 's/^/    /'
check "install.sh --root: binary, units, sysusers, tmpfiles, conf in place" '
  [ -x "$d/usr/local/bin/renewald" ] && cmp -s "$bin" "$d/usr/local/bin/renewald" &&
  cmp -s "$deploy/renewald.service" "$d/etc/systemd/system/renewald.service" &&
  cmp -s "$deploy/renewald.socket" "$d/etc/systemd/system/renewald.socket" &&
  cmp -s "$deploy/renewald.path" "$d/etc/systemd/system/renewald.path" &&
  cmp -s "$deploy/renewald.sysusers" "$d/etc/sysusers.d/renewald.conf" &&
  cmp -s "$deploy/renewald.tmpfiles" "$d/etc/tmpfiles.d/renewald.conf" &&
  cmp -s "$deploy/renewald.conf" "$d/etc/renewald/renewald.conf"'
check "install.sh --root: socket and path enabled, service not started at boot" '
  [ -L "$d/etc/systemd/system/sockets.target.wants/renewald.socket" ] &&
  [ -L "$d/etc/systemd/system/paths.target.wants/renewald.path" ] &&
  [ ! -e "$d/etc/systemd/system/multi-user.target.wants/renewald.service" ]'
echo "log_level = debug" >> "$d/etc/renewald/renewald.conf"
mkdir -p "$d/var/lib/renewald" && echo data > "$d/var/lib/renewald/keep"
"$deploy/install.sh" --root "$d" --binary "$bin" >/dev/null 2>&1
check "install.sh again: keeps an edited renewald.conf" 'grep -q "log_level = debug" "$d/etc/renewald/renewald.conf"'
"$deploy/install.sh" --uninstall --root "$d" >/dev/null 2>&1; uninstall_rc=$?
check "install.sh --uninstall: removes binary, units, links, sysusers, tmpfiles" '
  [ $uninstall_rc -eq 0 ] && [ ! -e "$d/usr/local/bin/renewald" ] &&
  [ -z "$(find "$d/etc/systemd/system" "$d/etc/sysusers.d" "$d/etc/tmpfiles.d" -name "renewald*")" ]'
check "install.sh --uninstall: keeps data and the edited conf" \
  '[ -f "$d/var/lib/renewald/keep" ] && [ -f "$d/etc/renewald/renewald.conf" ]'

summary
