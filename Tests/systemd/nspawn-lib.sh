# Shared by nspawn.sh and nspawn-hostile.sh: boot a REAL systemd as PID 1 of a `systemd-nspawn -b`
# container over the host's own /usr (a volatile tmpfs root; no download; root only), with what
# deploy/install.sh installs bound in. Source it after lib.sh, with $bin, $work and $deploy set.
#
#   nspawn_install            install.sh into $work/root; sets $root and $units
#   nspawn_boot ARGS...       boot (extra systemd-nspawn ARGS, e.g. --tmpfs=...); sets $leader, $state
#   cx CMD...                 run CMD in the container (as root)
#   as USER CMD...            run CMD in the container as USER, with USER's groups
#   rpc_as USER REQUEST       one request line to the daemon's socket, as USER
#   prop NAME [UNIT]          systemctl show -P NAME UNIT (default renewald.service)
# The container is powered off on exit (trap), unless KEEP=1.

nspawn_install() {
  root=$work/root
  "$deploy/install.sh" --root "$root" --binary "$bin" > "$work/install.log" 2>&1 \
    || { cat "$work/install.log"; echo "0 passed, 1 failed"; exit 1; }
  units=$root/etc/systemd/system
  mkdir -p "$units/renewald.service.d"
  # An empty /etc means "first boot": the firstboot wizard fails and Debian's presets enable (and
  # start) every unit. A machine-id makes it an ordinary boot; being a bind mount it looks transient,
  # so the unit that would commit it must be masked.
  systemd-id128 new > "$work/machine-id"
  ln -s /dev/null "$units/systemd-machine-id-commit.service"
}

nspawn_boot() {
  local runtime=() swiftlib t i
  swiftlib=$(ldd "$bin" 2>/dev/null | sed -n 's#.*libswiftCore.so => \(.*\)/libswiftCore.so.*#\1#p')
  [ -n "$swiftlib" ] && runtime=(--bind-ro="$swiftlib")
  # nspawn goes into a cgroup of its own, so the container's tree is not made at the host's cgroup root.
  cg=renewald-e2e-$$
  if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then cgdirs=("/sys/fs/cgroup/$cg")
  else cgdirs=(); for h in systemd unified; do [ -d "/sys/fs/cgroup/$h" ] && cgdirs+=("/sys/fs/cgroup/$h/$cg"); done; fi
  t=$(now_ms)
  ( for d in "${cgdirs[@]}"; do mkdir -p "$d"; echo $BASHPID > "$d/cgroup.procs"; done
    exec systemd-nspawn -D / --volatile=yes -b --register=no --keep-unit --private-network \
      --machine="renewald-e2e-$$" \
      --bind-ro="$work/machine-id":/etc/machine-id \
      --bind="$units":/etc/systemd/system \
      --bind="$root/etc/sysusers.d":/etc/sysusers.d \
      --bind="$root/etc/tmpfiles.d":/etc/tmpfiles.d \
      --bind="$root/etc/renewald":/etc/renewald \
      --bind="$root/usr/local/bin":/usr/local/bin \
      --bind-ro="$deploy":/opt/renewald-test/deploy \
      --bind-ro="$bin":/opt/renewald-test/renewald \
      "${runtime[@]}" "$@" \
      --console=pipe --quiet < /dev/null > "$work/console.log" 2>&1 ) &
  nspawn=$!
  trap nspawn_shutdown EXIT
  leader=
  for i in $(seq 300); do leader=$(pgrep -P "$nspawn" -x systemd) && break; sleep 0.1; done
  [ -n "$leader" ] || { echo "container did not start"; cat "$work/console.log"; echo "0 passed, 1 failed"; exit 1; }
  state=
  for i in $(seq 100); do
    state=$(cx systemctl is-system-running --wait 2>/dev/null) && break
    [ "$state" = degraded ] && break
    sleep 0.2
  done
  echo "boot to '$state': $(( $(now_ms) - t )) ms"
  [ "$state" = running ] || cx systemctl --failed --no-pager --no-legend
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
as() { local who=$1; shift; cx setpriv --reuid="$who" --regid="$who" --init-groups -- "$@"; }
rpc_as() {
  as "$1" sh -c 'printf "%s\n" "$1" | socat -t10 - UNIX-CONNECT:/run/renewald/renewald.sock 2>&1' rpc "$2"
}
prop() { cx systemctl show -P "$1" "${2:-renewald.service}" 2>/dev/null; }
