import Characters

/// Places a title the format marked among the page's lines, and tells PDF-like pages from web text.
enum TitleHint {
    /// The index of the line that is the hinted title, within the header zone; nil when none is.
    static func locate(_ hint: String?, in lines: [Line]) -> Int? {
        guard let hint, let wanted = cleaned(hint).map(Scalars.decode), wanted.count >= 2 else { return nil }
        for i in 0..<min(lines.count, PageMetaReader.headLimit) {
            let s = lines[i].scalars
            if s == wanted { return i }
            // `<title>` often adds the site: `标题_栏目_某某网`; the line is the title's start.
            if s.count >= 4, s.count < wanted.count, Scalars.has(wanted, s) { return i }
            if lines[i].count > 80 || lines[i].containsFullStop && lines[i].count > 30 { break }
        }
        return nil
    }

    /// A `<title>` without the site name after `_`, ` - `, `|` or `——`; nil when nothing is left.
    static func cleaned(_ hint: String) -> String? {
        var s = Scalars.decode(hint)
        for mark in siteSeparators {
            if let at = Scalars.find(mark, in: s), at >= 4 { s = Array(s[..<at]) }
        }
        while let last = s.last, CharacterClass.isSpace(last) { s.removeLast() }
        while let first = s.first, CharacterClass.isSpace(first) { s.removeFirst() }
        return s.count >= 2 ? Scalars.string(s) : nil
    }

    static let siteSeparators: [[Unicode.Scalar]] = ["_", " - ", " | ", "|", "｜", "——", " – "].map(\.scalars)

    /// Text from a PDF page like the seed: articles signed with `（作者系…）` footers or `□` bylines,
    /// where the content stream may put a title after its article. Web text never has a tail title.
    static func looksLikePDFPage(_ lines: [Line]) -> Bool {
        lines.contains { $0.isFooter || ($0.isByline && Line.bylineMarks.contains($0.scalars[0])) }
    }
}
