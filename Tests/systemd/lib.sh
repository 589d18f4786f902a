# Shared by the systemd test scripts: PASS/FAIL bookkeeping and small helpers. Source it.

pass=0
fail=0

# check NAME CONDITION: evaluate CONDITION (a shell snippet) and count the result.
check() {
  if eval "$2"; then
    echo "PASS $1"; pass=$((pass + 1))
  else
    echo "FAIL $1"; fail=$((fail + 1))
  fi
}

# waitfor CONDITION [TENTHS]: poll CONDITION every 0.1 s, up to TENTHS tries (default 100 = 10 s).
waitfor() {
  local i
  for i in $(seq "${2:-100}"); do
    eval "$1" && return 0
    sleep 0.1
  done
  return 1
}

# summary: the line CI reads; exit status says whether everything passed.
summary() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

need_root() {
  [ "$(id -u)" -eq 0 ] || { echo "$0: must run as root"; echo "0 passed, 1 failed"; exit 1; }
}

# need_tools TOOL...: fail (not skip) with a clear message when a tool is missing.
need_tools() {
  local t missing=()
  for t in "$@"; do command -v "$t" >/dev/null || missing+=("$t"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "$0: missing ${missing[*]} (apt-get install -y libsystemd-dev pkg-config socat systemd-container dbus)"
    echo "0 passed, 1 failed"; exit 1
  fi
}
