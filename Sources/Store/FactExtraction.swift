import Characters
import Foundation
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
        article.figures.map { figure in
            let sentence = self.sentence(containing: figure.text, in: article.paragraphs) ?? figure.text
            let normalized = FigureUnit.normalize(value: figure.value, unit: figure.unit)
            return Row(value: figure.value, unit: figure.unit, normalizedValue: normalized?.value,
                       normalizedUnit: normalized?.unit, about: about(figure),
                       place: place(for: figure, sentence: sentence, places: article.places), sentence: sentence)
        }
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?"]

    /// The sentence of the paragraphs in which `clause` stands.
    static func sentence(containing clause: String, in paragraphs: [String]) -> String? {
        guard !clause.isEmpty else { return nil }
        for paragraph in paragraphs {
            guard let range = paragraph.range(of: clause) else { continue }
            var lo = range.lowerBound
            while lo > paragraph.startIndex {
                let before = paragraph.index(before: lo)
                if sentenceEnds.contains(paragraph[before]) { break }
                lo = before
            }
            var hi = range.upperBound
            while hi < paragraph.endIndex {
                let c = paragraph[hi]
                hi = paragraph.index(after: hi)
                if sentenceEnds.contains(c) { break }
            }
            return String(paragraph[lo..<hi])
        }
        return nil
    }

    /// Words that link a subject to its number and say nothing of what is counted.
    static let linkers = ["累计已达", "累计达到", "累计达", "已达到", "已达", "达到", "共计", "总计", "合计", "累计", "已有",
                          "超过", "逾", "约", "近", "达", "共", "为", "有", "计", "已", "了", "的", "是", "占"]

    /// What the figure counts: the clause before the number, without linking words; when the number
    /// opens the clause (`386部电梯完成加装`), the words after its unit.
    static func about(_ figure: Figure) -> String {
        let text = figure.text
        guard let at = text.range(of: figure.value) else { return text }
        var before = String(text[..<at.lowerBound])
        var trimmed = true
        while trimmed {
            trimmed = false
            for word in linkers where before.hasSuffix(word) && before.count > word.count {
                before.removeLast(word.count)
                trimmed = true
                break
            }
        }
        if before.unicodeScalars.filter(CharacterClass.isHan).count >= 2 { return before }
        var after = String(text[at.upperBound...])
        if after.hasPrefix(figure.unit) { after.removeFirst(figure.unit.count) }
        if after.hasPrefix("余") || after.hasPrefix("多") { after.removeFirst() }
        return after.isEmpty ? text : after
    }

    /// The article's place named last before the figure in its sentence, else its first place.
    static func place(for figure: Figure, sentence: String, places: [String]) -> String? {
        let cut = sentence.range(of: figure.value).map { String(sentence[..<$0.lowerBound]) } ?? sentence
        var best: (String, String.Index)?
        for place in places {
            guard let r = cut.range(of: place, options: .backwards) else { continue }
            if best == nil || r.lowerBound > best!.1 || (r.lowerBound == best!.1 && place.count > best!.0.count) {
                best = (place, r.lowerBound)
            }
        }
        return best?.0 ?? places.first
    }
}
