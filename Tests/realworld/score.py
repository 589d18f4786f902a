#!/usr/bin/env python3
"""Score `renewald check` on the real-world texts against the gold labels in gold/.

The texts are third-party pages and are not in the repository; each gold file names its source URL.
Texts missing from --texts are listed and skipped, so this runs on any machine that has some of them.

  score.py --bin .build/debug/renewald --texts /work/realworld/texts [--split tune|check|check2|…|check29|all]
  score.py --bin … --texts … --show rw05-wuhan-jianghan-property-survey
  score.py … --json out.json          # also write every number and per-file row

Python 3 standard library only. The matching rules are documented in README.md beside this file.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

THEMES = ["policy-strategy", "party-building", "grassroots-governance", "old-community-renovation",
          "elevator-retrofit", "property-management", "community-services", "infrastructure",
          "financing-operations", "ecology-greening", "heritage-culture", "planning-design",
          "resident-participation", "media-publicity", "smart-community"]

# Suffixes by which a returned place may differ from a gold place (both ways): 江汉 ~ 江汉区, 成都市 ~ 成都.
PLACE_SUFFIXES = sorted(["省", "市", "区", "區", "县", "縣", "旗", "镇", "鎮", "乡", "鄉", "街道", "街道办事处",
                         "街道辦事處", "办事处", "辦事處", "街道办", "社区", "社區", "村", "小区", "小區", "路", "街",
                         "巷", "里", "新区", "新區", "自治区", "自治州", "州", "地区", "地區", "片区", "片區", "新村",
                         "花园", "花園", "公园", "公園", "居委会", "居委會", "党工委", "黨工委", "特别行政区",
                         "特別行政區", "自治區", "自治县", "自治縣", "盟"], key=len, reverse=True)

AUTHOR_SPLIT = re.compile(r"[、,，;；/\s]+")


PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


# The splits, in the order they were made (each labelled before renewald read it; see README.md).
SPLITS = ["tune", "check"] + ["check%d" % n for n in range(2, 30)]

def squash(s):
    """Whitespace and bracketed pinyin glosses removed (`區(qū)` → `區`, left by some converters): titles, names
    and places are compared this way."""
    return PINYIN_GLOSS.sub("", re.sub(r"\s+", "", s or ""))


# The stored page texts carry ASCII punctuation where many pages print full-width (`可申请,有奖补`), and
# renewald writes a comma between Han characters full-width (`可申请，有奖补`): titles are compared with
# punctuation width folded.
PUNCT_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})


def squash_title(s):
    return squash(s).translate(PUNCT_WIDTH)


def place_variants(g):
    """A gold place and the forms that differ from it only by an administrative suffix."""
    v = {g}
    for suf in PLACE_SUFFIXES:
        v.add(g + suf)
        if g.endswith(suf) and len(g) - len(suf) >= 2:
            v.add(g[: -len(suf)])
    return v


def segments_into(p, pieces):
    """True when p is a concatenation of strings from pieces (六盘水明湖湿地公园 = 六盘水 + 明湖湿地公园)."""
    ok = [False] * (len(p) + 1)
    ok[0] = True
    for i in range(len(p)):
        if not ok[i]:
            continue
        for piece in pieces:
            if piece and p.startswith(piece, i):
                ok[i + len(piece)] = True
    return ok[len(p)]


def place_is_real(p, gold_places):
    """A returned place counts as real if it equals a gold place up to an administrative suffix, or is a run
    of gold places (each up to a suffix) written together."""
    p = squash(p)
    if not p:
        return False
    pieces = set()
    for g in gold_places:
        pieces |= place_variants(squash(g))
    return p in pieces or segments_into(p, pieces)


def place_found(g, returned):
    """A gold place is found if a returned place equals it up to an administrative suffix, or a returned place
    is a run of places one of which is this one."""
    g = squash(g)
    var = place_variants(g)
    for p in returned:
        p = squash(p)
        if p in var:
            return True
        if g in p and len(p) > len(g):
            # the returned place must break into this place and other gold-like pieces at the same boundary
            i = p.find(g)
            if i >= 0 and (i == 0 or i + len(g) == len(p)):
                rest = p[len(g):] if i == 0 else p[:i]
                if rest in PLACE_SUFFIXES:
                    return True
    return False


def run_check(binary, path, timeout):
    try:
        r = subprocess.run([binary, "check", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout after %ss" % timeout
    except OSError as e:
        return None, str(e)
    if r.returncode != 0:
        return None, "exit %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace").strip()[:300])
    try:
        return json.loads(r.stdout.decode("utf-8")), None
    except ValueError as e:
        return None, "not JSON: %s" % e


def theme_ids(items):
    out = []
    for t in items or []:
        if isinstance(t, dict) and t.get("id"):
            out.append(t["id"])
        elif isinstance(t, str):
            out.append(t)
    return out


def article_text_len(a):
    return sum(len(p) for p in (a.get("paragraphs") or []) if isinstance(p, str))


def collect(rep):
    """What the report says, flattened over its articles (gold labels one main article per page)."""
    arts = rep.get("articles") or []
    main = max(arts, key=article_text_len) if arts else {}
    themes = set(theme_ids(rep.get("themes")))
    authors, places, editors, sources, figures = [], [], [], [], []
    for a in arts:
        themes |= set(theme_ids(a.get("themes")))
        for name in (a.get("authors") or []):
            if isinstance(name, str):
                authors.append(squash(name))
        if isinstance(a.get("author"), str):
            authors += [x for x in AUTHOR_SPLIT.split(a["author"]) if x]
        places += [p for p in (a.get("places") or []) if isinstance(p, str)]
        editors += [e for e in (a.get("editors") or []) if isinstance(e, str)]
        if isinstance(a.get("source"), str):
            sources.append(a["source"])
        figures += [f for f in (a.get("figures") or []) if isinstance(f, dict)]
    for name in (rep.get("authors") or []):
        if isinstance(name, str):
            authors.append(squash(name))
    editors += [e for e in (rep.get("editors") or []) if isinstance(e, str)]
    if isinstance(rep.get("source"), str):
        sources.append(rep["source"])
    titles = [a.get("title") for a in arts if a.get("title")]
    title = titles[0] if titles else rep.get("headline")
    return {
        "not_a_report": bool(rep.get("not_a_report")),
        "themes": themes,
        "primary": main.get("primary_theme"),
        "title": title,
        "titles": titles,
        "headline": rep.get("headline"),
        "authors": list(dict.fromkeys(authors)),
        "editors": list(dict.fromkeys(editors)),
        "sources": list(dict.fromkeys(sources)),
        "published": rep.get("published"),
        "places": list(dict.fromkeys(places)),
        "figures": figures,
        "articles": len(arts),
        "warnings": rep.get("warnings") or [],
    }


def ratio(a, b):
    return "%d/%d" % (a, b) + ("" if b == 0 else " (%.2f)" % (a / b))


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


class Tally:
    def __init__(self):
        self.c = Counter()
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()
        self.forbidden = Counter()

    def add_report(self, g, got, row):
        c = self.c
        c["reports"] += 1
        if got["not_a_report"]:
            c["reports_flagged"] += 1
            row.append("FLAGGED not_a_report")
        ga = g["articles"][0]
        th = ga["themes"]
        positives = set(th.get("required") or []) | {th["primary"]}
        neutral = set(th.get("allowed") or [])
        pred = got["themes"]
        for t in pred & positives:
            self.tp[t] += 1
        for t in pred - positives - neutral:
            self.fp[t] += 1
        for t in positives - pred:
            self.fn[t] += 1
        hits = pred & set(th.get("forbidden") or [])
        for t in hits:
            self.forbidden[t] += 1
        c["forbidden_hits"] += len(hits)
        if pred - positives - neutral:
            row.append("extra themes " + ",".join(sorted(pred - positives - neutral)))
        if positives - pred:
            row.append("missed themes " + ",".join(sorted(positives - pred)))
        ok_primary = got["primary"] == th["primary"] or got["primary"] in (th.get("primary_also") or [])
        c["primary_ok"] += ok_primary
        if not ok_primary:
            row.append("primary %s (gold %s)" % (got["primary"], th["primary"]))
        # titles: right where gold has one; a title where the page has none is counted apart
        if ga.get("title"):
            c["title_cases"] += 1
            ok = squash_title(got["title"]) == squash_title(ga["title"])
            c["title_ok"] += ok
            if not ok:
                row.append("title %r" % got["title"])
        else:
            c["untitled_cases"] += 1
            if got["title"]:
                c["title_spurious"] += 1
                row.append("title %r where the page has none" % got["title"])
        gold_authors = [squash(x) for x in (ga.get("authors") or [])]
        author_alias = [squash(x) for x in (ga.get("authors_simplified") or ga.get("authors") or [])]
        if gold_authors:
            c["author_cases"] += 1
            returned = set(got["authors"])
            ok = all(a in returned or b in returned for a, b in zip(gold_authors, author_alias))
            c["author_ok"] += ok
            if not ok:
                row.append("authors %s (gold %s)" % (got["authors"], gold_authors))
            # Names returned that are no author's (a label, a place, a brand read as a name).
            extra = [x for x in got["authors"] if x not in gold_authors and x not in author_alias]
            if extra:
                c["author_extra"] += len(extra)
                row.append("authors not in the byline %s" % extra)
        elif got["authors"]:
            c["author_spurious"] += 1
            row.append("authors %s where there is no byline" % got["authors"])
        if ga.get("editors"):
            c["editor_cases"] += 1
            c["editor_ok"] += set(map(squash, ga["editors"])) <= set(map(squash, got["editors"]))
        if ga.get("source"):
            c["source_cases"] += 1
            c["source_ok"] += any(squash(s) and (squash(s) in squash(ga["source"]) or squash(ga["source"]) in squash(s))
                                  for s in got["sources"])
        c["date_cases"] += 1
        c["date_ok"] += got["published"] == g.get("published")
        if g.get("published"):
            c["printed_date_cases"] += 1
            c["printed_date_ok"] += got["published"] == g["published"]
        else:
            c["dateless_cases"] += 1
            c["dateless_ok"] += got["published"] is None
        if got["published"] != g.get("published"):
            row.append("published %s (gold %s)" % (got["published"], g.get("published")))
        gp = ga.get("places") or []
        alias = ga.get("places_simplified") or gp
        c["places_gold"] += len(gp)
        found = [p for p, q in zip(gp, alias) if place_found(p, got["places"]) or place_found(q, got["places"])]
        c["places_found"] += len(found)
        c["places_returned"] += len(got["places"])
        real = [p for p in got["places"] if place_is_real(p, list(gp) + list(alias))]
        c["places_real"] += len(real)
        missed = [p for p in gp if p not in found]
        unreal = [p for p in got["places"] if p not in real]
        if missed:
            row.append("places missed " + "、".join(missed))
        if unreal:
            row.append("places not real " + "、".join(unreal))
        if ga.get("figures_labelled"):
            pf = {(squash(str(x.get("value"))), squash(x.get("unit"))) for x in got["figures"]}
            gf = set()
            for x in ga.get("figures") or []:
                v, u = squash(str(x.get("value"))), squash(x.get("unit"))
                us = squash(x.get("unit_simplified") or x.get("unit"))
                gf.add((v, us) if (v, us) in pf and (v, u) not in pf else (v, u))
            c["figures_gold"] += len(gf)
            c["figures_found"] += len(gf & pf)
            c["figures_returned"] += len(pf)
            c["figures_real"] += len(gf & pf)
            if gf - pf:
                row.append("figures missed " + "、".join(v + u for v, u in sorted(gf - pf)))
            if pf - gf:
                row.append("figures not in gold " + "、".join(v + u for v, u in sorted(pf - gf)))

    def add_nonreport(self, got, row):
        self.c["nonreports"] += 1
        ok = got["not_a_report"] or not got["themes"]
        self.c["nonreports_flagged"] += ok
        if not ok:
            row.append("NOT flagged; themes " + ",".join(sorted(got["themes"])))

    def print(self, label):
        c = self.c
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print("== %s: %d reports, %d non-reports" % (label, c["reports"], c["nonreports"]))
        rows = [
            ("theme micro-F1 (precision / recall)", "%.3f (%.2f / %.2f)" % (f1(p, r), p, r)),
            ("forbidden themes given", str(c["forbidden_hits"])),
            ("primary theme right", ratio(c["primary_ok"], c["reports"])),
            ("real reports flagged not_a_report", "%d of %d" % (c["reports_flagged"], c["reports"])),
            ("non-reports flagged (or given no theme)", "%d of %d" % (c["nonreports_flagged"], c["nonreports"])),
            ("title right, where the page has one", ratio(c["title_ok"], c["title_cases"])),
            ("a title given where the page has none", "%d of %d" % (c["title_spurious"], c["untitled_cases"])),
            ("authors found, where there is a byline", ratio(c["author_ok"], c["author_cases"])),
            ("authors given where there is no byline", str(c["author_spurious"])),
            ("names returned beside a byline's that are none of its", str(c["author_extra"])),
            ("editors found (责任编辑/编辑)", ratio(c["editor_ok"], c["editor_cases"])),
            ("source outlet found", ratio(c["source_ok"], c["source_cases"])),
            ("published right (null where none printed)", ratio(c["date_ok"], c["date_cases"])),
            ("  printed date found", ratio(c["printed_date_ok"], c["printed_date_cases"])),
            ("  null where no full date is printed", ratio(c["dateless_ok"], c["dateless_cases"])),
            ("places recall", ratio(c["places_found"], c["places_gold"])),
            ("share of returned places that are real", ratio(c["places_real"], c["places_returned"])),
        ]
        if c["figures_gold"]:
            rows.append(("figures recall (files with figures labelled)", ratio(c["figures_found"], c["figures_gold"])))
            rows.append(("share of returned figures in gold (same files)", ratio(c["figures_real"], c["figures_returned"])))
        w = max(len(k) for k, _ in rows)
        for k, v in rows:
            print("  %-*s  %s" % (w, k, v))
        print("  per theme (precision / recall, tp fp fn):")
        for t in THEMES:
            a, b, d = self.tp[t], self.fp[t], self.fn[t]
            if a + b + d == 0:
                continue
            print("    %-26s %s / %s   %d %d %d%s" % (
                t, "%.2f" % (a / (a + b)) if a + b else "  – ", "%.2f" % (a / (a + d)) if a + d else "  – ",
                a, b, d, ("   forbidden given %d" % self.forbidden[t]) if self.forbidden[t] else ""))
        return {"theme_micro_f1": round(f1(p, r), 3), "theme_precision": round(p, 3), "theme_recall": round(r, 3),
                **{k: v for k, v in c.items()},
                "per_theme": {t: {"tp": self.tp[t], "fp": self.fp[t], "fn": self.fn[t]} for t in THEMES}}


def load_gold(gold_dir):
    out = []
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            out.append(json.load(f))
    return out


def text_path(texts, name):
    exact = os.path.join(texts, name + ".txt")
    if os.path.exists(exact):
        return exact
    others = sorted(glob.glob(os.path.join(texts, glob.escape(name) + ".*")))
    return others[0] if others else None


def show(binary, texts, g, timeout):
    path = text_path(texts, g["id"])
    if not path:
        sys.exit("no text for %s in %s" % (g["id"], texts))
    rep, err = run_check(binary, path, timeout)
    if err:
        sys.exit("%s: %s" % (g["id"], err))
    got = collect(rep)
    print("file     ", path)
    print("url      ", g.get("url"))
    print("genre    ", g.get("genre"), "/", g.get("script"), "/ split", g.get("split"))
    if g.get("notes"):
        print("notes    ", g["notes"])
    print("not_a_report  gold %s  got %s" % (g["not_a_report"], got["not_a_report"]))
    print("published     gold %s  got %s" % (g.get("published"), got["published"]))
    if g["articles"]:
        ga = g["articles"][0]
        th = ga["themes"]
        print("title         gold %r\n              got  %r (article titles %s, headline %r)" % (
            ga.get("title"), got["title"], got["titles"], got["headline"]))
        print("authors       gold %s  got %s" % (ga.get("authors"), got["authors"]))
        print("editors       gold %s  got %s" % (ga.get("editors"), got["editors"]))
        print("source        gold %s  got %s" % (ga.get("source"), got["sources"]))
        print("primary       gold %s%s  got %s" % (th["primary"], (" (or %s)" % ",".join(th["primary_also"]))
                                                   if th.get("primary_also") else "", got["primary"]))
        print("required      %s" % th["required"])
        print("allowed       %s" % th["allowed"])
        print("forbidden     %s" % th["forbidden"])
        print("got themes    %s" % sorted(got["themes"]))
        print("places gold   %s" % ga.get("places"))
        print("places got    %s" % got["places"])
        gp, alias = ga.get("places") or [], ga.get("places_simplified") or ga.get("places") or []
        print("  not found   %s" % [p for p, q in zip(gp, alias)
                                    if not place_found(p, got["places"]) and not place_found(q, got["places"])])
        print("  not real    %s" % [p for p in got["places"] if not place_is_real(p, list(gp) + list(alias))])
    else:
        print("got themes    %s" % sorted(got["themes"]))
    print("articles      %d; warnings %s" % (got["articles"], got["warnings"][:8]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="path to the renewald binary")
    ap.add_argument("--texts", required=True, help="directory holding NAME.txt for each gold file")
    ap.add_argument("--gold", default=os.path.join(HERE, "gold"))
    ap.add_argument("--split", default="all", choices=SPLITS + ["all"])
    ap.add_argument("--show", metavar="NAME", help="print gold against what renewald returns for one file")
    ap.add_argument("--json", metavar="OUT", help="also write the numbers and rows as JSON")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("-q", "--quiet", action="store_true", help="no per-file lines")
    args = ap.parse_args()

    golds = load_gold(args.gold)
    if args.show:
        match = [g for g in golds if g["id"] == args.show or g["id"].startswith(args.show)]
        if not match:
            sys.exit("no gold file %s" % args.show)
        show(args.bin, args.texts, match[0], args.timeout)
        return

    splits = SPLITS if args.split == "all" else [args.split]
    tallies = {s: Tally() for s in splits}
    missing, errors, rows_out = [], [], []
    for g in golds:
        if g.get("split") not in splits:
            continue
        path = text_path(args.texts, g["id"])
        if not path:
            missing.append(g["id"])
            continue
        rep, err = run_check(args.bin, path, args.timeout)
        row = []
        if err:
            errors.append((g["id"], err))
            continue
        got = collect(rep)
        t = tallies[g["split"]]
        if g["not_a_report"]:
            t.add_nonreport(got, row)
        else:
            t.add_report(g, got, row)
        rows_out.append({"file": g["id"], "split": g["split"], "problems": row})
        if not args.quiet:
            print("%-46s %-6s %s" % (g["id"], g["split"], "ok" if not row else "; ".join(row)))
    if missing:
        print("missing texts (skipped): " + ", ".join(missing))
    for name, err in errors:
        print("ERROR %s: %s" % (name, err))
    summary = {}
    for s in splits:
        summary[s] = tallies[s].print(s)
    if args.split == "all":
        both = Tally()
        for s in splits:
            both.c.update(tallies[s].c)
            both.tp.update(tallies[s].tp)
            both.fp.update(tallies[s].fp)
            both.fn.update(tallies[s].fn)
            both.forbidden.update(tallies[s].forbidden)
        summary["all"] = both.print("all")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "rows": rows_out, "missing": missing, "errors": errors}, f,
                      ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
