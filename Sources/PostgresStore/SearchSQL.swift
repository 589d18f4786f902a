import Store

/// bm25 as `SearchRank.Scorer` computes it, in SQL over the `article_chunk` tsvectors: what
/// `PostgresStore.rank` runs so that only the best articles of a query leave the server.
///
/// A clause's frequency in an article is counted from the positions of its tokens in the article's
/// tsvector (one chunk: chunked articles overlap, and are counted from their text by the caller):
///
/// - a word, or a phrase of one pair: the positions of that lexeme;
/// - a phrase of pairs t0 … tk: the positions p of t0 where each ti is at p + i (overlapping
///   occurrences each count, as FTS5 counts phrase instances: 老老老 holds 老老 twice);
/// - a single character: the positions of every lexeme that starts with it (found by binary
///   search in the tsvector's sorted lexemes).
///
/// The tsvector is first cut down to the query's lexemes (`setweight` marks them, `ts_filter`
/// keeps them), so each article's positions are looked up in a handful of entries, not unnested
/// whole (`OFFSET 0` keeps the planner from inlining it into, and so repeating it in, every
/// lookup). Lexemes compare as bytes, as FTS5 compares tokens. The score then follows
/// `SearchRank.termScore` operation by operation in float8 (IEEE doubles in both places), with the
/// idfs and the average length worked out by the client and written as round-tripping literals,
/// so a score here is the same double as the client's. Only for one clause and no filter is the
/// idf's match count the ranking's own row count, and that idf is computed here with `ln` (the C
/// library's `log`, as Swift's).
enum SearchSQL {
    /// The ranking query: each row an article, its clauses' frequencies (bigint[]), its index tokens
    /// and the number of matches (before the limit), the best `keep` first.
    ///
    /// - condition: the filter's SQL on report `r` and article `a`.
    /// - matching: each clause's matching articles for its idf; nil to count the matches here
    ///   (plus `extraMatches`, the chunked articles counted by the caller).
    static func ranking(_ clauses: [SearchClause], queries: [String], condition: String, documents: Int,
                        averageLength: Double, matching: [Int]?, extraMatches: Int, keep: Int,
                        bind: (String) -> String) -> String {
        let all = bind(queries.joined(separator: " & "))
        var lexemes: [String: String] = [:]   // lexeme → its placeholder
        var lexemeOrder: [String] = []
        func lexeme(_ token: String) -> String {
            if let p = lexemes[token] { return p }
            let p = bind(token)
            lexemes[token] = p
            lexemeOrder.append(p)
            return p
        }
        func positions(_ token: String) -> String {
            "(SELECT positions FROM unnest(w.v) WHERE lexeme = \(lexeme(token)))"
        }
        var prefixes: [(String, String)] = []   // placeholders of a character and of its successor
        let frequencies = clauses.map { clause -> String in
            switch clause {
            case .word(let word):
                return "COALESCE(cardinality(\(positions(word))), 0)"
            case .phrase(let pairs) where pairs.count == 1:
                return "COALESCE(cardinality(\(positions(pairs[0]))), 0)"
            case .phrase(let pairs):
                let rest = pairs.indices.dropFirst().map { "p.n + \($0) = ANY(\(positions(pairs[$0]))::smallint[])" }.joined(separator: " AND ")
                return "(SELECT count(*) FROM unnest(\(positions(pairs[0]))) AS p(n) WHERE \(rest))"
            case .prefix(let han):
                let p = bind(han)
                prefixes.append((p, bind(successor(han))))
                return "(SELECT COALESCE(sum(cardinality(positions)), 0) FROM unnest(w.v) WHERE starts_with(lexeme, \(p)))"
            }
        }
        var kept = "ARRAY[\(lexemeOrder.joined(separator: ", "))]::text[]"
        // A character's lexemes: the slice of the tsvector's sorted lexemes from the first at or past
        // it to the last before its successor, found by binary search (`width_bucket` counts the
        // elements at or below its operand) in byte order, the tsvector's.
        var arrays = ""
        for (p, next) in prefixes {
            let below = "width_bucket(\(p) COLLATE \"C\", x.l)", belowNext = "width_bucket(\(next) COLLATE \"C\", x.l)"
            kept += " || x.l[\(below) + 1 - COALESCE((x.l[\(below)] = \(p))::int, 0) : \(belowNext) - COALESCE((x.l[\(belowNext)] = \(next))::int, 0)]"
        }
        if !prefixes.isEmpty { arrays = "CROSS JOIN LATERAL (SELECT tsvector_to_array(c.tsv) AS l OFFSET 0) x\n" }
        let idfs: [String] = clauses.indices.map { i in
            if let matching {
                return literal(SearchRank.idf(documents: documents, matching: matching[i]))
            }
            return "(1 + ln((\(documents)::float8 + 1) / ((t.total + \(extraMatches))::float8 + 0.5)))"
        }
        // SearchRank.termScore: idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / max(1, avgdl))).
        let k1 = literal(SearchRank.k1), b = literal(SearchRank.b), average = literal(max(1, averageLength))
        let score = clauses.indices.map { i in
            let f = "t.f[\(i + 1)]::float8"
            return "(\(idfs[i]) * \(f) * (\(k1) + 1) / (\(f) + \(k1) * (1 - \(b) + \(b) * t.tokens::float8 / \(average))))"
        }.joined(separator: " + ")
        return """
            SELECT t.article, t.f, t.tokens, t.total FROM (
              SELECT s.article, s.f, s.tokens, count(*) OVER () AS total FROM (
                SELECT c.article, a.tokens, ARRAY[\(frequencies.joined(separator: ", "))]::bigint[] AS f
                FROM article_chunk c JOIN article a ON a.id = c.article JOIN report r ON r.id = a.report_id
                \(arrays)CROSS JOIN LATERAL (SELECT ts_filter(setweight(c.tsv, 'A', \(kept)), '{a}') AS v OFFSET 0) w
                WHERE NOT c.chunked AND c.tsv @@ \(all)::tsquery AND \(condition)
              ) s
            ) t ORDER BY \(score) DESC, t.article LIMIT \(keep)
            """
    }

    /// The character after `han` in code point order: every string that starts with `han` sorts
    /// (as UTF-8 bytes) below it and at or above `han`.
    static func successor(_ han: String) -> String {
        let value = han.unicodeScalars.first.map { $0.value + 1 } ?? 0
        return String(Unicode.Scalar(value) ?? Unicode.Scalar(0xE000)!)   // past the surrogates: U+E000
    }

    /// A float8 literal that reads back as exactly `value` (Swift prints the shortest such digits).
    static func literal(_ value: Double) -> String { "\(value)::float8" }
}
