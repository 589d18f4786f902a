import Characters

/// One clause of a search: what every store matches and scores, whatever its index syntax.
package enum SearchClause: Sendable, Equatable {
    /// Two or more Han characters: the phrase of their overlapping pairs.
    case phrase([String])
    /// One Han character: every index token that starts with it.
    case prefix(String)
    /// A Latin word or number, lower-cased: that whole token.
    case word(String)

    /// The clause as an FTS5 expression (`SearchTokens.matchExpression` joins them with AND).
    package var fts5: String {
        switch self {
        case .phrase(let pairs): return "\"" + pairs.joined(separator: " ") + "\""
        case .prefix(let han): return "\"\(han)\"*"
        case .word(let word): return "\"\(word)\""
        }
    }

    /// How often the clause occurs among an article's index tokens, as FTS5 counts phrase hits
    /// (the term frequency of bm25).
    package func frequency(in tokens: [Substring]) -> Int {
        switch self {
        case .word(let word):
            return tokens.count { $0 == word }
        case .prefix(let han):
            return tokens.count { $0.hasPrefix(han) }
        case .phrase(let pairs):
            guard pairs.count <= tokens.count else { return 0 }
            var n = 0
            for start in 0...(tokens.count - pairs.count) where tokens[start] == pairs[0] {
                if (1..<pairs.count).allSatisfy({ tokens[start + $0] == pairs[$0] }) { n += 1 }
            }
            return n
        }
    }
}

extension SearchTokens {
    /// The clauses of a user query: every whitespace-separated term's Han runs and words.
    package static func clauses(_ query: String) -> [SearchClause] {
        query.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" }).flatMap { clauses(ofTerm: String($0)) }
    }

    /// Clauses for one query term: Han runs become phrases of pairs, Latin words stay words.
    static func clauses(ofTerm term: String) -> [SearchClause] {
        var clauses: [SearchClause] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count == 1 {
                clauses.append(.prefix(String(Character(han[0]))))
            } else if han.count > 1 {
                clauses.append(.phrase((0..<(han.count - 1)).map { i in String(String.UnicodeScalarView([han[i], han[i + 1]])) }))
            }
            han.removeAll()
        }
        func flushWord() {
            if !word.isEmpty { clauses.append(.word(String(word).lowercased())) }
            word = String.UnicodeScalarView()
        }
        for scalar in term.unicodeScalars {
            if CharacterClass.isUnspaced(scalar) {
                flushWord(); han.append(scalar)
            } else if isWordScalar(scalar) {
                flushHan(); word.append(scalar)
            } else {
                flushHan(); flushWord()
            }
        }
        flushHan(); flushWord()
        return clauses
    }
}
