#!/usr/bin/env bash
# Install (or remove) renewald as a systemd service.
#
# usage: deploy/install.sh [--root DIR] [--binary PATH] [--no-start]
#        deploy/install.sh --uninstall [--root DIR]
#
#   --root DIR     install into DIR instead of / (also: DESTDIR=DIR); units are enabled offline and
#                  users/directories are created when DIR boots (systemd-sysusers/-tmpfiles at boot)
#   --binary PATH  install this binary instead of building one
#   --no-start     enable but do not start the units
#   --uninstall    stop and remove binary, units and system configuration; keeps the reports
#                  (/var/lib/renewald, the inbox), the renewald user and an edited renewald.conf
#
# Without --binary it builds `swift build -c release --static-swift-stdlib` (needs Swift on PATH or in
# /opt/swift, and libsystemd-dev, which it installs with apt-get if missing). Run as root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
root=${DESTDIR:-/}
binary=
start=yes
action=install

while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$2; shift 2 ;;
    --root=*) root=${1#*=}; shift ;;
    --binary) binary=$2; shift 2 ;;
    --binary=*) binary=${1#*=}; shift ;;
    --no-start) start=no; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root=${root%/}
[ -n "$root" ] || root=/
prefix=${root%/}                      # "" for the live system, so "$prefix/etc" is /etc
live=no
# The live system, managed by a running systemd (sd_booted(3): /run/systemd/system exists).
if [ "$root" = / ] && [ -d /run/systemd/system ]; then live=yes; fi

bin_path=$prefix/usr/local/bin/renewald
unit_dir=$prefix/etc/systemd/system
units=(renewald.service renewald.socket renewald.path)
sysusers=$prefix/etc/sysusers.d/renewald.conf
tmpfiles=$prefix/etc/tmpfiles.d/renewald.conf
conf_dir=$prefix/etc/renewald

say() { echo "install.sh: $*"; }

if [ "$(id -u)" -ne 0 ] && [ "$root" = / ]; then
  echo "install.sh: run as root (or pass --root DIR)" >&2; exit 1
fi

uninstall() {
  if [ $live = yes ]; then
    systemctl disable --now "${units[@]}" 2>/dev/null || true
  elif [ -d "$unit_dir" ]; then
    systemctl --root="$root" disable "${units[@]}" >/dev/null 2>&1 || true
  fi
  for u in "${units[@]}"; do rm -f "$unit_dir/$u"; done
  rm -rf "$unit_dir/renewald.service.d"
  rm -f "$bin_path" "$sysusers" "$tmpfiles"
  if [ -f "$conf_dir/renewald.conf" ] && cmp -s "$conf_dir/renewald.conf" "$here/renewald.conf"; then
    rm -f "$conf_dir/renewald.conf"; rmdir "$conf_dir" 2>/dev/null || true
  elif [ -f "$conf_dir/renewald.conf" ]; then
    say "kept the edited $conf_dir/renewald.conf"
  fi
  [ $live = yes ] && systemctl daemon-reload
  say "removed renewald; kept its data ($prefix/var/lib/renewald, $prefix/var/spool/renewald) and the renewald user and renewal group"
}

build() {
  local missing=0
  for lib in libsystemd libzstd sqlite3 zlib opencc; do pkg-config --exists $lib 2>/dev/null || missing=1; done
  if [ $missing = 1 ] && command -v apt-get >/dev/null; then
    say "installing the libraries' headers (needed to build)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libsystemd-dev libzstd-dev libsqlite3-dev zlib1g-dev libopencc-dev pkg-config >/dev/null
  fi
  # sudo resets PATH; the toolchain's usual place on these machines is /opt/swift.
  command -v swift >/dev/null || { [ -x /opt/swift/usr/bin/swift ] && PATH=/opt/swift/usr/bin:$PATH; }
  command -v swift >/dev/null || { echo "install.sh: swift is not on PATH (try: sudo env PATH=\$PATH $0)" >&2; exit 1; }
  say "building renewald (release, static Swift standard library)"
  (cd "$repo" && swift build -c release --static-swift-stdlib --product renewald >&2)
  binary="$(cd "$repo" && swift build -c release --static-swift-stdlib --show-bin-path)/renewald"
}

install_all() {
  [ -n "$binary" ] || build
  [ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 1; }
  # Traditional Chinese is read through OpenCC, whose dictionaries the daemon loads from /usr/share/opencc.
  [ -e /usr/share/opencc/t2s.json ] || say "warning: /usr/share/opencc/t2s.json is missing (apt-get install libopencc1.1): traditional-script reports are then converted character by character"

  install -D -m 0755 "$binary" "$bin_path"
  install -d -m 0755 "$unit_dir"
  for u in "${units[@]}"; do install -m 0644 "$here/$u" "$unit_dir/$u"; done
  install -D -m 0644 "$here/renewald.sysusers" "$sysusers"
  install -D -m 0644 "$here/renewald.tmpfiles" "$tmpfiles"
  install -d -m 0755 "$conf_dir"
  if [ -f "$conf_dir/renewald.conf" ] && ! cmp -s "$conf_dir/renewald.conf" "$here/renewald.conf"; then
    say "kept the existing $conf_dir/renewald.conf (the shipped defaults are in $here/renewald.conf)"
  else
    install -m 0644 "$here/renewald.conf" "$conf_dir/renewald.conf"
  fi

  if [ $live = yes ]; then
    systemd-sysusers "$sysusers"
    systemd-tmpfiles --create "$tmpfiles"
    systemctl daemon-reload
    if [ $start = yes ]; then
      systemctl enable --now renewald.socket renewald.path
      # An upgrade: a running daemon picks up the new binary.
      systemctl try-restart renewald.service
    else
      systemctl enable renewald.socket renewald.path
    fi
    say "installed; try: systemctl status renewald.socket renewald.service"
  else
    # Offline (another root, or no systemd running): enable by symlink; users and directories are
    # created by systemd-sysusers and systemd-tmpfiles when that system boots.
    systemctl --root="$root" enable renewald.socket renewald.path >/dev/null 2>&1 \
      || { echo "install.sh: systemctl --root=$root enable failed" >&2; exit 1; }
    say "installed into $root (enabled offline; users and the inbox are created at boot)"
  fi
}

case $action in
  install) install_all ;;
  uninstall) uninstall ;;
esac
