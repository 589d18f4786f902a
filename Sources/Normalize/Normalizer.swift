import Characters

/// Text after the repairs: one logical line per paragraph or structure line.
public struct NormalizedText: Sendable, Equatable {
    /// Paragraphs and structure lines (titles, bylines, footers), in reading order, never empty.
    public var lines: [String]
    /// What was repaired, in words a person understands.
    public var warnings: [String]
    /// How many hard-wrapped lines were rejoined inside a block: text with hard wraps was laid out on a
    /// page (a PDF). (A web page written one phrase a paragraph, rejoined across its blank lines, was not.)
    public var rejoinedWraps: Int
    /// ` date 2026-01-19 ` before a line's own words: a page template's field leaked into the text. Often
    /// the article's date, sometimes the template's: the page's date where it prints none of its own.
    public var templateDate: String?
    /// A post's first line, printed again where each of its pictures was: the post's title.
    public var pictureTitle: String?

    public init(lines: [String], warnings: [String] = [], rejoinedWraps: Int = 0, templateDate: String? = nil, pictureTitle: String? = nil) {
        self.lines = lines
        self.warnings = warnings
        self.rejoinedWraps = rejoinedWraps
        self.templateDate = templateDate
        self.pictureTitle = pictureTitle
    }
}

/// Undoes what extraction, encodings and editors did to a report's text.
///
/// The repairs run in this order, each a separate step: undo fake-bold doubling (per line), fold
/// full-width digits and letters, repair spacing, merge poppler's duplicate fragments, drop web page
/// furniture, and finally rejoin hard-wrapped lines into paragraphs.
public struct Normalizer: Sendable {
    public init() {}

    public func normalize(_ text: String) -> NormalizedText {
        var lines = LineReader.read(text)
        var undoubled = 0
        var folded = 0
        var spaced = 0
        var glosses = 0
        var linkRows: [String] = []
        var templateDate: String?
        for i in lines.indices {
            if let once = DoubledRunRepair.undouble(lines[i].scalars) {
                lines[i].scalars = once
                lines[i].bold = true
                undoubled += 1
            }
            folded += WidthFolding.fold(&lines[i].scalars)
            if lines[i].scalars.first == "d", let rest = DebrisLine.withoutTemplateDate(lines[i].scalars) {
                if templateDate == nil { templateDate = lines[i].scalars[5..<15].string }
                lines[i].scalars = rest
            }
            // A row of other pages' headlines above the article is told by its wide gaps, which spacing
            // repair closes. Only at the top: further down, gaps of that width set apart a table's cells.
            if i < 5, DebrisLine.isLinkList(lines[i].scalars) {
                linkRows.append(lines[i].scalars.string)
                lines[i].scalars = []
                continue
            }
            spaced += SpacingRepair.repair(&lines[i].scalars)
            glosses += PinyinGlossRepair.strip(&lines[i].scalars)
        }
        lines.removeAll { $0.scalars.isEmpty }
        let fragments = FragmentMerger.merge(lines)
        let web = WebLeftoverFilter.filter(fragments.lines)
        let joiner = WrapJoiner(web.lines)
        let joined = joiner.join()

        var warnings: [String] = []
        if undoubled > 0 { warnings.append("undid doubled text in \(undoubled) lines") }
        if fragments.merged > 0 { warnings.append("merged \(fragments.merged) duplicate fragments") }
        if folded > 0 { warnings.append("converted \(folded) full-width digits and letters to ASCII") }
        if spaced > 0 { warnings.append("removed or fixed \(spaced) stray spaces and commas") }
        if glosses > 0 { warnings.append("removed \(glosses) pinyin glosses after characters") }
        if !web.removed.isEmpty || !linkRows.isEmpty { warnings.append(Self.removedWarning(linkRows + web.removed)) }
        if joined.joined > 0 { warnings.append("rejoined \(joined.joined) hard-wrapped lines") }
        return NormalizedText(lines: joined.lines.map { $0.string }, warnings: warnings, rejoinedWraps: joined.inBlocks,
                              templateDate: templateDate, pictureTitle: web.pictureTitle)
    }

    /// `removed 3 web page lines: 设为首页 加入收藏 | 【纠错】 | 浏览：72次 评论：0`, each shortened to 40 characters.
    static func removedWarning(_ removed: [String]) -> String {
        let shown = removed.prefix(12).map { line -> String in
            let scalars = line.unicodeScalars
            return scalars.count <= 40 ? line : String(String.UnicodeScalarView(scalars.prefix(40))) + "…"
        }
        let more = removed.count > 12 ? " | …" : ""
        return "removed \(removed.count) web page line\(removed.count == 1 ? "" : "s"): " + shown.joined(separator: " | ") + more
    }
}
