import Characters
import ReportModel

/// Turns an article's figures into fact rows: its sentence, what it is about, its place. Pure; runs
/// on the analysis threads while a report is packed.
package enum FactExtraction {
    package struct Row: Sendable, Equatable {
        package var value: String
        package var unit: String
        package var normalizedValue: Double?
        package var normalizedUnit: String?
        package var about: String
        package var place: String?
        package var sentence: String
    }

    static func rows(_ article: Article) -> [Row] {
        guard !article.figures.isEmpty else { return [] }
        // Scalars once per article, not per figure: a bulk report has dozens of figures.
        let paragraphs = article.paragraphs.map { Array($0.unicodeScalars) }
        let places = article.places.map { Array($0.unicodeScalars) }
        var cursor = Cursor()
        return article.figures.map { figure in
            let clause = Array(figure.text.unicodeScalars), value = Array(figure.value.unicodeScalars)
            let sentence = self.sentence(containing: clause, in: paragraphs, from: &cursor) ?? clause
            let normalized = FigureUnit.normalize(value: figure.value, unit: figure.unit)
            let place = self.place(of: value, in: sentence, places: places).map { article.places[$0] } ?? article.places.first
            return Row(value: figure.value, unit: figure.unit, normalizedValue: normalized?.value,
                       normalizedUnit: normalized?.unit, about: about(figure, text: clause, value: value), place: place, sentence: sentence.string)
        }
    }

    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "!", "?": true
        default: false
        }
    }

    /// Where the last figure's clause was found: figures come in the order of the text, so the next
    /// one is looked for from there (a report with dozens of figures would otherwise be read from its
    /// start for each), and a clause written twice is found at its own place the second time.
    struct Cursor {
        var paragraph = 0
        var offset = 0
    }

    /// The sentence of the paragraphs in which `clause` stands: its first occurrence at or after
    /// `cursor`, else its first occurrence; `cursor` moves to where it was found.
    static func sentence(containing clause: [Unicode.Scalar], in paragraphs: [[Unicode.Scalar]],
                         from cursor: inout Cursor) -> [Unicode.Scalar]? {
        // The cursor's paragraph from the cursor, the paragraphs after it, those before it, then the
        // cursor's paragraph again from its start.
        for step in 0...paragraphs.count {
            let p = (cursor.paragraph + step) % max(paragraphs.count, 1)
            guard p < paragraphs.count else { return nil }
            let paragraph = paragraphs[p]
            guard let at = paragraph.firstIndex(of: clause, from: step == 0 ? cursor.offset : 0) else { continue }
            cursor = Cursor(paragraph: p, offset: at)
            var lo = at
            while lo > 0, !isSentenceEnd(paragraph[lo - 1]) { lo -= 1 }
            var hi = at + clause.count
            while hi < paragraph.count {
                hi += 1
                if isSentenceEnd(paragraph[hi - 1]) { break }
            }
            return Array(paragraph[lo..<hi])
        }
        return nil
    }

    /// Words that link a subject to its number and say nothing of what is counted.
    static let linkers = ["累计已达", "累计达到", "累计达", "已达到", "已达", "达到", "共计", "总计", "合计", "累计", "已有",
                          "超过", "逾", "约", "近", "达", "共", "为", "有", "计", "已", "了", "的", "是", "占"].map { Array($0.unicodeScalars) }

    /// What the figure counts: the clause before the number, without linking words; when the number
    /// opens the clause (`386部电梯完成加装`), the words after its unit.
    static func about(_ figure: Figure) -> String {
        about(figure, text: Array(figure.text.unicodeScalars), value: Array(figure.value.unicodeScalars))
    }

    /// `about`, given the figure's text and value as scalars (`rows` has them already).
    static func about(_ figure: Figure, text: [Unicode.Scalar], value: [Unicode.Scalar]) -> String {
        guard let at = text.firstIndex(of: value) else { return figure.text }
        var end = at
        while let word = linkers.first(where: { end > $0.count && text.has($0, at: end - $0.count) }) { end -= word.count }
        if text[..<end].lazy.filter(CharacterClass.isHan).count >= 2 { return text[..<end].string }
        var from = at + value.count
        let unit = Array(figure.unit.unicodeScalars)
        if text.has(unit, at: from) { from += unit.count }
        if from < text.count, text[from] == "余" || text[from] == "多" { from += 1 }
        return from < text.count ? text[from...].string : figure.text
    }

    /// The index in `places` of the place named last before the figure's number in its sentence
    /// (the longer name where two end there), or nil when none is.
    static func place(of value: [Unicode.Scalar], in sentence: [Unicode.Scalar], places: [[Unicode.Scalar]]) -> Int? {
        let cut = sentence.firstIndex(of: value) ?? sentence.count
        var best: (index: Int, at: Int)?
        for (index, place) in places.enumerated() {
            guard let at = sentence.lastIndex(of: place, before: cut) else { continue }
            if best == nil || at > best!.at || (at == best!.at && place.count > places[best!.index].count) {
                best = (index, at)
            }
        }
        return best?.index
    }
}
