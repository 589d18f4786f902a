import Characters

/// Punctuation classes and scalar helpers the segmenter needs, on Unicode scalars so hot loops avoid `Character`.
enum Scalars {
    /// Marks that end a sentence; a line ending in one is prose, not a title.
    @inline(__always)
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "：", "…", "!", "?", ";", ":", ".": return true
        default: return false
        }
    }

    /// Closing quotes and brackets that may follow the last word of a line.
    @inline(__always)
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "」", "』", "）", ")", "》", "〉", "】", "\"", "'": return true
        default: return false
        }
    }

    /// Marks that separate clauses (used to cut a figure's clause and a place name's left edge).
    @inline(__always)
    static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "，", "!", "?", ";", ",", "：", ":": return true
        default: return false
        }
    }

    /// The scalars of `text` without leading and trailing spaces.
    static func trimmed(_ text: String) -> [Unicode.Scalar] {
        let all = decode(text)
        var lo = 0, hi = all.count
        while lo < hi, CharacterClass.isSpace(all[lo]) { lo += 1 }
        while hi > lo, CharacterClass.isSpace(all[hi - 1]) { hi -= 1 }
        return Array(all[lo..<hi])
    }

    /// The scalars of `text`, decoded straight from its UTF-8 (faster than `Array(text.unicodeScalars)`).
    static func decode(_ text: String) -> [Unicode.Scalar] { text.scalarArray }

    /// A string from scalars (`Collection.string` in Characters).
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String { scalars.string }

    /// Whether `scalars` starts with `prefix` at `offset`.
    static func has(_ scalars: [Unicode.Scalar], _ prefix: [Unicode.Scalar], at offset: Int = 0) -> Bool {
        scalars.has(prefix, at: offset)
    }

    /// Whether `scalars` ends with `suffix` just before `end`.
    static func hasSuffix(_ scalars: [Unicode.Scalar], _ suffix: [Unicode.Scalar], before end: Int) -> Bool {
        has(scalars, suffix, at: end - suffix.count)
    }

    /// First index of `needle` in `scalars` at or after `from`, or nil.
    static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int = 0) -> Int? {
        scalars.firstIndex(of: needle, from: from)
    }
}

extension String {
    /// The scalars of a literal, for prefix tables.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}
