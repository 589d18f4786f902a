import Characters

/// Drops pinyin glosses that machine-converted web pages put after some characters: `發(fā)布`,
/// `社區(qū)`, `設(shè)計`. They split words (物業(yè)服務), places (渝中區(qū)) and search terms apart.
///
/// A gloss is a parenthesis right after a Han character holding one pinyin syllable: 1–6 lowercase
/// Latin letters with at least one tone-marked vowel (ā á ǎ à … ü), nothing else. A parenthesis with
/// plain letters (`(PPP)`, `(a)`), spaces or digits is left alone.
enum PinyinGlossRepair {
    /// Removes the glosses from a line; returns how many were removed.
    static func strip(_ scalars: inout [Unicode.Scalar]) -> Int {
        guard scalars.contains("(") || scalars.contains("（") else { return 0 }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var removed = 0
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "(" || scalar == "（", let previous = out.last, CharacterClass.isHan(previous),
               let end = glossEnd(scalars, from: i + 1) {
                removed += 1
                i = end + 1
                continue
            }
            out.append(scalar)
            i += 1
        }
        if removed > 0 { scalars = out }
        return removed
    }

    /// The index of the closing parenthesis when `scalars[from...]` is one syllable and its closer.
    private static func glossEnd(_ scalars: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        var toned = false
        while i < scalars.count, i - from <= 6 {
            let scalar = scalars[i]
            if scalar == ")" || scalar == "）" {
                return toned && i > from ? i : nil
            }
            if tonedVowels.contains(scalar) {
                toned = true
            } else if !("a"..."z").contains(scalar) {
                return nil
            }
            i += 1
        }
        return nil
    }

    private static let tonedVowels: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars)
}
