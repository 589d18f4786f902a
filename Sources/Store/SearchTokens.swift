import Characters

/// Turns text into the tokens the full-text index holds, and a query into an FTS5 expression.
///
/// Chinese has no spaces, and SQLite's tokenizers either keep a whole Han run as one token
/// (unicode61) or need three characters (trigram). So the index holds, for every Han run,
/// each overlapping character pair plus the run's last character: `加装电梯` → `加装 装电 电梯 梯`.
/// A term of two or more characters is then the phrase of its pairs, and a single character
/// `梯` is the prefix query `梯*`, which matches every pair that starts with it and the run-final
/// unigram. Latin words and numbers are lower-cased whole tokens.
public enum SearchTokens {
    /// The query with full-width digits, Latin letters and ％ folded to ASCII, as the normaliser
    /// folds the text (`２１２９` → `2129`, `ＰＰＰ` → `PPP`); everything else as typed.
    public static func foldingWidth(_ query: String) -> String {
        guard query.unicodeScalars.contains(where: { CharacterClass.asciiTwin(ofFullWidth: $0) != nil }) else { return query }
        var folded = String.UnicodeScalarView()
        for scalar in query.unicodeScalars { folded.append(CharacterClass.asciiTwin(ofFullWidth: scalar) ?? scalar) }
        return String(folded)
    }

    /// Space-separated tokens for the index (FTS5 `unicode61` keeps each as one token).
    public static func indexText(_ text: String) -> String { index(text).text }

    /// The index text and its number of tokens (the article's length for bm25).
    ///
    /// Works on UTF-8 bytes: this runs for every article ingested, and building strings scalar by
    /// scalar was a third of the ingest time.
    public static func index(_ text: String) -> (text: String, count: Int) {
        var source = text
        return source.withUTF8 { bytes -> (String, Int) in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3)
            var count = 0
            var previousHan = 0..<0        // byte range of the previous Han scalar, if the last one was Han
            var wordStart = -1             // start of the current Latin/digit word
            var wordIsASCII = true

            func emit(_ range: Range<Int>) {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                count += 1
            }
            func flushWord(_ end: Int) {
                guard wordStart >= 0 else { return }
                if !out.isEmpty { out.append(0x20) }
                if wordIsASCII {
                    for b in bytes[wordStart..<end] { out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
                } else {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self)
                    out.append(contentsOf: word.lowercased().utf8)
                }
                count += 1
                wordStart = -1
                wordIsASCII = true
            }
            func flushHan() {
                if !previousHan.isEmpty { emit(previousHan); previousHan = 0..<0 }
            }

            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(n, i + length)
                var value = UInt32(lead)
                if length > 1 {
                    value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in (i + 1)..<end { value = value << 6 | UInt32(bytes[k] & 0x3F) }
                }
                let scalar = Unicode.Scalar(value) ?? " "
                if CharacterClass.isUnspaced(scalar) {
                    flushWord(i)
                    if !previousHan.isEmpty {
                        if !out.isEmpty { out.append(0x20) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[previousHan]))
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                        count += 1
                    }
                    previousHan = i..<end
                } else {
                    flushHan()
                    if isWordScalar(scalar) {
                        if wordStart < 0 { wordStart = i }
                        if length > 1 { wordIsASCII = false }
                    } else {
                        flushWord(i)
                    }
                }
                i = end
            }
            flushHan()
            flushWord(n)
            return (String(decoding: out, as: UTF8.self), count)
        }
    }

    /// The FTS5 MATCH expression for a user query: every whitespace-separated term must match.
    /// Nil when the query has nothing searchable.
    public static func matchExpression(_ query: String) -> String? {
        let found = clauses(query)
        return found.isEmpty ? nil : found.map(\.fts5).joined(separator: " AND ")
    }

    /// The literal pieces of a query that a snippet should highlight.
    public static func highlightTerms(_ query: String) -> [String] {
        var terms: [String] = []
        for term in query.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" }) {
            var current = String.UnicodeScalarView()
            for scalar in term.unicodeScalars {
                if isWordScalar(scalar) || CharacterClass.isUnspaced(scalar) {
                    current.append(scalar)
                } else if !current.isEmpty {
                    terms.append(String(current)); current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { terms.append(String(current)) }
        }
        return terms
    }

    @inline(__always)
    package static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        return !CharacterClass.isUnspaced(s) && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }
}
