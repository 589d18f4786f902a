import ChineseScript
import Foundation
import PostgresNIO
import ReportModel
import Store

extension PostgresStore {
    public func search(_ query: String, filter: ReportFilter) throws -> (total: Int, hits: [SearchHit]) {
        // Folded as SQLiteStore folds it: the index holds simplified, width-folded text.
        let query = SearchTokens.foldingWidth(SimplifiedChinese.folded(query))
        let clauses = SearchTokens.clauses(query)
        guard !clauses.isEmpty else { return (0, []) }
        let terms = SearchTokens.highlightTerms(query)
        let queries = clauses.map(SearchVector.query)
        guard queries.allSatisfy({ $0 != nil }) else { return (0, []) }
        let hotKey = filter.isUnfiltered && filter.offset + filter.limit <= hot.capacity ? SharedHotLists.key(for: terms) : nil
        return try run { session in
            if let hotKey, let served = try hot.search(hotKey, terms: terms, filter: filter, store: self, in: session) {
                return served
            }
            let ranked = try rank(clauses, queries: queries.map { $0! }, filter: filter, keep: filter.offset + filter.limit, in: session)
            let page = Array(ranked.candidates.dropFirst(filter.offset).prefix(filter.limit))
            let hits = try self.hits(page.map { ($0.article, $0.score) }, terms: terms, in: session)
            if let hotKey, ranked.total >= hot.threshold {
                // Frequent from now on: keep its best candidates, so later searches need not rank them all.
                // Built on a thread of its own: the build ranks again under the lock that ingest takes
                // shared, and this search has its answer already. A failed build is asked for again by
                // the next such search.
                hotBuilds.request(hotKey) { [self] in
                    _ = try? run { session in try hot.build(hotKey, store: self, in: session) }
                }
            }
            return (ranked.total, hits)
        }
    }

    /// The `keep` best articles matching all clauses (and the filter), scored with bm25 as SQLite's
    /// search scores them, best first; and how many match.
    ///
    /// Not `ts_rank` (200–300 ms for a top-20 over a large set, and another order than SQLite's):
    /// each clause's frequency in an article is counted in the server from the positions of its
    /// tsvector (`SearchSQL`), bm25 is summed there on the collection's statistics (article count,
    /// average length, articles matching each clause) with the constants and the order of operations
    /// of `SearchRank.Scorer`, and only the best `keep` come back; the client scores those again
    /// with `SearchRank.Scorer` itself, so both stores return the same hits with the same scores.
    /// Articles in several chunks (over 16,383 tokens, or a token more than 255 times: rare) are
    /// counted here from their text, as the chunks overlap. Frequent unfiltered queries are served
    /// from the hot lists instead.
    func rank(_ clauses: [SearchClause], queries: [String], filter: ReportFilter, keep: Int,
              in session: PostgresSession) throws -> (candidates: [Scored], total: Int) {
        let totals = try self.totals(in: session)
        let documents = totals["articles"] ?? 0, tokens = totals["tokens"] ?? 0
        let collapse = filter.collapse ? " AND a.reprint_of IS NULL" : ""

        // Chunked articles: their frequencies from their text.
        var condition = FilterSQL(filter)
        let chunkedMatches = Self.chunkedMatches(queries, bind: { condition.bind($0) })
        var lengths: [Int64: Int] = [:]
        for row in try session.query(condition.query("""
            SELECT a.id, a.tokens FROM (\(chunkedMatches)) m JOIN article a ON a.id = m.article JOIN report r ON r.id = a.report_id WHERE
            """, collapse)) {
            let (id, length) = try row.decode((Int64, Int).self)
            lengths[id] = length
        }
        let chunked = try indexedTexts(Array(lengths.keys), in: session).map { id, text in
            let tokens = SearchTokens.indexText(text).split(separator: " ")
            return (article: id, frequencies: clauses.map { $0.frequency(in: tokens) }, length: lengths[id] ?? 0)
        }

        // Articles matching each clause in the whole collection, as the idf counts them; for one
        // clause and no filter, the matches themselves, counted by the ranking query.
        let clauseCounts: [Int]?
        if clauses.count == 1 && filter.isUnfiltered {
            clauseCounts = nil
        } else {
            clauseCounts = try queries.map { q in
                try session.query("SELECT count(DISTINCT article) FROM article_chunk WHERE tsv @@ \(q)::tsquery").first
                    .map { Int(try $0.decode(Int64.self)) } ?? 0
            }
        }
        let averageLength = documents > 0 ? Double(tokens) / Double(documents) : 1
        var ranking = FilterSQL(filter)
        let sql = SearchSQL.ranking(clauses, queries: queries, condition: ranking.condition + collapse, documents: documents,
                                    averageLength: averageLength, matching: clauseCounts, extraMatches: chunked.count,
                                    keep: max(1, keep), bind: { ranking.bind($0) })
        var total = chunked.count
        var candidates = chunked
        for row in try session.query(ranking.query(sql)) {
            let (id, frequencies, length, matches) = try row.decode((Int64, [Int64], Int, Int64).self)
            candidates.append((id, frequencies.map { Int($0) }, length))
            total = Int(matches) + chunked.count
        }
        let scoring = SearchRank.Scorer(documents: documents, tokens: tokens, matching: clauseCounts ?? [total])
        let scored = candidates.map {
            Scored(article: $0.article, score: scoring.score(frequencies: $0.frequencies, length: $0.length), frequencies: $0.frequencies, length: $0.length)
        }
        return (Array(scored.sorted(by: Scored.better).prefix(keep)), total)
    }

    /// SQL for the ids of the chunked articles (several overlapping chunks) matching every clause:
    /// each clause matches one of its chunks. (An article in one chunk matches when its chunk
    /// matches them all: `SearchSQL.ranking`.)
    static func chunkedMatches(_ queries: [String], bind: (String) -> String) -> String {
        if queries.count == 1 {
            return "SELECT DISTINCT article FROM article_chunk WHERE chunked AND tsv @@ \(bind(queries[0]))::tsquery"
        }
        let any = bind(queries.joined(separator: " | "))
        let each = queries.map { "bool_or(tsv @@ \(bind($0))::tsquery)" }.joined(separator: " AND ")
        return "SELECT article FROM article_chunk WHERE chunked AND tsv @@ \(any)::tsquery GROUP BY article HAVING \(each)"
    }

    /// The searchable text of each article (title, author, body: what its index tokens are made
    /// from), by id.
    func indexedTexts(_ articles: [Int64], in session: PostgresSession) throws -> [Int64: String] {
        guard !articles.isEmpty else { return [:] }
        var texts: [Int64: String] = [:]
        for row in try session.query("SELECT a.id, a.title, a.author, a.body FROM article a WHERE a.id = ANY(\(articles))") {
            let (id, title, author, body) = try row.decode((Int64, String?, String?, Data).self)
            texts[id] = SQLiteStore.indexedText(title: title, author: author, body: PackedReport.unpackText(body))
        }
        return texts
    }

    /// The hits of a page of scored articles, in the page's order.
    func hits(_ page: [(article: Int64, score: Double)], terms: [String], in session: PostgresSession) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        var rows: [Int64: SearchHit] = [:]
        let scores = Dictionary(page.map { ($0.article, $0.score) }, uniquingKeysWith: { a, _ in a })
        for row in try session.query("""
            SELECT a.id, a.report_id, a.idx, a.title, a.author, a.body, a.themes, a.themes_by
            FROM article a WHERE a.id = ANY(\(page.map(\.article)))
            """) {
            let (id, report, index, title, author, body, themes, themesBy) =
                try row.decode((Int64, String, Int, String?, String?, Data, String, String).self)
            let text = PackedReport.unpackText(body)
            // An untitled article's hit has no title: the page's headline belongs to its first article.
            rows[id] = SearchHit(report: report, article: index, title: title, score: scores[id] ?? 0,
                                 snippet: SQLiteStore.snippet(body: text, heading: [title, author].compactMap { $0 }.joined(separator: "　"), terms: terms),
                                 themes: SQLiteStore.themes(fromSummary: themes), themesBy: ThemeProvenance(rawValue: themesBy) ?? .classifier)
        }
        return page.compactMap { rows[$0.article] }
    }
}

/// An article and its bm25 score.
struct Scored {
    var article: Int64
    var score: Double
    /// Each clause's frequency and the article's length (what a hot list keeps).
    var frequencies: [Int] = []
    var length = 0

    /// Best first; equal scores in article order, so every host pages alike.
    static func better(_ a: Scored, _ b: Scored) -> Bool {
        a.score > b.score || (a.score == b.score && a.article < b.article)
    }
}
