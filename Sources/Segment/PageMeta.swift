import Characters

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
        let head = headEnd(lines)
        var kept: [Int] = []
        var i = 0
        while i < head {
            defer { i += 1 }
            let line = lines[i]
            guard !line.isByline, !line.isFooter else { continue }
            // `China`, `TOP`: a word of Latin chrome above a Chinese page's title.
            if kept.isEmpty, line.count <= 40, !line.scalars.contains(where: CharacterClass.isHan) {
                meta.metaLines.insert(i)
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
            // `陈伟东、孔娜娜、张大维` under the title (not before an institution line, which names their affiliation).
            if !kept.isEmpty, let names = Bylines.names(inAuthorLine: line), names.count >= 2,
               !(i + 1 < lines.count && Bylines.isInstitutionLine(lines[i + 1])) {
                meta.metaLines.insert(i)
                for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
                continue
            }
            if let parsed = MetaLine.parse(line.scalars), parsed.isMeta, !isMinutesLine(line, parsed) {
                take(parsed, line: i, into: &meta, head: true)
            } else if let (start, parsed) = gluedTail(line) {
                meta.trimmed[i] = Scalars.string(start)
                take(parsed, line: nil, into: &meta, head: true)
                kept.append(i)
            } else {
                kept.append(i)
            }
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
        let tailStart = max(head, lines.count - tailLimit)
        for i in tailStart..<lines.count where !meta.metaLines.contains(i) {
            let line = lines[i]
            guard !line.isFooter, !line.isByline || line.count <= 20,
                  let parsed = MetaLine.parse(line.scalars), parsed.isMeta, parsed.labelled else { continue }
            take(parsed, line: i, into: &meta, head: false)
        }
        // Editor credits stand alone anywhere (before a list of related links, say).
        for i in head..<tailStart where lines[i].count <= 40 && startsWithEditorLabel(lines[i].scalars) {
            if let parsed = MetaLine.parse(lines[i].scalars), parsed.isMeta { take(parsed, line: i, into: &meta, head: false) }
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

    /// The header zone ends at the first body paragraph: a long line, or a sentence.
    static func headEnd(_ lines: [Line]) -> Int {
        var i = 0
        while i < min(lines.count, headLimit) {
            let line = lines[i]
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

    static let sectionLabels: Set<String> = ["摘要", "作者", "出处", "正文", "文章正文", "新闻摘要", "新聞摘要", "内容摘要", "内容提要",
                                             "导读", "导语", "Abstract", "ABSTRACT", "目录", "其他", "其它", "简介", "作者简介"]

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

    /// A title line with a dateline glued to its end (`…更舒心 2022/04/27`, `…更舒心2023-05-12 来源：新华网`):
    /// the title part and the metadata, or nil.
    static func gluedTail(_ line: Line) -> ([Unicode.Scalar], MetaLine.Parsed)? {
        let s = line.scalars
        guard s.count >= 10, s.count <= 100, !line.containsFullStop else { return nil }
        var i = 6
        while i < s.count {
            let startsMeta = MetaLine.dateEnd(s, at: i) != nil || Scalars.has(s, LineRoles.source, at: i)
                || Scalars.has(s, "发布".scalars, at: i)
            // `…於2018年8月14日起公開展覽` runs on after its date: a sentence, not a dateline.
            let runsOn = MetaLine.dateEnd(s, at: i).map { $0 < s.count && CharacterClass.isHan(s[$0]) && !Scalars.has(s, LineRoles.source, at: $0) } ?? false
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
