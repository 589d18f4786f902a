/// Character classes the segmenter needs, on Unicode scalars so hot loops avoid `Character`.
enum Scalars {
    /// CJK ideographs (basic block, extension A and B+, compatibility).
    @inline(__always)
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x20000...0x2FFFF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always)
    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    /// ASCII and ideographic spaces, NBSP and tabs.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF: return true
        default: return false
        }
    }

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
        let all = Array(text.unicodeScalars)
        var lo = 0, hi = all.count
        while lo < hi, isSpace(all[lo]) { lo += 1 }
        while hi > lo, isSpace(all[hi - 1]) { hi -= 1 }
        return Array(all[lo..<hi])
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// Whether `scalars` starts with `prefix` at `offset`.
    static func has(_ scalars: [Unicode.Scalar], _ prefix: [Unicode.Scalar], at offset: Int = 0) -> Bool {
        guard offset >= 0, offset + prefix.count <= scalars.count else { return false }
        for i in 0..<prefix.count where scalars[offset + i] != prefix[i] { return false }
        return true
    }

    /// Whether `scalars` ends with `suffix` just before `end`.
    static func hasSuffix(_ scalars: [Unicode.Scalar], _ suffix: [Unicode.Scalar], before end: Int) -> Bool {
        has(scalars, suffix, at: end - suffix.count)
    }

    /// First index of `needle` in `scalars` at or after `from`, or nil.
    static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard !needle.isEmpty, scalars.count >= needle.count else { return nil }
        var i = max(0, from)
        while i + needle.count <= scalars.count {
            if scalars[i] == needle[0], has(scalars, needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    /// The scalars of a literal, for prefix tables.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}
