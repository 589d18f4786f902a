import Characters
import Foundation
import PostgresNIO
import ReportModel
import Store

/// Ranked candidate lists of frequent Chinese queries, kept in the shared database, so a top-20
/// search for a common term reads a few hundred rows instead of scoring every match — on every host.
///
/// The same idea as SQLite's `HotLists`: the first time an unfiltered query of Han terms matches
/// `threshold` articles or more, its `capacity` best articles (bm25, as SQLite's search scores) and its match
/// count are kept; each article stored afterwards that matches the query is counted, and kept if it
/// beats the weakest kept article on today's statistics. A search scores the kept articles again on
/// current statistics and pages through them.
///
/// Across hosts: each host keeps its own list and count rows for the articles it stores (nobody else
/// writes them, so hosts never wait for each other), and a search reads every host's rows: the best
/// articles of the collection are among the best of each host. A list is built under an exclusive
/// advisory lock, and every ingest transaction holds the same lock shared: a build sees every
/// committed article and no ingest commits unseen beside it, so counts stay exact.
final class SharedHotLists: Sendable {
    /// Articles kept per query and host: the deepest page (offset + limit) a list answers.
    let capacity: Int
    /// Queries matching fewer articles are ranked directly (fast enough).
    let threshold: Int
    /// Lists kept at most; past it, further queries are ranked directly.
    let maxQueries = 1024

    /// The advisory lock between building a list (exclusive) and ingesting (shared): "renewhot".
    static let lock: Int64 = 0x72656E6577686F74

    init(capacity: Int, threshold: Int) {
        self.capacity = capacity
        self.threshold = threshold
    }

    /// The list key of a query whose terms are all Han runs, else nil.
    static func key(for terms: [String]) -> String? {
        guard !terms.isEmpty, terms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(CharacterClass.isUnspaced) }) else { return nil }
        return terms.joined(separator: " ")
    }

    /// Match counts of `keys` that have lists (every host's rows summed).
    func listCounts(_ keys: [String], in session: PostgresSession) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try session.query("""
            SELECT k.key, COALESCE((SELECT sum(c.count) FROM hot_count c WHERE c.key = k.key), 0)::bigint FROM hot_key k WHERE k.key = ANY(\(keys))
            """) {
            let (key, count) = try row.decode((String, Int64).self)
            counts[key] = Int(count)
        }
        return counts
    }

    /// Each term's match count for scoring: its own list's count, else the whole key's (as `HotLists`).
    static func termCounts(_ key: String, counts: [String: Int]) -> [Int] {
        let terms = key.split(separator: " ").map(String.init)
        let own = counts[key] ?? 1
        return terms.count == 1 ? [own] : terms.map { counts[$0] ?? own }
    }

    // MARK: reading

    /// A search answered from the list of `key`; nil when the query has no list.
    func search(_ key: String, terms: [String], filter: ReportFilter, store: PostgresStore,
                in session: PostgresSession) throws -> (total: Int, hits: [SearchHit])? {
        let termKeys = key.contains(" ") ? key.split(separator: " ").map(String.init) : []
        let counts = try listCounts([key] + termKeys, in: session)
        guard let total = counts[key] else { return nil }
        var postings: [Int64: (frequencies: [Int], length: Int)] = [:]
        for row in try session.query("SELECT article, tfs, length FROM hot_posting WHERE key = \(key)") {
            let (article, tfs, length) = try row.decode((Int64, String, Int).self)
            postings[article] = (tfs.split(separator: ",").compactMap { Int($0) }, length)
        }
        let totals = try store.totals(in: session)
        let scoring = SearchRank.Scorer(documents: totals["articles"] ?? 0, tokens: totals["tokens"] ?? 0, matching: Self.termCounts(key, counts: counts))
        let ranked = postings.map { Scored(article: $0.key, score: scoring.score(frequencies: $0.value.frequencies, length: $0.value.length)) }
            .sorted(by: Scored.better)
        let page = Array(ranked.dropFirst(filter.offset).prefix(filter.limit))
        return (total, try store.hits(page.map { ($0.article, $0.score) }, terms: terms, in: session))
    }

    // MARK: writing

    /// Starts the list of `key` (and of each of its terms) from every match, in a transaction of its
    /// own under the exclusive lock; does nothing when another host built it meanwhile.
    func build(_ key: String, store: PostgresStore, in session: PostgresSession) throws {
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(\(Self.lock))")
            let existing = try session.query("SELECT count(*) FROM hot_key").first.map { Int(try $0.decode(Int64.self)) } ?? 0
            guard existing < maxQueries else { return }
            if key.contains(" ") {
                for term in key.split(separator: " ") { try buildLocked(String(term), store: store, in: session) }
            }
            try buildLocked(key, store: store, in: session)
        }
    }

    private func buildLocked(_ key: String, store: PostgresStore, in session: PostgresSession) throws {
        guard try session.query("SELECT 1 FROM hot_key WHERE key = \(key)").isEmpty else { return }
        let clauses = SearchTokens.clauses(key)
        let queries = clauses.compactMap(SearchVector.query)
        guard !clauses.isEmpty, queries.count == clauses.count else { return }
        let ranked = try store.rank(clauses, queries: queries, filter: ReportFilter(limit: capacity), keep: capacity, in: session)
        let kept = ranked.candidates
        try session.query("INSERT INTO hot_key (key, built_by) VALUES (\(key), \(store.host))")
        try session.query("INSERT INTO hot_count (key, host, count) VALUES (\(key), \(store.host), \(ranked.total))")
        try insert(kept.map { Posting(article: $0.article, frequencies: $0.frequencies, length: $0.length) }, key: key, host: store.host, in: session)
    }

    struct Posting {
        var article: Int64
        var frequencies: [Int]
        var length: Int
    }

    func insert(_ postings: [Posting], key: String, host: String, in session: PostgresSession) throws {
        guard !postings.isEmpty else { return }
        try session.query("""
            INSERT INTO hot_posting (key, host, article, tfs, length)
            SELECT \(key), \(host), a, t, n FROM unnest(\(postings.map(\.article))::bigint[],
                \(postings.map { $0.frequencies.map(String.init).joined(separator: ",") })::text[], \(postings.map(\.length))::integer[]) AS u(a, t, n)
            ON CONFLICT DO NOTHING
            """)
    }

    /// Takes the lock every ingest transaction holds shared (first, before any row is written).
    static func holdShared(in session: PostgresSession) throws {
        try session.query("SELECT pg_advisory_xact_lock_shared(\(lock))")
    }

    /// Counts the batch's new articles into every list whose query they match, and keeps those that
    /// beat this host's weakest kept article (scored on the statistics as each article arrives).
    func add(_ articles: [StoredArticle], store: PostgresStore, in session: PostgresSession) throws {
        guard !articles.isEmpty else { return }
        let keys = try session.query("SELECT key FROM hot_key").map { try $0.decode(String.self) }
        guard !keys.isEmpty else { return }
        let phrases = keys.map { key in (key, key.split(separator: " ").map { Array($0.unicodeScalars) }) }
        var found: [(article: StoredArticle, key: String, frequencies: [Int])] = []
        for article in articles {
            let text = Array(article.text().unicodeScalars)
            var positions: [Unicode.Scalar: [Int]] = [:]
            for (i, scalar) in text.enumerated() where CharacterClass.isUnspaced(scalar) { positions[scalar, default: []].append(i) }
            for (key, terms) in phrases where terms.allSatisfy({ $0.allSatisfy { positions[$0] != nil } }) {
                let frequencies = terms.map { Self.occurrences(of: $0, in: text, positions: positions) }
                if frequencies.allSatisfy({ $0 > 0 }) { found.append((article, key, frequencies)) }
            }
        }
        guard !found.isEmpty else { return }
        let matchedKeys = Array(Set(found.map(\.key))).sorted()
        let termKeys = Set(matchedKeys.flatMap { $0.contains(" ") ? $0.split(separator: " ").map(String.init) : [] })
        var counts = try listCounts(matchedKeys + termKeys, in: session)
        var lists: [String: [Posting]] = [:]
        for row in try session.query("SELECT key, article, tfs, length FROM hot_posting WHERE host = \(store.host) AND key = ANY(\(matchedKeys))") {
            let (key, article, tfs, length) = try row.decode((String, Int64, String, Int).self)
            lists[key, default: []].append(Posting(article: article, frequencies: tfs.split(separator: ",").compactMap { Int($0) }, length: length))
        }
        let totals = try store.totals(in: session)
        var documents = totals["articles"] ?? 0
        var tokens = totals["tokens"] ?? 0
        var added: [String: Int] = [:]
        var removed: [(key: String, article: Int64)] = []
        var inserted: [String: [Posting]] = [:]
        var seen: Set<Int64> = []
        for (article, key, frequencies) in found {
            if seen.insert(article.rowid).inserted {
                documents += 1
                tokens += article.length
            }
            let scoring = SearchRank.Scorer(documents: documents, tokens: tokens, matching: Self.termCounts(key, counts: counts))
            counts[key, default: 0] += 1
            added[key, default: 0] += 1
            let posting = Posting(article: article.rowid, frequencies: frequencies, length: article.length)
            var list = lists[key] ?? []
            if list.count < capacity {
                list.append(posting)
                inserted[key, default: []].append(posting)
            } else {
                let scores = list.map { scoring.score(frequencies: $0.frequencies, length: $0.length) }
                let weakest = scores.indices.min { scores[$0] < scores[$1] }!
                guard scoring.score(frequencies: posting.frequencies, length: posting.length) > scores[weakest] else { continue }
                let old = list[weakest].article
                list[weakest] = posting
                if let i = inserted[key]?.firstIndex(where: { $0.article == old }) {
                    inserted[key]!.remove(at: i)   // kept and dropped within this batch: never written
                } else {
                    removed.append((key, old))
                }
                inserted[key, default: []].append(posting)
            }
            lists[key] = list
        }
        if !removed.isEmpty {
            try session.query("""
                DELETE FROM hot_posting h USING unnest(\(removed.map(\.key))::text[], \(removed.map(\.article))::bigint[]) AS u(k, a)
                WHERE h.key = u.k AND h.host = \(store.host) AND h.article = u.a
                """)
        }
        for (key, postings) in inserted.sorted(by: { $0.key < $1.key }) { try insert(postings, key: key, host: store.host, in: session) }
        let changed = added.sorted { $0.key < $1.key }
        try session.query("""
            INSERT INTO hot_count (key, host, count) SELECT k, \(store.host), n FROM unnest(\(changed.map(\.key))::text[], \(changed.map(\.value))::bigint[]) AS u(k, n)
            ON CONFLICT (key, host) DO UPDATE SET count = hot_count.count + excluded.count
            """)
    }

    /// How often `phrase` occurs in `text` (overlapping), from where each Han character stands.
    static func occurrences(of phrase: [Unicode.Scalar], in text: [Unicode.Scalar], positions: [Unicode.Scalar: [Int]]) -> Int {
        guard let first = phrase.first, let starts = positions[first] else { return 0 }
        return starts.count { start in
            start + phrase.count <= text.count && (1..<phrase.count).allSatisfy { text[start + $0] == phrase[$0] }
        }
    }
}

/// An article just inserted, as the hot lists look at it.
struct StoredArticle {
    var rowid: Int64
    var length: Int
    /// Its searchable text (made only when there are lists to match).
    var text: () -> String
}
