#!/usr/bin/env bash
# usage: nspawn-latency.sh BIN [WORKDIR]
#
# Search latency under the shipped unit, unchanged (its system-call filter, its sandbox), in a real
# systemd booted by systemd-nspawn: p99 of `search` while a backlog is being ingested must stay within
# 2× of p99 when idle. The analysis threads lower their priority for this (setpriority, which the
# unit allows); the journal must not say they could not, nor that SQLite's allocator kept its
# process-wide statistics mutex (a search waiting on it behind a preempted nice-19 writer was the tail).
# env: LATENCY_FILES (files in the backlog, default 4000), LATENCY_SECONDS (each window, default 8).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/nspawn-boot.sh"
nspawn_preflight "${1:-}"
files=${LATENCY_FILES:-4000}
seconds=${LATENCY_SECONDS:-8}
nspawn_install "$1" "${2:-/tmp/renewald-nspawn-latency}"
mkdir -p "$work/share/seed" "$work/share/backlog"
cp "$here/search-latency.py" "$work/share/"
# Reports made up for this test: varied sentences about renewal work, every file different.
python3 - "$work/share" "$files" <<'PY'
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
places = ["石榴园", "灯笼巷", "青石", "桂园", "翠湖", "北关", "西营"]
parts = ["老旧小区改造完成屋面防水和外墙保温", "居民协商同意加装电梯", "物业公司改进停车管理",
         "社区食堂为老人提供助餐服务", "雨污管网改造工程开工", "垃圾分类投放站增设两处",
         "街道召开议事会听取居民意见", "口袋公园建成开放", "养老服务驿站投入使用"]
def text(i):
    place = rng.choice(places)
    body = "。".join(f"{place}社区{rng.choice(parts)}，第{i}批{rng.randint(2, 90)}户受益" for _ in range(rng.randint(8, 20)))
    return f"{place}社区城市更新工作简报（{i}）\n\n{body}。\n"
for i in range(200):
    open(f"{out}/seed/seed-{i}.txt", "w").write(text(i))
for i in range(n):
    open(f"{out}/backlog/b-{i}.txt", "w").write(text(10000 + i))
PY
chmod -R a+rX "$work/share"
nspawn_boot --bind-ro="$work/share":/opt/renewald-test/share
echo "boot to '$boot_state'"
latency() { as alice python3 /opt/renewald-test/share/search-latency.py /run/renewald/renewald.sock "$seconds"; }
inbox=/var/spool/renewald/inbox
count_reports() { rpc_as alice '{"op":"stats"}' | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["result"]["reports"])' 2>/dev/null; }

rpc_as alice '{"op":"ping"}' > /dev/null
t=$(now_ms)
as alice sh -c "cp /opt/renewald-test/share/seed/* $inbox/"
check "the seed reports are ingested under the real unit" 'waitfor "[ \"\$(count_reports)\" = 200 ]" 600'
echo "    200 seed reports ingested in $(( $(now_ms) - t )) ms"
idle=$(latency); echo "    idle: searches p50 p99 (ms), pending: $idle"
read -r idle_n idle_p50 idle_p99 _ _ <<< "$idle"
# The backlog is copied aside inside the inbox's filesystem, then renamed in at once (as mv would).
as alice sh -c "mkdir -p $inbox/.incoming && cp /opt/renewald-test/share/backlog/* $inbox/.incoming/"
as alice sh -c "mv $inbox/.incoming/* $inbox/ && rmdir $inbox/.incoming"
busy=$(latency); echo "    ingesting: searches p50 p99 (ms), pending at start and end: $busy"
read -r busy_n busy_p50 busy_p99 busy_pending0 busy_pending1 <<< "$busy"
check "the backlog was still being ingested while searches were timed (pending > 0 at both ends)" \
  '[ "${busy_pending0:-0}" -gt 0 ] && [ "${busy_pending1:-0}" -gt 0 ]'
check "search p99 while ingesting (${busy_p99:-?} ms) is within 2x of idle (${idle_p99:-?} ms)" \
  'python3 -c "import sys; b, i = map(float, sys.argv[1:]); sys.exit(0 if b <= 2 * max(i, 1.0) else 1)" "$busy_p99" "$idle_p99"'
check "the journal has no setpriority warning (the unit lets analysis lower its priority)" \
  '! cx journalctl -u renewald.service --no-pager -o cat 2>/dev/null | grep -q "cannot lower their priority"'
check "the journal has no memory-statistics warning (SQLite's allocator takes no process-wide lock)" \
  '! cx journalctl -u renewald.service --no-pager -o cat 2>/dev/null | grep -q "memory statistics stay on"'
cx journalctl -u renewald.service -o short-monotonic --no-pager > "$work/renewald.journal" 2>&1
summary
