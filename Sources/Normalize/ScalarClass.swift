import Characters

/// Punctuation classes and widths the repairs reason about, on `Unicode.Scalar` for speed (letters,
/// ideographs and spaces are `CharacterClass`).
enum ScalarClass {
    /// Chinese punctuation, including the curly quotes Chinese text uses.
    @inline(__always)
    static func isCJKPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F: return true  // 、。〃〈〉《》「」『』【】〔〕…
        case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: return true  // ！（），：；？
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014, 0x00B7, 0x2022: return true  // “”‘’…—·•
        default: return false
        }
    }

    /// Marks that never begin a printed line in Chinese typesetting (避头点).
    @inline(__always)
    static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x201D, 0x2019, 0x3009, 0x300B,
             0x300D, 0x300F, 0x3011, 0x3015:
            return true
        default: return false
        }
    }

    /// Marks that end a sentence: a line ending in one may end a paragraph.
    @inline(__always)
    static func isSentenceFinal(_ s: Unicode.Scalar) -> Bool {
        s == "。" || s == "！" || s == "？" || s == "!" || s == "?" || s == "…"
    }

    /// Closing quotes and brackets that may follow a sentence-final mark.
    @inline(__always)
    static func isTrailingCloser(_ s: Unicode.Scalar) -> Bool {
        s == "”" || s == "’" || s == "）" || s == ")" || s == "」" || s == "』" || s == "》"
    }

    /// Any punctuation: a fake-bold run ends where punctuation or another script begins.
    @inline(__always)
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if isCJKPunctuation(s) { return true }
        let v = s.value
        return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
            || (0x7B...0x7E).contains(v)
    }

    /// Display width in half-ems: ASCII counts 1, everything else 2, Chinese punctuation 2 or, where
    /// typesetting squeezes it to half width, 1.
    @inline(__always)
    static func halfWidth(_ s: Unicode.Scalar, squeezed: Bool = true) -> Int {
        if s.value < 0x80 { return 1 }
        if squeezed, isCJKPunctuation(s) { return 1 }
        return 2
    }
}

extension Array where Element == Unicode.Scalar {
    /// Display width in half-ems (see `ScalarClass.halfWidth`).
    func halfWidth(squeezed: Bool = true) -> Int {
        var w = 0
        for s in self { w &+= ScalarClass.halfWidth(s, squeezed: squeezed) }
        return w
    }

    /// Whether the line ends a sentence, looking through closing quotes and brackets.
    var endsSentence: Bool {
        var i = count - 1
        while i >= 0, ScalarClass.isTrailingCloser(self[i]) { i -= 1 }
        guard i >= 0 else { return false }
        if ScalarClass.isSentenceFinal(self[i]) { return true }
        // A bracketed line such as a footer `（作者系…）` is complete in itself.
        return i < count - 1 && (self[count - 1] == "）" || self[count - 1] == ")") && first == "（"
    }

    func hasPrefix(_ p: [Unicode.Scalar]) -> Bool { has(p, at: 0) }

    func hasSuffix(_ p: [Unicode.Scalar]) -> Bool { has(p, at: count - p.count) }

    func contains(_ needle: [Unicode.Scalar]) -> Bool { needle.isEmpty || firstIndex(of: needle) != nil }

    func contains(_ s: Unicode.Scalar) -> Bool { contains(where: { $0 == s }) }
}

/// Patterns compared against lines in hot loops, turned into scalars once.
enum Needles {
    static func of(_ strings: [String]) -> [[Unicode.Scalar]] { strings.map { Array($0.unicodeScalars) } }
}
