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

    /// One index token as UTF-8 bytes, hashed and compared as bytes: a `String` or `Substring` key
    /// normalises Unicode to hash, and building the literals that way took half of a PostgreSQL
    /// host's ingest CPU, inside the write transaction.
    struct Lexeme: Hashable {
        let bytes: ArraySlice<UInt8>
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
        static func == (a: Lexeme, b: Lexeme) -> Bool { a.bytes.elementsEqual(b.bytes) }
    }

    /// The space-separated tokens of `text`.
    static func lexemes(_ text: String) -> [Lexeme] {
        Array(text.utf8).split(separator: UInt8(ascii: " ")).map(Lexeme.init)
    }

    /// The tsvector literals of an article's index tokens (space-separated), one per chunk.
    static func chunks(tokens text: String) -> [String] {
        let (ids, lexicon) = numbered(lexemes(text))
        return ranges(ids, lexicon: lexicon).map { literal(ids[$0], lexicon: lexicon) }
    }

    /// Each token as a number (distinct lexemes numbered in order of first appearance), and the
    /// lexemes by number: every token is hashed once, then chunking and the literals count numbers.
    static func numbered(_ tokens: [Lexeme]) -> (ids: [Int], lexicon: [Lexeme]) {
        var numbers: [Lexeme: Int] = [:]
        numbers.reserveCapacity(tokens.count)
        var lexicon: [Lexeme] = []
        var ids: [Int] = []
        ids.reserveCapacity(tokens.count)
        for token in tokens {
            if let id = numbers[token] {
                ids.append(id)
            } else {
                numbers[token] = lexicon.count
                ids.append(lexicon.count)
                lexicon.append(token)
            }
        }
        return (ids, lexicon)
    }

    /// The chunks' token ranges: each within the limits, each starting `overlap` tokens before the
    /// previous one ends (or one token later, where a lexeme repeats densely).
    static func ranges(_ ids: [Int], lexicon: [Lexeme]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var counts = [Int](repeating: 0, count: lexicon.count)
        var start = 0
        while start < ids.count {
            var bytes = 0
            var end = start
            while end < ids.count, end - start < maxPositions {
                let id = ids[end], size = lexicon[id].bytes.count
                if counts[id] == maxPerLexeme || bytes + size + 8 > maxBytes { break }
                counts[id] += 1
                bytes += size + 8
                end += 1
            }
            ranges.append(start..<end)
            if end == ids.count { break }
            for id in ids[start..<end] { counts[id] = 0 }
            start = max(start + 1, end - overlap)
        }
        return ranges
    }

    /// `'lexeme':1,5 'other':2 …` for a chunk's tokens numbered from 1, lexemes in order of first
    /// appearance in the chunk.
    static func literal(_ ids: ArraySlice<Int>, lexicon: [Lexeme]) -> String {
        // The chunk's own numbering of its lexemes; positions laid out per lexeme by a counting sort.
        var local = [Int](repeating: -1, count: lexicon.count)
        var order: [Int] = []
        var tokenIDs: [Int] = []
        tokenIDs.reserveCapacity(ids.count)
        for id in ids {
            guard lexicon[id].bytes.count <= maxLexemeBytes else { tokenIDs.append(-1); continue }
            if local[id] < 0 {
                local[id] = order.count
                order.append(id)
            }
            tokenIDs.append(local[id])
        }
        var starts = [Int](repeating: 0, count: order.count + 1)
        for id in tokenIDs where id >= 0 { starts[id + 1] += 1 }
        for i in starts.indices.dropFirst() { starts[i] += starts[i - 1] }
        var positions = [Int](repeating: 0, count: starts[order.count])
        var next = starts
        for (n, id) in tokenIDs.enumerated() where id >= 0 {
            positions[next[id]] = n + 1
            next[id] += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 12)
        for (id, global) in order.enumerated() {
            if id > 0 { out.append(UInt8(ascii: " ")) }
            out.append(UInt8(ascii: "'"))
            for byte in lexicon[global].bytes {
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "'"))
            out.append(UInt8(ascii: ":"))
            for k in starts[id]..<starts[id + 1] {
                if k > starts[id] { out.append(UInt8(ascii: ",")) }
                out += String(positions[k]).utf8
            }
        }
        return String(decoding: out, as: UTF8.self)
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
