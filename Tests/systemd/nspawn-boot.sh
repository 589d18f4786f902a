# Boots a REAL systemd (PID 1 of `systemd-nspawn -b` over the host's own /usr, volatile root) with
# renewald installed by deploy/install.sh into a scratch root. Source it (after lib.sh), then:
#   nspawn_preflight BIN [TOOL...]  root, the tools, dbus and an executable BIN, or a failure line and exit
#   nspawn_install BIN WORK      install BIN and the shipped units into WORK/root (sets bin, work, root, units)
#   nspawn_test_hooks WATCHDOG   a drop-in: that WatchdogSec=, quick restarts, RENEWALD_TEST_HOOKS=1
#   nspawn_boot [NSPAWN_ARG...]  boot the container with extra arguments (binds); sets leader and
#                                boot_state; cx, as, rpc_as, prop work from then on; an EXIT trap powers it off
# Root only; needs systemd-nspawn, nsenter, setpriv, socat, python3, systemd-id128 and dbus.

nspawn_preflight() {
  local bin_arg=${1:-}
  need_root
  need_tools systemd-nspawn nsenter setpriv socat python3 systemd-id128 "${@:2}"
  [ -x /usr/bin/dbus-daemon ] || [ -x /usr/bin/dbus-broker ] || { echo "$0: dbus is not installed"; echo "0 passed, 1 failed"; exit 1; }
  [ -n "$bin_arg" ] && [ -x "$bin_arg" ] || { echo "usage: $0 BIN [WORKDIR]"; echo "0 passed, 1 failed"; exit 1; }
}

nspawn_install() {
  bin=$(readlink -f "$1"); work=$2; root=$work/root
  deploy=${deploy:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../deploy" && pwd)}
  rm -rf "$work"; mkdir -p "$work"
  "$deploy/install.sh" --root "$root" --binary "$bin" > "$work/install.log" 2>&1 \
    || { cat "$work/install.log"; echo "0 passed, 1 failed"; exit 1; }
  units=$root/etc/systemd/system
  cat > "$root/etc/sysusers.d/renewald-test-users.conf" <<'USERS'
# test only: alice may use renewald, mallory may not
u alice   - "member of renewal" /tmp /bin/sh
m alice   renewal
u mallory - "not a member"      /tmp /bin/sh
USERS
  # An empty /etc means "first boot"; a machine-id makes it an ordinary boot. Being a bind mount it
  # looks transient, so the unit that would commit it is masked.
  systemd-id128 new > "$work/machine-id"
  ln -s /dev/null "$units/systemd-machine-id-commit.service"
}

nspawn_test_hooks() {
  mkdir -p "$units/renewald.service.d"
  cat > "$units/renewald.service.d/test.conf" <<CONF
# test only: a short watchdog so a stall is noticed in seconds, quick restarts, and the test hooks
# (debug_stall, the poison file's wedge marker)
[Service]
WatchdogSec=$1
RestartSec=1s
Environment=RENEWALD_TEST_HOOKS=1
CONF
}

nspawn_boot() {
  local runtime=() swiftlib
  swiftlib=$(ldd "$bin" 2>/dev/null | sed -n 's#.*libswiftCore.so => \(.*\)/libswiftCore.so.*#\1#p')
  [ -n "$swiftlib" ] && runtime=(--bind-ro="$swiftlib")
  # nspawn goes into a cgroup of its own, so the container's tree is not made at the host's cgroup root.
  cg=renewald-e2e-$$
  if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then cgdirs=("/sys/fs/cgroup/$cg")
  else cgdirs=(); for h in systemd unified; do [ -d "/sys/fs/cgroup/$h" ] && cgdirs+=("/sys/fs/cgroup/$h/$cg"); done; fi
  ( for d in "${cgdirs[@]}"; do mkdir -p "$d"; echo $BASHPID > "$d/cgroup.procs"; done
    exec systemd-nspawn -D / --volatile=yes -b --register=no --keep-unit --private-network \
      --machine="renewald-e2e-$$" \
      --bind-ro="$work/machine-id":/etc/machine-id \
      --bind="$units":/etc/systemd/system \
      --bind="$root/etc/sysusers.d":/etc/sysusers.d \
      --bind="$root/etc/tmpfiles.d":/etc/tmpfiles.d \
      --bind="$root/etc/renewald":/etc/renewald \
      --bind="$root/usr/local/bin":/usr/local/bin \
      "${runtime[@]}" "$@" \
      --console=pipe --quiet < /dev/null > "$work/console.log" 2>&1 ) &
  nspawn=$!
  trap nspawn_shutdown EXIT
  leader=
  for i in $(seq 300); do leader=$(pgrep -P "$nspawn" -x systemd) && break; sleep 0.1; done
  [ -n "$leader" ] || { echo "container did not start"; cat "$work/console.log"; echo "0 passed, 1 failed"; exit 1; }
  boot_state=
  for i in $(seq 100); do
    boot_state=$(cx systemctl is-system-running --wait 2>/dev/null) && break
    [ "$boot_state" = degraded ] && break
    sleep 0.2
  done
}

nspawn_shutdown() {
  [ -n "${KEEP:-}" ] && return
  if kill -0 "$nspawn" 2>/dev/null; then
    [ -n "${leader:-}" ] && cx systemctl poweroff --no-block >/dev/null 2>&1
    for i in $(seq 100); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.1; done
    kill "$nspawn" 2>/dev/null; wait "$nspawn" 2>/dev/null
  fi
  for d in "${cgdirs[@]}"; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null; done
}

cx() { nsenter --target "$leader" --mount --uts --ipc --net --pid --cgroup -- "$@"; }
# as USER CMD...: run CMD inside the container as USER with USER's groups.
as() { local who=$1; shift; cx setpriv --reuid="$who" --regid="$who" --init-groups -- "$@"; }
# rpc_as USER REQUEST: one request line to the daemon's socket, as USER.
rpc_as() {
  as "$1" sh -c 'printf "%s\n" "$1" | socat -t10 - UNIX-CONNECT:/run/renewald/renewald.sock 2>&1' rpc "$2"
}
prop() { cx systemctl show -P "$1" "${2:-renewald.service}" 2>/dev/null; }
