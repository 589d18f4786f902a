#!/usr/bin/env bash
# The digest in a real browser: start a daemon on a few generated reports dated this week, write the
# digest with `renewald digest`, render it in headless Chromium at desktop and phone width (screenshots),
# and check that the page logs no console errors, does not overflow a phone's width, and that every bar
# of its charts carries the numbers `trends` gives.
#
#   Tests/digest/render.sh [BIN] [OUT_DIR]     (default .build/debug/renewald, /tmp/renewald-digest)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/renewald}")
OUT=${2:-/tmp/renewald-digest}
CHROMIUM=${CHROMIUM:-chromium}
rm -rf "$OUT"; mkdir -p "$OUT/inbox" "$OUT/state"
SOCK="$OUT/renewald.sock"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$BIN" serve --inbox "$OUT/inbox" --state "$OUT/state" --socket "$SOCK" >"$OUT/daemon.log" 2>&1 &
DAEMON=$!
trap 'kill $DAEMON 2>/dev/null || true; wait $DAEMON 2>/dev/null || true' EXIT
for _ in $(seq 100); do echo '{"op":"ping"}' | "$BIN" query --socket "$SOCK" 2>/dev/null | grep -q pong && break; sleep 0.1; done

# Reports dated over the last six days (so `--since 7d` takes them all), two of them reprints.
python3 - "$OUT/inbox" <<'PY'
import datetime, os, sys
inbox = sys.argv[1]
today = datetime.datetime.now(datetime.timezone.utc).date()
def day(n):
    d = today - datetime.timedelta(days=n)
    return f"{d.year}年{d.month}月{d.day}日"
stories = {
 "elevator": ("武侯区：加装电梯见实效", "王丽", [
   "今年以来，成都市武侯区累计完成既有住宅加装电梯386部，惠及居民5200户，投入财政补贴资金1.2亿元。",
   "玉林社区居委会先后召开坝坝会12次，请设计单位现场讲解井道位置、采光影响和分摊比例，低层住户的顾虑一条条得到回应。",
   "为破解资金难题，街道引入公积金提取和银行专项贷款，居民出资部分可分期缴纳，首批32个单元因此签下协议。",
   "“电梯装好了，出门方便多了。”住在七楼的张大爷说。区住建局表示，明年将把加装电梯与老旧小区改造同步设计、同步施工。"]),
 "property": ("江汉区：信托制物业让账本透明", "刘敏", [
   "江汉区推行信托制物业服务以来，已有47个小区完成改制，物业费收缴率由六成提高到九成以上。",
   "在桂花园小区，每一笔公共收益和维修资金支出都在业主群和公示栏按月公开，业主可以随时查阅凭证，议事会每季度评议一次服务质量。",
   "物业企业按合同约定提取酬金，其余资金全部用于小区，去年结余的18万元被用来更换了楼道照明和单元门禁。"]),
 "renovation": ("岳麓区老旧小区改造提速", "周平", [
   "岳麓区今年启动老旧小区改造项目23个，涉及房屋156栋、居民4300余户，改造面积12.5万平方米。",
   "改造坚持先地下后地上，先行完成雨污分流和燃气管网更新，再实施外立面整治、屋面防水和适老化设施建设。",
   "施工单位在每个小区设立工作站，居民可以当面提出意见，项目组累计收集并解决问题280余条。"]),
 "heritage": ("西安碑林区历史街区微更新", "赵刚", [
   "碑林区在三学街历史文化街区实施微更新，修缮传统风貌建筑21栋，保留老树和街巷肌理，不搞大拆大建。",
   "街区引入非遗工坊和社区书房，居民和商户共同商定营业时间与噪音管理公约，改造资金共计3600万元。",
   "规划师驻场两年，先后组织居民工作坊15场，把老住户的记忆写进街区导览。"]),
}
def page(date, key, byline, paragraphs, head=()):
    title = stories[key][0]
    return "\n".join(list(head) + [f"城市日报　{date}", title, "□" + byline] + paragraphs) + "\n"
files = {
  "elevator.txt": page(day(5), "elevator", "王丽", stories["elevator"][2]),
  "property.txt": page(day(4), "property", "刘敏", stories["property"][2]),
  "renovation.txt": page(day(2), "renovation", "周平", stories["renovation"][2]),
  "heritage.txt": page(day(1), "heritage", "赵刚", stories["heritage"][2]),
  "elevator-reprint.txt": page(day(3), "elevator", "孙伟", [p.replace("电梯", "电\u200b梯") for p in stories["elevator"][2]],
                               head=["来源：城市更新观察网", "责任编辑：陈晓燕"]),
  "renovation-short.txt": page(day(0), "renovation", "吴军", stories["renovation"][2][:2]),
}
for name, text in files.items():
    tmp = os.path.join(inbox, "." + name + ".part")
    with open(tmp, "w", encoding="utf-8") as f: f.write(text)
    os.rename(tmp, os.path.join(inbox, name))
PY
for _ in $(seq 200); do
  n=$(echo '{"op":"stats"}' | "$BIN" query --socket "$SOCK" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["reports"])')
  [ "$n" -ge 6 ] && break; sleep 0.1
done
[ "$n" -ge 6 ] || fail "only $n of 6 reports stored"

"$BIN" digest --socket "$SOCK" --since 7d --out "$OUT/digest.html"
grep -q '<script' "$OUT/digest.html" && fail "the digest has a script"
grep -Eq '(src|href)="https?:' "$OUT/digest.html" && fail "the digest loads something from the network"

# What the charts must show: the digest's period and interval, asked of `trends` directly.
python3 - "$OUT" <<'PY' | "$BIN" query --socket "$SOCK" > "$OUT/trends.ndjson"
import json, re, sys
page = open(sys.argv[1] + "/digest.html", encoding="utf-8").read()
m = re.search(r"城市更新简报 · (\d{4}-\d\d-\d\d) — (\d{4}-\d\d-\d\d)", page)
since, until = m.group(1), m.group(2)
print(json.dumps({"id": "theme", "op": "trends", "interval": "day", "since": since, "until": until, "by": "theme"}))
print(json.dumps({"id": "place", "op": "trends", "interval": "day", "since": since, "until": until, "by": "place", "limit": 12}))
PY

# Render: DOM after layout, console log, screenshots at desktop and phone width.
CHROME_FLAGS=(--headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions --disable-background-networking
              --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$OUT/chromium-profile")
URL="file://$OUT/digest.html"
"$CHROMIUM" "${CHROME_FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "$URL" >"$OUT/dom.html" 2>"$OUT/console.log" || fail "chromium could not load the page"
"$CHROMIUM" "${CHROME_FLAGS[@]}" --window-size=1280,1500 --screenshot="$OUT/desktop.png" "$URL" >/dev/null 2>>"$OUT/chromium.log"
"$CHROMIUM" "${CHROME_FLAGS[@]}" --window-size=390,2200 --screenshot="$OUT/phone.png" "$URL" >/dev/null 2>>"$OUT/chromium.log"
[ -s "$OUT/desktop.png" ] && [ -s "$OUT/phone.png" ] || fail "no screenshot"

# Phone width: a copy of the page with a probe that records whether anything is wider than the screen
# (the digest itself needs no script; the probe only measures).
sed 's#</body>#<script>document.body.setAttribute("data-overflow", String(document.documentElement.scrollWidth > window.innerWidth));</script></body>#' \
  "$OUT/digest.html" > "$OUT/probe.html"
"$CHROMIUM" "${CHROME_FLAGS[@]}" --window-size=390,800 --dump-dom "file://$OUT/probe.html" >"$OUT/probe-dom.html" 2>/dev/null
grep -q 'data-overflow="false"' "$OUT/probe-dom.html" || fail "the page is wider than a 390-pixel phone screen"

python3 - "$OUT" <<'PY'
import json, re, sys
out = sys.argv[1]
console = open(out + "/console.log", encoding="utf-8", errors="replace").read()
errors = [l for l in console.splitlines() if "CONSOLE" in l and re.search(r"error|Uncaught|Failed", l, re.I)]
if errors: sys.exit("FAIL: console errors:\n" + "\n".join(errors))
dom = open(out + "/dom.html", encoding="utf-8").read()
answers = {}
for line in open(out + "/trends.ndjson", encoding="utf-8"):
    r = json.loads(line); assert r["ok"], r; answers[r["id"]] = r["result"]
# Theme chart: one bar segment per non-zero (theme, day), carrying its count.
themes_svg = re.search(r'<svg[^>]*data-chart="themes".*?</svg>', dom, re.S).group(0)
drawn = {(k, p): int(c) for k, p, c in re.findall(r'data-key="([^"]+)" data-period="([^"]+)" data-count="(\d+)"', themes_svg)}
expected = {(s["key"], p): c for s in answers["theme"]["series"] for p, c in zip(answers["theme"]["periods"], s["counts"]) if c}
if drawn != expected: sys.exit(f"FAIL: theme chart {drawn} != trends {expected}")
totals = {p: int(t) for p, t in re.findall(r'data-period="([^"]+)" data-total="(\d+)"', themes_svg)}
for i, p in enumerate(answers["theme"]["periods"]):
    t = sum(s["counts"][i] for s in answers["theme"]["series"])
    if totals.get(p, 0) != t: sys.exit(f"FAIL: total for {p}: drawn {totals.get(p)} != trends {t}")
places_svg = re.search(r'<svg[^>]*data-chart="places".*?</svg>', dom, re.S).group(0)
bars = {k: int(c) for k, c in re.findall(r'data-key="([^"]+)" data-count="(\d+)"', places_svg)}
want = {s["key"]: s["total"] for s in answers["place"]["series"]}
if bars != want: sys.exit(f"FAIL: place chart {bars} != trends {want}")
if not drawn or not bars: sys.exit("FAIL: empty charts")
items = len(re.findall(r'<p class="title">', dom))
if items != 4: sys.exit(f"FAIL: {items} articles listed, want 4 (two reprints folded)")
if "另有 1 篇转载" not in dom: sys.exit("FAIL: folded reprints not shown")
print(f"digest OK: {len(drawn)} theme bars and {len(bars)} place bars equal trends; {items} articles; no console errors; fits 390 px")
PY
echo "screenshots: $OUT/desktop.png $OUT/phone.png"
