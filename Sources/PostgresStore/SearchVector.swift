import Store

/// renewald's search tokens as PostgreSQL `tsvector` and `tsquery` literals.
///
/// The index holds the tokens `SearchTokens.index` makes (a Han run's overlapping character pairs
/// and its last character; Latin words whole), each at its position, with no text-search
/// configuration in between: the literals are built here and cast, so the server neither parses
/// nor normalises them. A phrase of pairs is then the `<->` chain of its pairs, a single character
/// the prefix `'梯':*`, and the matches are exactly the substring matches of SQLite's FTS5 index.
///
/// A tsvector keeps positions only up to 16,383 and at most 256 per lexeme; past either, phrases
/// stop matching. So an article's tokens go into chunks within both limits, each overlapping the
/// one before by `overlap` tokens: a phrase of up to `overlap` pairs that crosses a chunk's end
/// lies whole in the next chunk.
enum SearchVector {
    static let maxPositions = 16_383
    static let maxPerLexeme = 255
    static let overlap = 128
    /// tsvector's limit is 1 MB; long Latin tokens reach it before the position limit.
    static let maxBytes = 512 << 10
    /// A lexeme may be at most 2,047 bytes; longer tokens (none in real text) are left out.
    static let maxLexemeBytes = 2_046

    /// The tsvector literals of an article's index tokens (space-separated), one per chunk.
    static func chunks(tokens text: String) -> [String] {
        let tokens = text.split(separator: " ")
        return ranges(tokens).map { literal(tokens[$0]) }
    }

    /// The chunks' token ranges: each within the limits, each starting `overlap` tokens before the
    /// previous one ends (or one token later, where a lexeme repeats densely).
    static func ranges(_ tokens: [Substring]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < tokens.count {
            var counts: [Substring: Int] = [:]
            var bytes = 0
            var end = start
            while end < tokens.count, end - start < maxPositions {
                let token = tokens[end]
                let seen = counts[token, default: 0]
                if seen == maxPerLexeme || bytes + token.utf8.count + 8 > maxBytes { break }
                counts[token] = seen + 1
                bytes += token.utf8.count + 8
                end += 1
            }
            ranges.append(start..<end)
            if end == tokens.count { break }
            start = max(start + 1, end - overlap)
        }
        return ranges
    }

    /// `'lexeme':1,5 'other':2 …` for tokens numbered from 1.
    static func literal(_ tokens: ArraySlice<Substring>) -> String {
        var positions: [Substring: [Int]] = [:]
        var order: [Substring] = []
        for (n, token) in tokens.enumerated() where token.utf8.count <= maxLexemeBytes {
            if positions[token] == nil { order.append(token) }
            positions[token, default: []].append(n + 1)
        }
        var out = ""
        out.reserveCapacity(tokens.count * 12)
        for token in order {
            if !out.isEmpty { out += " " }
            out += quoted(token)
            out += ":"
            out += positions[token]!.map(String.init).joined(separator: ",")
        }
        return out
    }

    /// A lexeme in single quotes, with quotes doubled and backslashes escaped.
    static func quoted(_ token: some StringProtocol) -> String {
        var out = "'"
        for c in token {
            if c == "'" { out += "''" } else if c == "\\" { out += "\\\\" } else { out.append(c) }
        }
        return out + "'"
    }

    /// The tsquery literal of one clause; nil when it cannot match anything the index holds.
    static func query(_ clause: SearchClause) -> String? {
        switch clause {
        case .word(let word):
            return word.utf8.count <= maxLexemeBytes ? quoted(word) : nil
        case .prefix(let han):
            return quoted(han) + ":*"
        case .phrase(let pairs):
            // (A phrase of more than `overlap` pairs may be missed where it straddles two chunks of
            // an article over 16,383 tokens; no real query is that long.)
            return "(" + pairs.map(quoted).joined(separator: " <-> ") + ")"
        }
    }
}
