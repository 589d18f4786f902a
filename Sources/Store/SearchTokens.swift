/// Turns text into the tokens the full-text index holds, and a query into an FTS5 expression.
///
/// Chinese has no spaces, and SQLite's tokenizers either keep a whole Han run as one token
/// (unicode61) or need three characters (trigram). So the index holds, for every Han run,
/// each overlapping character pair plus the run's last character: `加装电梯` → `加装 装电 电梯 梯`.
/// A term of two or more characters is then the phrase of its pairs, and a single character
/// `梯` is the prefix query `梯*`, which matches every pair that starts with it and the run-final
/// unigram. Latin words and numbers are lower-cased whole tokens.
public enum SearchTokens {
    /// Space-separated tokens for the index (FTS5 `unicode61` keeps each as one token).
    public static func indexText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count * 3)
        forEachToken(in: text) { token in
            if !out.isEmpty { out.append(" ") }
            // Scalar by scalar: `append(contentsOf:)` on a scalar view copies the whole view each time,
            // which made a 1 MB article take half a minute.
            for scalar in token { out.append(scalar) }
        }
        return String(out)
    }

    /// The FTS5 MATCH expression for a user query: every whitespace-separated term must match.
    /// Nil when the query has nothing searchable.
    public static func matchExpression(_ query: String) -> String? {
        var clauses: [String] = []
        for term in query.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" }) {
            for part in termParts(String(term)) {
                clauses.append(part)
            }
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// The literal pieces of a query that a snippet should highlight.
    public static func highlightTerms(_ query: String) -> [String] {
        var terms: [String] = []
        for term in query.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" }) {
            var current = String.UnicodeScalarView()
            for scalar in term.unicodeScalars {
                if isWordScalar(scalar) || isHan(scalar) {
                    current.append(scalar)
                } else if !current.isEmpty {
                    terms.append(String(current)); current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { terms.append(String(current)) }
        }
        return terms
    }

    /// Clauses for one query term: Han runs become phrases of pairs, Latin words stay words.
    static func termParts(_ term: String) -> [String] {
        var parts: [String] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count == 1 {
                parts.append("\"\(String(Character(han[0])))\"*")
            } else if han.count > 1 {
                let pairs = (0..<(han.count - 1)).map { i in String(String.UnicodeScalarView([han[i], han[i + 1]])) }
                parts.append("\"" + pairs.joined(separator: " ") + "\"")
            }
            han.removeAll()
        }
        func flushWord() {
            if !word.isEmpty { parts.append("\"\(String(word).lowercased())\"") }
            word = String.UnicodeScalarView()
        }
        for scalar in term.unicodeScalars {
            if isHan(scalar) {
                flushWord(); han.append(scalar)
            } else if isWordScalar(scalar) {
                flushHan(); word.append(scalar)
            } else {
                flushHan(); flushWord()
            }
        }
        flushHan(); flushWord()
        return parts
    }

    static func forEachToken(in text: String, _ body: (String.UnicodeScalarView) -> Void) {
        var previousHan: Unicode.Scalar?
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                if !word.isEmpty { body(lowered(word)); word = String.UnicodeScalarView() }
                if let p = previousHan { body(String.UnicodeScalarView([p, scalar])) }
                previousHan = scalar
            } else {
                if let p = previousHan { body(String.UnicodeScalarView([p])); previousHan = nil }
                if isWordScalar(scalar) {
                    word.append(scalar)
                } else if !word.isEmpty {
                    body(lowered(word)); word = String.UnicodeScalarView()
                }
            }
        }
        if let p = previousHan { body(String.UnicodeScalarView([p])) }
        if !word.isEmpty { body(lowered(word)) }
    }

    static func lowered(_ word: String.UnicodeScalarView) -> String.UnicodeScalarView {
        String(word).lowercased().unicodeScalars
    }

    /// CJK ideographs (and kana/hangul, which also come without spaces).
    @inline(__always)
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3040...0x30FF, 0xAC00...0xD7AF, 0x3005, 0x3007:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        return !isHan(s) && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }
}
