import Characters
import Normalize

/// A page's metadata from its header zone (datelines, publish lines, credits above the body), its
/// last lines (sign-off credits, `责任编辑`) and titles with a date or source glued on.
struct PageMeta {
    /// The first date in the header zone's metadata lines.
    var headDate: String?
    /// The last date in the closing metadata lines (`（来源：某某日报 2023-05-12）`).
    var tailDate: String?
    var source: String?
    var authors: [String] = []
    var editors: [String] = []
    /// Lines that are wholly metadata: they leave titles and bodies.
    var metaLines: Set<Int> = []
    /// Lines that keep only their start (a title with `2022/04/27` or `来源：…` glued on).
    var trimmed: [Int: String] = [:]
}

/// Finds the metadata lines of a page and reads them.
enum PageMetaReader {
    /// `“某市老旧小区加装电梯”续`, `“城市更新进行时”之三`: a series' name in quotes, marked as continued or
    /// numbered, set above each story of the series.
    static func isSeriesKicker(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 4, s.count <= 30, let open = s.first, open == "“" || open == "「" || open == "《",
              let close = s.lastIndex(where: { $0 == "”" || $0 == "」" || $0 == "》" }), close > 1 else { return false }
        let mark = Array(s[(close + 1)...])
        return mark == ["续"] || mark == ["續"] || mark.count == 2 && mark[0] == "之" && Line.chineseNumerals.contains(mark[1])
    }

    /// How many lines from the top may still be header, at most.
    static let headLimit = 15
    /// How many closing lines are searched for credits.
    static let tailLimit = 8

    static func read(_ lines: [Line], extra: [String] = []) -> PageMeta {
        var meta = PageMeta()
        for text in extra {
            if let parsed = MetaLine.parse(Line(text).scalars) { take(parsed, line: nil, into: &meta, head: true) }
        }
        guard !lines.isEmpty else { return meta }
        var head = headEnd(lines)
        var kept: [Int] = []
        var i = 0
        // A web page's own chrome above the title (a column name, a greeting, a slogan): the title is
        // the line right above the page's publish line, and the short lines above it are no content.
        if let title = anchoredTitle(lines) {
            for k in 0..<title { meta.metaLines.insert(k) }
            i = title
            // (From the line under the title: an exclaimed title may end like a sentence.)
            head = max(head, headEnd(lines, from: title + 1))
        } else if let title = titleAboveByline(lines) ?? repeatedTitle(lines) ?? titleNamedAgainAsOriginal(lines) {
            // (What the lines above say of the page, its date, is still the page's.)
            for k in 0..<title {
                meta.metaLines.insert(k)
                if let parsed = lines[k].meta, parsed.isMeta { take(parsed, line: k, into: &meta, head: true) }
            }
            i = title
            head = max(head, headEnd(lines, from: title + 1))
        }
        while i < head {
            defer { i += 1 }
            let line = lines[i]
            guard !line.isByline, !line.isFooter else { continue }
            // `China`, `TOP`, `30.01.2014 Views`: Latin chrome above a Chinese page's title. A date alone
            // (with its clock time) is the page's date.
            if kept.isEmpty, line.count <= 200, !line.scalars.contains(where: CharacterClass.isHan), !isDateAlone(line.scalars) {
                meta.metaLines.insert(i)
                continue
            }
            // `劉碧瑩` ⏎ `摘 要：…`: a paper's author alone on the first line, right before its abstract.
            if kept.isEmpty, i + 1 < lines.count, startsWithAbstract(lines[i + 1]),
               let names = Bylines.names(inAuthorLine: line), names.count <= 4 {
                meta.metaLines.insert(i)
                for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                continue
            }
            // `于某某` ⏎ a paper's title ⏎ `——以某市为例` ⏎ `于某某`: a paper's author alone above its title (an
            // abstract page's mirror), and the same name again under it.
            if let names = Bylines.names(inAuthorLine: line), names.count <= 3, line.count <= 12,
               kept.isEmpty && i + 1 < lines.count && lines[i + 1].isTitleCandidate && lines[i + 1].count >= 8
               || !kept.isEmpty && names.allSatisfy(meta.authors.contains) {
                meta.metaLines.insert(i)
                for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                continue
            }
            // `某某标题-新华网` (the `<title>` line with the site's name), then the title itself.
            if line.isTitleCandidate || line.count <= 60, let k = kept.firstIndex(where: { isSiteTitle(lines[$0].scalars, of: line.scalars) }) {
                meta.metaLines.insert(kept[k])
                kept.remove(at: k)
            }
            // `標題: 市建局宣布深水埗重建項目 [打印本頁]`: a forum's print view labels its title.
            if kept.isEmpty, let title = labelledTitle(line.scalars) {
                meta.trimmed[i] = Scalars.string(title)
                kept.append(i)
                continue
            }
            if let label = sectionLabel(line) {
                meta.metaLines.insert(i)
                // `作者` ⏎ `王一` ⏎ `李二`: one name a line under the label.
                if label == "作者" {
                    while i + 1 < head, let names = Bylines.names(inAuthorLine: lines[i + 1]), names.count <= 2 {
                        i += 1
                        meta.metaLines.insert(i)
                        for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                    }
                }
                continue
            }
            // ` 信息名称  对某某建议的答复` ⏎ `对某某建议的答复`: a disclosure table's name field above the title itself.
            if i + 1 < lines.count, let value = fieldValue(line.scalars, labels: nameFields), Array(value) == lines[i + 1].scalars {
                meta.metaLines.insert(i)
                continue
            }
            // The title again (a `<title>` line with the site name, then the headline itself).
            if let last = kept.last, lines[last].scalars == line.scalars {
                meta.metaLines.insert(i)
                continue
            }
            if i + 1 < head, lines[i + 1].count >= 8, lines[i + 1].count < line.count, Scalars.has(line.scalars, lines[i + 1].scalars),
               !line.containsFullStop {
                meta.metaLines.insert(i)
                continue
            }
            // `——以某市为例`: a subtitle under the title.
            if let first = kept.first, kept.count <= 2, lines[first].isTitleCandidate, line.count <= 40,
               let dash = line.scalars.first, dash == "—" || dash == "-" {
                meta.metaLines.insert(i)
                continue
            }
            // `發佈日期:2024/10/30` ⏎ `蕭某某` ⏎ the story: the reporter named alone under the page's publish line.
            if i > 0, meta.metaLines.contains(i - 1), line.count <= 12, i + 1 < lines.count, lines[i + 1].containsFullStop,
               let names = Bylines.names(inAuthorLine: line), names.count <= 3,
               lines[i - 1].meta.map({ $0.isMeta && !$0.dates.isEmpty }) == true {
                meta.metaLines.insert(i)
                for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                continue
            }
            // `胡某某` alone under the title, right above the page's publish line; `陈伟东、孔娜娜、张大维` under the
            // title (not before an institution line, which names their affiliation): the writers.
            if !kept.isEmpty, let names = Bylines.names(inAuthorLine: line),
               kept.count == 1 && names.count <= 3 && i + 1 < head && lines[i + 1].meta.map({ $0.isMeta && !$0.dates.isEmpty }) == true
               || names.count >= 2 && !(i + 1 < lines.count && Bylines.isInstitutionLine(lines[i + 1])) {
                meta.metaLines.insert(i)
                for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                continue
            }
            // `“某市老旧小区加装电梯”续` ⏎ the headline: a series' name above the story's own title.
            if kept.isEmpty, isSeriesKicker(line.scalars), i + 1 < lines.count, lines[i + 1].isTitleCandidate {
                meta.metaLines.insert(i)
                continue
            }
            // A line with a full stop is never metadata (`MetaLine` judges so): it is not parsed.
            if !line.containsFullStop, let parsed = line.meta, parsed.isMeta, !isMinutesLine(line, parsed) {
                take(parsed, line: i, into: &meta, head: true)
            } else if let (start, parsed) = gluedTail(line) {
                // `3上一篇  下一篇4 2020年9月21日 放大 缩小`: an e-paper's turner with the issue date is all metadata.
                if isPageTurner(start) {
                    take(parsed, line: i, into: &meta, head: true)
                    continue
                }
                meta.trimmed[i] = Scalars.string(start)
                take(parsed, line: nil, into: &meta, head: true)
                kept.append(i)
            } else {
                kept.append(i)
            }
        }
        // `冼村破局…` ⏎ a standfirst sentence ⏎ `作者:某某 发自广州 来源:某某 日期:2025-08-27`: a line of two or
        // more labelled fields right under the head is the page's metadata all the same.
        for k in head..<min(lines.count, head + 3) where !meta.metaLines.contains(k) && !lines[k].containsFullStop && lines[k].count <= 80 {
            guard let parsed = lines[k].meta, parsed.isMeta, parsed.labelled else { continue }
            let fields = [!parsed.dates.isEmpty, parsed.source != nil, !parsed.authors.isEmpty, !parsed.editors.isEmpty].filter { $0 }.count
            if fields >= 2 { take(parsed, line: k, into: &meta, head: true) }
        }
        // A journal database page puts `作者` ⏎ names after its abstract.
        var k = head
        while k < min(lines.count, 30) {
            if sectionLabel(lines[k]) == "作者", k + 1 < lines.count, let names = Bylines.names(inAuthorLine: lines[k + 1]), names.count <= 2 {
                meta.metaLines.insert(k)
                while k + 1 < lines.count, let names = Bylines.names(inAuthorLine: lines[k + 1]), names.count <= 2 {
                    k += 1
                    meta.metaLines.insert(k)
                    for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                }
            }
            k += 1
        }
        var tailStart = max(head, lines.count - tailLimit)
        // `记者丨某某 某某` ⏎ `监制丨某某` ⏎ … ⏎ `鸣谢丨某某`: a video's credit roll, however long, is the tail;
        // its roles no label names (编导, 配音, 鸣谢) are credits all the same, not text.
        var roll = Set<Int>()
        if let last = (tailStart..<lines.count).last(where: { isCreditRollLine(lines[$0]) }) {
            var start = last
            while start > head, isCreditRollLine(lines[start - 1]) { start -= 1 }
            if last + 1 - start >= 3 {
                roll = Set(start...last)
                tailStart = min(tailStart, start)
            }
        }
        for i in tailStart..<lines.count where !meta.metaLines.contains(i) {
            let line = lines[i]
            guard !line.isFooter, !line.isByline || line.count <= 20, !line.containsFullStop,
                  let parsed = line.meta, parsed.isMeta, parsed.labelled else {
                if roll.contains(i) { meta.metaLines.insert(i) }
                continue
            }
            take(parsed, line: i, into: &meta, head: false)
        }
        // `--> 2023-08-12 1 1 某某日报 content_101185.html 1 标题 /enpproperty-->`: an e-paper system's
        // property comment, its markup stripped; it carries the date.
        for i in lines.indices where !meta.metaLines.contains(i) && DebrisLine.isPropertyComment(lines[i].scalars) {
            meta.metaLines.insert(i)
            if meta.headDate == nil { meta.headDate = DateScanner.dates(in: lines[i].scalars).first?.iso }
        }
        // `某某日报 今日湖州 00022 标题 2021-04-30 某某日报2021-04-3000010 2 2021年04月30日 星期五`: an
        // e-paper's index fields run together at the end of the page, the date given twice or more.
        for i in tailStart..<lines.count where !meta.metaLines.contains(i) && lines[i].count <= 200 && !lines[i].containsFullStop {
            let dates = DateScanner.dates(in: lines[i].scalars).map(\.iso)
            guard dates.count >= 2, Set(dates).count == 1 else { continue }
            meta.metaLines.insert(i)
            if meta.headDate == nil { meta.headDate = dates[0] }
        }
        // `…典範。(編輯:郭某某)1140401`: a Taiwanese wire's editor and its Republic-of-China date stamp closing
        // the story, perhaps above a list of further reading.
        if meta.tailDate == nil, let stamp = lines[head...].lazy.compactMap({ editorStamp($0.scalars) }).last {
            meta.tailDate = stamp
        }
        // Editor credits stand alone anywhere (before a list of related links, say).
        for i in head..<tailStart where lines[i].count <= 40 && startsWithEditorLabel(lines[i].scalars) {
            if let parsed = lines[i].meta, parsed.isMeta { take(parsed, line: i, into: &meta, head: false) }
        }
        return meta
    }

    private static func take(_ parsed: MetaLine.Parsed, line: Int?, into meta: inout PageMeta, head: Bool) {
        if let i = line { meta.metaLines.insert(i) }
        if head {
            if meta.headDate == nil { meta.headDate = parsed.dates.first }
        } else if let last = parsed.dates.last {
            meta.tailDate = last
        }
        if meta.source == nil { meta.source = parsed.source }
        for name in parsed.authors where !meta.authors.contains(name) { meta.authors.append(name) }
        for name in parsed.editors where !meta.editors.contains(name) { meta.editors.append(name) }
    }

    /// The line above the first publish line (a date with a label, an outlet or a clock time) among the
    /// first lines, when everything above that title is short chrome; nil when the page opens with
    /// its title or anything above it could be content.
    static func anchoredTitle(_ lines: [Line]) -> Int? {
        // Most pages open with their title or their text: nothing to look for when the first line is a
        // sentence.
        guard let first = lines.first, isChrome(first) || first.count <= 40 && !first.containsFullStop else { return nil }
        var k = 1
        while k < min(lines.count, 12) {
            defer { k += 1 }
            let s = lines[k].scalars
            // (`日期:01-16`: a labelled date without its year anchors the title too.)
            guard s.count <= 120, s.contains(where: CharacterClass.isASCIIDigit), let parsed = lines[k].meta, parsed.isMeta,
                  parsed.labelled || !parsed.dates.isEmpty && (parsed.source != nil || hasClock(s)) else { continue }
            var t = k - 1
            while t > 0, let above = lines[t].meta, above.isMeta { t -= 1 }
            // `胡某某` alone between the title and its publish line: the writer.
            if t > 1, let names = Bylines.names(inAuthorLine: lines[t]), names.count <= 3 { t -= 1 }
            let title = lines[t]
            // Above the title, chrome; or, below a site's name and column, a label such as `当前位置:` that no
            // title continues (only the line right above could be the first half of the title).
            guard t >= 1, t <= 6, title.count >= 6, title.count <= 60, !title.containsFullStop, !title.isByline,
                  title.isTitleCandidate || title.isLabelled || StructureParser.isExclaimedTitle(title),
                  lines[0..<t].allSatisfy(isChrome)
                  || (t >= 2 && isChrome(lines[t - 1]) && cannotEndAbove(lines[t - 1])
                      && lines[0..<(t - 1)].allSatisfy({ $0.count <= 40 && !$0.containsFullStop && !$0.endsSentence })) else { return nil }
            return t
        }
        return nil
    }

    /// Lines that may be dropped as the page's header above a title: short, and no sentence of text.
    static func isHeader(_ lines: ArraySlice<Line>) -> Bool {
        lines.allSatisfy { !$0.containsFullStop && !$0.endsSentence && $0.count <= 60 }
    }

    /// `尋找貓咪~…` ⏎ the title ⏎ `原標題:` the title again: a reprint names its original title, which is the
    /// line it repeats; what stands above that line is the page's chrome.
    static func titleNamedAgainAsOriginal(_ lines: [Line]) -> Int? {
        for k in 1..<min(lines.count, 12) {
            let s = TraditionalFold.fold(lines[k].scalars)
            guard Scalars.has(s, originalTitle), s.count > originalTitle.count + 2, s[originalTitle.count] == ":" || s[originalTitle.count] == "：" else {
                if lines[k].containsFullStop { return nil }
                continue
            }
            let named = lines[k].scalars[(originalTitle.count + 1)...].drop(while: CharacterClass.isSpace)
            guard let title = lines[..<k].lastIndex(where: { $0.scalars.elementsEqual(named) }), title > 0 else { return nil }
            return isHeader(lines[0..<title]) ? title : nil
        }
        return nil
    }

    static let originalTitle = "原标题".scalars

    /// `郑欧班列…` ⏎ `某区设助餐示范点…` ⏎ … ⏎ `上一期 下一期` ⏎ `某区设助餐示范点…` ⏎ `本报讯(…)…`: an e-paper's
    /// list of the page's headlines above the story, whose own headline is printed again right above its
    /// text. Nil where anything above it is a sentence.
    static func repeatedTitle(_ lines: [Line]) -> Int? {
        guard lines.count > 4 else { return nil }
        for k in 3..<min(lines.count - 1, 16) {
            let line = lines[k]
            if line.containsFullStop || line.count > 60 { return nil }
            // (A title opening the page and printed again under its date is the head's own: the list comes between.)
            guard line.count >= 6, line.isTitleCandidate, lines[k - 1].scalars != line.scalars,
                  lines[1..<(k - 1)].contains(where: { $0.scalars == line.scalars }) else { continue }
            return isHeader(lines[0..<k]) ? k : nil
        }
        return nil
    }

    /// ` date 2025-12-31 快訊` ⏎ `廣角鏡／另一則新聞的標題` ⏎ the title ⏎ `某某報／ 記者某某／桃園報導`: a news
    /// page's reporter credit (an outlet or a 记者 label, no date) right below the title, under other
    /// stories' headlines and the page's date. The line above the credit is the title (the one above
    /// that where it is a `——` subtitle); nil where anything above it is a sentence.
    static func titleAboveByline(_ lines: [Line]) -> Int? {
        guard lines.count > 2 else { return nil }
        // A page that opens with its title and its publish line has its head: a credit further down
        // belongs to a second copy of the title or a section (`持续…的幸福感——…见闻` ⏎ `2023/11/06 来源:…`).
        if lines[0].count <= 60, !lines[0].containsFullStop, let parsed = lines[1].meta, parsed.isMeta, !parsed.dates.isEmpty {
            return nil
        }
        for k in 2..<min(lines.count, 10) {
            let s = lines[k].scalars
            guard s.count <= 40, s.last != "摄" && s.last != "攝", let parsed = lines[k].meta, parsed.isMeta, parsed.labelled, !parsed.authors.isEmpty,
                  parsed.source != nil || Scalars.find(Bylines.reporter, in: TraditionalFold.fold(s)) != nil else {
                if lines[k].containsFullStop || lines[k].endsSentence || lines[k].count > 60 { return nil }
                continue
            }
            var t = k - 1
            if t > 1, lines[t].scalars.first == "—" { t -= 1 }
            let title = lines[t]
            // (A publish line above the credit: the title is found above that, as on any page.)
            guard title.count >= 6, title.count <= 60, title.isTitleCandidate, !title.isByline,
                  title.meta.map({ !$0.isMeta }) ?? true,
                  // (The lines above are dropped as the page's header: never a sentence of text.)
                  isHeader(lines[0..<t]) else { return nil }
            return t
        }
        return nil
    }

    /// `(編輯:郭某某)1140401` at the end of a line → `2025-04-01`: a bracketed editor's credit and seven
    /// digits, the year counted from 1911 (the Republic of China), month and day.
    static func editorStamp(_ s: [Unicode.Scalar]) -> String? {
        guard s.count >= 12, let last = s.last, CharacterClass.isASCIIDigit(last) else { return nil }
        let digits = s.suffix(8)
        guard !CharacterClass.isASCIIDigit(digits.first!), digits.first == ")" || digits.first == "）",
              let open = s[..<(s.count - 8)].lastIndex(where: { $0 == "(" || $0 == "（" }), s.count - 8 - open <= 16,
              startsWithEditorLabel(TraditionalFold.fold(Array(s[(open + 1)...]))) else { return nil }
        let n = digits.dropFirst().map { Int($0.value - 0x30) }
        let year = 1911 + n[0] * 100 + n[1] * 10 + n[2], month = n[3] * 10 + n[4], day = n[5] * 10 + n[6]
        guard (2000...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return DateScanner.iso(year, month, day)
    }

    /// `2026-01-04`, `2026/01/04 10:20`: a date and perhaps a clock time, nothing else.
    static func isDateAlone(_ s: [Unicode.Scalar]) -> Bool {
        guard let start = s.firstIndex(where: { !CharacterClass.isSpace($0) }), DateScanner.date(in: s, at: start) != nil,
              let end = MetaLine.dateEnd(s, at: start) else { return false }
        return s[end...].allSatisfy(CharacterClass.isSpace)
    }

    /// Short, and a column name, a date alone or no title-like line: what a page may carry above its title.
    private static func isChrome(_ line: Line) -> Bool {
        line.count <= 40 && !line.isByline
            && (line.count <= 6 || isSlogan(line.scalars) || cannotEndAbove(line))
    }

    /// A column's name of up to four characters, no title-like line, the site's names, a date alone or an
    /// item of a bulleted list (`• 点击右上角…`): never the first half of a title.
    private static func cannotEndAbove(_ line: Line) -> Bool {
        line.count <= 4 || !line.isTitleCandidate || isSiteName(line.scalars) || isDateAlone(line.scalars) || listBullets.contains(line.scalars[0])
            || line.count <= 20 && Scalars.hasSuffix(line.scalars, mainText, before: line.count)
    }

    /// `某某社某某分社正文`: a breadcrumb's last crumb (the article itself), glued to the site's name.
    static let mainText = "正文".scalars

    static let listBullets: Set<Unicode.Scalar> = ["•", "◦", "▪", "▫", "‣", "∙", "·"]

    /// `某某网_某某客户端`, `青石网 | 青石APP`: the site's own names, each ending as a site's name does.
    static func isSiteName(_ s: [Unicode.Scalar]) -> Bool {
        // `中国某某学会官方网站`, `某某市人民政府门户网站`: a site calling itself so.
        if s.count <= 20, officialSites.contains(where: { s.count > $0.count + 1 && Scalars.hasSuffix(s, $0, before: s.count) }) { return true }
        // `西蜀网西蜀论坛`: a site's name and its forum's.
        if s.count <= 16, let web = s.firstIndex(where: { $0 == "网" || $0 == "網" }), web >= 1,
           Scalars.hasSuffix(s, forum, before: s.count) || Scalars.hasSuffix(s, forumTraditional, before: s.count), web + 2 < s.count - 2 { return true }
        let parts = s.split(whereSeparator: { $0 == "_" || $0 == "|" || $0 == "｜" }).map { $0.filter { !CharacterClass.isSpace($0) } }
        return parts.count >= 2 && parts.allSatisfy { part in siteNameEnds.contains { part.count > $0.count && Scalars.hasSuffix(part, $0, before: part.count) } }
    }

    static let officialSites = ["官方网站", "官方網站", "门户网站", "門戶網站", "官网", "官網"].map(\.scalars)
    static let forum = "论坛".scalars, forumTraditional = "論壇".scalars
    static let siteNameEnds: [[Unicode.Scalar]] = ["网", "網", "客户端", "客戶端", "APP", "App", "app", "频道", "頻道"].map(\.scalars)

    /// `看家乡事，品故乡情`: a site's slogan, two halves of the same length set apart by a comma.
    static func isSlogan(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 7, s.count <= 13, let comma = s.firstIndex(where: { $0 == "，" || $0 == "," }) else { return false }
        let left = s[..<comma], right = s[(comma + 1)...]
        return left.count == right.count && left.allSatisfy(CharacterClass.isHan) && right.allSatisfy(CharacterClass.isHan)
    }

    private static func hasClock(_ s: [Unicode.Scalar]) -> Bool {
        for i in s.indices where CharacterClass.isASCIIDigit(s[i]) && (i == 0 || !CharacterClass.isASCIIDigit(s[i - 1])) {
            if MetaLine.clockEnd(s, at: i) != nil, DateScanner.date(in: s, at: i) == nil { return true }
        }
        return false
    }

    /// `某某标题-新华网` against `某某标题`: the longer line is the page's `<title>` with the site's name.
    static func isSiteTitle(_ long: [Unicode.Scalar], of short: [Unicode.Scalar]) -> Bool {
        guard short.count >= 6, long.count > short.count + 1, Scalars.has(long, short) else { return false }
        var rest = long[short.count...].drop { CharacterClass.isSpace($0) }
        guard let mark = rest.first, siteMarks.contains(mark) else { return false }
        rest = rest.dropFirst()
        return !rest.isEmpty && rest.count <= 24 && !rest.contains("。")
    }

    static let siteMarks = ScalarSet("-_|｜—–·")

    static func isPageTurner(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 16 && (Scalars.find(previousArticle, in: s) != nil || Scalars.find(nextArticle, in: s) != nil
            || DebrisLine.isPageTurner(s))
    }

    static let previousArticle = Array("上一篇".unicodeScalars), nextArticle = Array("下一篇".unicodeScalars)

    /// `摘要：`, `摘 要:`, `[摘 要]`, `内容提要`, `Abstract`: an abstract opens the line.
    static func startsWithAbstract(_ line: Line) -> Bool {
        var core: [Unicode.Scalar] = []
        for c in line.scalars.prefix(12) where !CharacterClass.isSpace(c) && c != "[" && c != "【" && c != "［" { core.append(c) }
        let folded = TraditionalFold.fold(core)
        return abstractStarts.contains { Scalars.has(folded, $0) }
    }

    static let abstractStarts: [[Unicode.Scalar]] = ["摘要", "内容提要", "内容摘要", "Abstract", "ABSTRACT"].map(\.scalars)

    /// `观点分享 | 某论坛研讨会发表时间:2023-10-27 09:09 某论坛于…召开`: a page flattened into one line, its
    /// title, publish line and body run together. Splits such a first line at a dateline label.
    static func splitGluedDateline(_ lines: [Line]) -> [Line] {
        var out = lines
        for n in 0..<min(lines.count, 3) {
            if let parts = leadingDate(lines[n].scalars) {
                out.replaceSubrange(n...n, with: parts.map { Line(Scalars.string($0)) })
                return out
            }
            guard lines[n].count > 80 else { continue }
            let s = lines[n].scalars
            let folded = TraditionalFold.fold(Array(s.prefix(100)))
            var p = 6
            while p < min(folded.count, 80) {
                defer { p += 1 }
                guard let label = gluedDateLabels.first(where: { Scalars.has(folded, $0, at: p) }) else { continue }
                guard !folded[..<p].contains("。") else { break }
                var d = p + label.count
                while d < s.count, MetaLine.separators.contains(s[d]) || CharacterClass.isSpace(s[d]) { d += 1 }
                guard d < s.count, let end = MetaLine.dateEnd(s, at: d), DateScanner.date(in: s, at: d) != nil, s.count - end > 20 else { continue }
                out.replaceSubrange(n...n, with: [Line(Scalars.string(s[..<p])), Line(Scalars.string(s[p..<end])), Line(Scalars.string(s[end...]))])
                return out
            }
        }
        return out
    }

    /// `来源:` ⏎ `王慧`, `责编:` ⏎ `王霞`: a page that sets each metadata label on a line of its own and
    /// its value on the next, in the header or the closing lines; each pair becomes one line.
    static func joinLabelledValues(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if i + 1 < lines.count, i < headLimit || i >= lines.count - tailLimit, isLabelAlone(line.scalars) {
                let value = lines[i + 1]
                // (`作者:` left empty above `2018-01-03 09:39:01`: a date is a value only for a date's label.)
                if value.count <= 30, !value.endsSentence, !value.containsFullStop, !isLabelAlone(value.scalars),
                   !isDateAlone(value.scalars) || labelKind(line.scalars) == .date {
                    out.append(Line(line.text + value.text))
                    i += 2
                    continue
                }
            }
            out.append(line)
            i += 1
        }
        return out
    }

    /// `摄像丨丁某 李某`: a role, the bar, the people (a video's credit roll).
    static func isCreditRollLine(_ line: Line) -> Bool {
        let s = line.scalars
        guard s.count <= 40, !line.containsFullStop, let bar = s.firstIndex(where: { $0 == "丨" || $0 == "|" || $0 == "｜" }) else { return false }
        return (2...4).contains(bar) && s[..<bar].allSatisfy(CharacterClass.isHan) && bar + 1 < s.count
    }

    /// What a label alone on its line introduces.
    static func labelKind(_ s: [Unicode.Scalar]) -> MetaLine.Kind? {
        let word = TraditionalFold.fold(Array(s.dropLast()))
        return MetaLine.labels.first { $0.word == word }?.kind
    }

    /// A metadata label and its colon, nothing else (`来源:`, `責編：`).
    static func isLabelAlone(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 2, s.count <= 6, let last = s.last, last == ":" || last == "：" else { return false }
        let word = TraditionalFold.fold(Array(s.dropLast()))
        return MetaLine.labels.contains { $0.word == word && $0.kind != .counter && $0.kind != .ignored }
    }

    static let gluedDateLabels: [[Unicode.Scalar]] = ["发表时间", "发布时间", "发布日期", "发表日期", "发稿时间"].map(\.scalars)

    /// ` date 2026-01-04 〔記者某某／新北報導〕新北市…`, `2024-03-05 10:20 某社区…`: a page's date stamped
    /// before its first sentence, split off as a line of its own (the date without its label). A date
    /// written in words opening a sentence (`2023年5月12日，…`) is the story's, not the page's: only a
    /// labelled date, or a numeric one followed by a space, is taken.
    static func leadingDate(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        var i = 0
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        var labelled = false
        if let label = leadingDateLabels.first(where: { Scalars.has(s, $0, at: i) }) {
            i += label.count
            while i < s.count, MetaLine.separators.contains(s[i]) || CharacterClass.isSpace(s[i]) { i += 1 }
            labelled = true
        }
        guard i < s.count, CharacterClass.isASCIIDigit(s[i]), let found = DateScanner.date(in: s, at: i),
              labelled || s[found.range].contains(where: { $0 == "-" || $0 == "/" }) else { return nil }
        let end = MetaLine.dateEnd(s, at: i) ?? found.range.upperBound
        guard end < s.count, labelled || CharacterClass.isSpace(s[end]) else { return nil }
        var rest = end
        while rest < s.count, CharacterClass.isSpace(s[rest]) { rest += 1 }
        guard s.count - rest > 20 else { return nil }
        return [Array(s[i..<end]), Array(s[rest...])]
    }

    static let leadingDateLabels: [[Unicode.Scalar]] = ["date", "Date", "DATE"].map(\.scalars)

    /// The header zone ends at the first body paragraph: a long line, or a sentence.
    static func headEnd(_ lines: [Line], from start: Int = 0) -> Int {
        var i = start
        while i < min(lines.count, start + headLimit) {
            let line = lines[i]
            // `Your browser does not appear to support…?`: a prompt in another language above the page.
            if line.count <= 200, !line.scalars.contains(where: CharacterClass.isHan) { i += 1; continue }
            // `…| 577次浏览 | 分享到：` ends like a sentence but is a publish line.
            if line.endsSentence, !line.containsFullStop, line.count <= 120, line.meta?.isMeta == true { i += 1; continue }
            // `编辑:某某 2019-07-25 17:44:35 关键字:某某,某某,…`: a long publish line with its keyword list.
            if line.count > 80, line.count <= 240, !line.containsFullStop, let parsed = line.meta, parsed.isMeta, parsed.labelled,
               !parsed.dates.isEmpty { i += 1; continue }
            // `某某工程完工。（記者某某攝）`: a picture's caption under the title, above the page's date line.
            if line.count <= 80, Bylines.photoCredit(line) != nil { i += 1; continue }
            if line.count > 80 || (line.containsFullStop && !line.isFooter) || (line.endsSentence && line.count > 20) { break }
            i += 1
        }
        return i
    }

    /// `摘要`, `作者`, `出处`, `正文`, `新闻摘要`: a section label alone on its line, never a title.
    static func sectionLabel(_ line: Line) -> String? {
        guard line.count <= 8 else { return nil }
        var core: [Unicode.Scalar] = []
        for c in line.scalars where CharacterClass.isHan(c) || CharacterClass.isASCIILetter(c) { core.append(c) }
        guard core.count * 2 >= line.count - 2 else { return nil }
        let word = Scalars.string(core)
        return sectionLabels.contains(word) ? word : nil
    }

    /// The title after a `标题:` label, without the bracketed buttons after it; nil for any other line.
    static func labelledTitle(_ s: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
        guard s.count >= 7, s.count <= 80, titleLabels.contains(where: { Scalars.has(s, $0) }),
              s[2] == ":" || s[2] == "：" else { return nil }
        var title = s[3...].drop(while: CharacterClass.isSpace)
        // `[打印本頁]`, `【打印】`: a print or close button after the title.
        if let last = title.last, last == "]" || last == "】", let open = title.lastIndex(where: { $0 == "[" || $0 == "【" }),
           title.endIndex - open <= 8, open > title.startIndex {
            title = title[..<open]
        }
        while let last = title.last, CharacterClass.isSpace(last) { title = title.dropLast() }
        guard title.count >= 4, title.count <= 60, !title.contains("。") else { return nil }
        return title
    }

    static let titleLabels = ["标题", "標題", "题目", "題目"].map(\.scalars)

    /// What follows `label` (and a colon or spaces) at the start of `s`, for one of `labels`.
    static func fieldValue(_ s: [Unicode.Scalar], labels: [[Unicode.Scalar]]) -> ArraySlice<Unicode.Scalar>? {
        guard let label = labels.first(where: { s.starts(with: $0) }) else { return nil }
        let value = s[label.count...].drop { CharacterClass.isSpace($0) || $0 == ":" || $0 == "：" }
        return value.count >= 4 && value.count < s.count - label.count ? value : nil
    }

    static let nameFields = ["信息名称", "信息名稱", "文件名称", "文件名稱", "名称", "名稱"].map(\.scalars)

    static let sectionLabels: Set<String> = ["摘要", "作者", "出处", "正文", "文章正文", "新闻摘要", "新聞摘要", "内容摘要", "内容提要",
                                             "导读", "导语", "Abstract", "ABSTRACT", "目录", "其他", "其它", "简介", "作者简介", "基本信息"]

    /// `时间：2023年5月12日下午` opens minutes (with `地点：` near); it is the meeting, not the page.
    private static func isMinutesLine(_ line: Line, _ parsed: MetaLine.Parsed) -> Bool {
        guard parsed.source == nil, parsed.authors.isEmpty, parsed.editors.isEmpty else { return false }
        for label in LineRoles.minutesLabels where Scalars.has(line.scalars, label) { return true }
        return false
    }

    private static func startsWithEditorLabel(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count, MetaLine.punctuation.contains(s[i]) { i += 1 }
        for word in editorLabels where Scalars.has(s, word, at: i) { return true }
        return false
    }

    static let editorLabels: [[Unicode.Scalar]] = ["责任编辑", "责编", "编辑：", "编辑:", "值班编辑"].map(\.scalars)

    static let published = "发布".scalars

    /// A title line with a dateline glued to its end (`…更舒心 2022/04/27`, `…更舒心2023-05-12 来源：新华网`):
    /// the title part and the metadata, or nil.
    static func gluedTail(_ line: Line) -> ([Unicode.Scalar], MetaLine.Parsed)? {
        let s = line.scalars
        guard s.count >= 10, s.count <= 100, !line.containsFullStop else { return nil }
        var i = 6
        while i < s.count {
            let dateEnd = MetaLine.dateEnd(s, at: i)
            let startsMeta = dateEnd != nil || Scalars.has(s, LineRoles.source, at: i) || Scalars.has(s, published, at: i)
            // `…於2018年8月14日起公開展覽` runs on after its date: a sentence, not a dateline.
            let runsOn = dateEnd.map { $0 < s.count && CharacterClass.isHan(s[$0]) && !Scalars.has(s, LineRoles.source, at: $0) } ?? false
            if startsMeta, !runsOn, !CharacterClass.isASCIIDigit(s[i - 1]) {
                let rest = Array(s[i...])
                if let parsed = MetaLine.parse(rest), parsed.isMeta, !parsed.dates.isEmpty || parsed.source != nil {
                    var kept = Array(s[..<i])
                    while let last = kept.last, CharacterClass.isSpace(last) || last == "|" || last == "｜" { kept.removeLast() }
                    guard kept.count >= 4 else { return nil }
                    return (kept, parsed)
                }
            }
            i += 1
        }
        return nil
    }
}
