import Foundation
import GRDB
import Characters

/// Ranked candidate lists for frequent Chinese queries, so that a top-20 search at 100,000 reports
/// does not have to score every matching article.
///
/// SQLite's FTS5 ranks by scoring every row that matches: fine for rare terms, but a
/// common term such as 社区 matches nearly every article. So the first time a Chinese query (terms
/// of Han characters only, no filters) matches more than `threshold` articles, its best `capacity`
/// articles are kept (in memory, and in `hot_posting` for restarts) with their term frequencies and
/// length. Every article ingested afterwards is checked against each kept query (on the analysis
/// threads, by `ReportStore.prepare`; the writer looks again only if a list came or went meanwhile),
/// and replaces the list's weakest article when it scores higher on today's statistics. A later search scores the
/// list on the current statistics with the formula the full-text path uses (`SearchRank`; the tests check
/// the scores agree) and returns the requested page without touching the full-text index.
/// Match counts are kept per query, so `total` needs no scan either. Filtered searches and pages
/// deeper than `capacity` are ranked by FTS5 as before.
package final class HotLists: @unchecked Sendable {
    /// Articles kept per query: the deepest page (offset + limit) a list can answer.
    let capacity: Int
    /// Queries matching fewer articles are ranked by FTS5 directly (fast enough).
    let threshold: Int
    /// Queries kept at most; the one used longest ago makes room.
    let maxQueries: Int

    init(capacity: Int = 200, threshold: Int = 500, maxQueries: Int = 1024) {
        self.capacity = capacity
        self.threshold = threshold
        self.maxQueries = maxQueries
    }

    /// One kept article: enough to score it again as the statistics change.
    struct Posting {
        var article: Int64
        var frequencies: [Int]
        var length: Int
    }

    struct Entry {
        /// The query's terms, each a run of Han characters.
        var phrases: [[Unicode.Scalar]]
        /// Each term as a key of its own (whose list, if any, counts the term's matches).
        var terms: [String]
        /// Articles matching every term.
        var count: Int
        /// The best articles seen, at most `capacity`.
        var postings: [Posting]
        /// The list's weakest posting and the article count when it was found: new articles are
        /// compared with it (on current statistics), and it is looked for again only when the list
        /// changes or the collection has grown by 1% since.
        var floor: (index: Int, documents: Int)?

        /// Counts a matching article and keeps it if there is room or it beats the weakest posting:
        /// nil when it is not kept, `.some(nil)` when it was added, `.some(article)` for the one it replaced.
        mutating func admit(_ posting: Posting, capacity: Int, documents: Int, score: (Posting) -> Double) -> Int64?? {
            count += 1
            if postings.count < capacity {
                postings.append(posting)
                floor = nil
                return .some(nil)
            }
            if floor == nil || documents - floor!.documents > documents / 100 {
                let scores = postings.map(score)
                floor = (scores.indices.min { scores[$0] < scores[$1] }!, documents)
            }
            let weakest = floor!.index
            guard score(posting) > score(postings[weakest]) else { return .none }
            let old = postings[weakest].article
            postings[weakest] = posting
            floor = nil
            return .some(old)
        }

        init(phrases: [[Unicode.Scalar]], count: Int, postings: [Posting]) {
            self.phrases = phrases
            terms = phrases.map { String(String.UnicodeScalarView($0)) }
            self.count = count
            self.postings = postings
        }
    }

    /// The lists and the statistics they are scored on.
    struct State {
        var entries: [String: Entry] = [:]
        /// The kept queries and their terms, as `add` walks them for every article (rebuilt when a list comes or goes).
        var keyList: [(key: String, phrases: [[Unicode.Scalar]])]?
        /// Changes whenever a list comes or goes, so matches found off the writer can be trusted or redone.
        var generation = 0
        var documents = 0
        var tokens = 0

        mutating func keys() -> [(key: String, phrases: [[Unicode.Scalar]])] {
            if keyList == nil { keyList = entries.map { ($0.key, $0.value.phrases) } }
            return keyList!
        }

        /// A list came or went: `generation` is a new number from `HotLists.keyClock`, never one
        /// another copy of the lists used for a different set.
        mutating func forgetKeys(generation: Int) {
            keyList = nil
            self.generation = generation
        }

        /// Articles matching each term of `key`: the counts of its single terms' lists, else the key's own.
        func termCounts(_ key: String) -> [Int] {
            guard let entry = entries[key] else { return HotLists.phrases(of: key).map { _ in 1 } }
            return termCounts(entry)
        }

        func termCounts(_ entry: Entry) -> [Int] {
            entry.terms.count == 1 ? [entry.count] : entry.terms.map { entries[$0]?.count ?? entry.count }
        }

        var statistics: Statistics { Statistics(documents: documents, tokens: tokens) }
    }

    /// The collection statistics a posting is scored on (copied apart from the lists, which a score
    /// holding them would make copy themselves on the writer's next change).
    struct Statistics {
        var documents: Int
        var tokens: Int

        /// The article's score for a query (`SearchRank`: the sum over its terms).
        func score(_ posting: Posting, counts: [Int]) -> Double {
            let average = documents > 0 ? Double(tokens) / Double(documents) : 1
            var sum = 0.0
            for (tf, matching) in zip(posting.frequencies, counts) {
                sum += SearchRank.termScore(frequency: Double(tf), idf: SearchRank.idf(documents: documents, matching: matching),
                                            length: Double(posting.length), averageLength: average)
            }
            return sum
        }
    }

    private let lock = NSLock()
    /// The lists as of the last commit: what searches and the analysis threads read, under `lock`
    /// only long enough to copy what they need.
    private var published = State()
    /// The database `generation` that `published` mirrors (the last commit's, or the load's). Under `lock`.
    private var publishedAt = -1
    /// Lists built from a snapshot of `publishedAt` and installed beside the writer (`build`), not
    /// yet in the writer's copy or in the file. A commit makes them stale (its articles were not
    /// matched against them) unless the writer took them in first. Under `lock`.
    private var installed: [String: (entry: Entry, match: String)] = [:]
    /// Keys whose lists a search is building now, so that others do not build them too. Under `lock`.
    private var building: Set<String> = []
    /// Numbers the key sets of `published` and the writer's copy, so that matches found for one set
    /// are never taken for another's. Under `lock`.
    private var keyClock = 0
    /// The writer's copy while a write transaction is open (`begin`): published when it commits,
    /// dropped when it rolls back. The writer never holds `lock` while it works, so a search never
    /// waits for the commit thread, which runs at low priority (holding `lock` for each article it
    /// added, it kept searches waiting up to 3.5 ms under ingest).
    private var pending: State?
    /// The database generation the writer's transaction will commit.
    private var pendingAt = -1
    /// The installed lists the writer's transaction took in and saves. Writer only.
    private var adopted: [String: (entry: Entry, match: String)] = [:]
    /// Match counts changed in the current write transaction, saved by `flush`. Writer only.
    private var changedCounts: Set<String> = []
    /// When a search last used each list (a counter), for eviction. Under `lock`.
    private var lastUsed: [String: UInt64] = [:]
    private var clock: UInt64 = 0

    // MARK: transactions

    /// A write transaction that will commit database generation `generation` begins: the writer
    /// works on a copy of the published lists from now on, and saves the lists installed since the
    /// last commit (they are in the copy, and current: nothing committed since their snapshot).
    func begin(at generation: Int, in db: Database) throws {
        (pending, adopted) = lock.withLock {
            defer { installed = [:] }
            return (published, installed)
        }
        pendingAt = generation
        changedCounts = []
        for (key, item) in adopted { try keep(key, item.entry, in: db) }
    }

    /// The transaction's work is done: lists installed while it was open are ranked again with
    /// its articles and kept, then the match counts are saved. Call last in every write transaction.
    func finish(in db: Database) throws {
        let late = lock.withLock { installed }
        for (key, item) in late where !writerHas(key) {
            try keep(key, rank(key, phrases: item.entry.phrases, match: item.match, in: db), in: db)
        }
        try flush(in: db)
    }

    /// The transaction committed: searches see what it did. Lists installed after `finish` missed
    /// its articles, so they go (the next search that finds them frequent builds them again).
    func commit() {
        guard let done = pending else { return }
        lock.withLock {
            published = done
            publishedAt = pendingAt
            installed = [:]
        }
        pending = nil
        adopted = [:]
    }

    /// The transaction rolled back: what it did to the lists goes with it, and the lists it took
    /// from `installed` wait for the next one (still current: nothing committed).
    func rollBack() {
        pending = nil
        changedCounts = []
        lock.withLock {
            for (key, item) in adopted where published.entries[key] != nil { installed[key] = installed[key] ?? item }
        }
        adopted = [:]
    }

    /// The writer's copy. Every caller runs inside a write transaction (`SQLiteStore.writeCounted`
    /// calls `begin`); outside one there is no copy to change.
    private func withWriterState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        precondition(pending != nil, "hot lists changed outside a write transaction")
        return try body(&pending!)
    }

    /// Loads the kept lists and the collection statistics.
    func load(_ db: Database) throws {
        var loaded: [String: Entry] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, count FROM hot_key") {
            let key: String = row[0]
            loaded[key] = Entry(phrases: Self.phrases(of: key), count: row[1], postings: [])
        }
        for row in try Row.fetchAll(db, sql: "SELECT key, article, tfs, length FROM hot_posting") {
            let key: String = row[0]
            loaded[key]?.postings.append(Posting(article: row[1], frequencies: Self.frequencies(from: row[2]), length: row[3]))
        }
        let totals = try Counters.load(db)
        var state = State()
        state.entries = loaded
        state.documents = totals["articles"] ?? 0
        state.tokens = totals["tokens"] ?? 0
        let generation = try SQLiteStore.generation(db)
        lock.withLock {
            // Lists installed since the last commit are still current if nothing committed since
            // (a reload after a rolled-back write); otherwise another writer's commit made them stale.
            if generation != publishedAt { installed = [:] }
            for (key, item) in installed { state.entries[key] = item.entry }
            keyClock += 1
            state.generation = keyClock
            published = state
            publishedAt = generation
        }
        if pending != nil { pending = state }
    }

    static func frequencies(from text: String) -> [Int] { text.split(separator: ",").compactMap { Int($0) } }

    /// The list key of a query whose terms are all Han runs, else nil.
    static func key(for terms: [String]) -> String? {
        guard !terms.isEmpty, terms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(CharacterClass.isUnspaced) }) else { return nil }
        return terms.joined(separator: " ")
    }

    static func phrases(of key: String) -> [[Unicode.Scalar]] {
        key.split(separator: " ").map { Array($0.unicodeScalars) }
    }

    func isHot(_ key: String) -> Bool { lock.withLock { published.entries[key] != nil } }

    /// Whether the writer's lists (inside a transaction) hold `key`.
    private func writerHas(_ key: String) -> Bool { withWriterState { $0.entries[key] != nil } }

    // MARK: scoring

    /// How often each term occurs in `text` (overlapping matches, as FTS5 counts phrase hits).
    static func frequencies(of phrases: [[Unicode.Scalar]], in text: [Unicode.Scalar]) -> [Int] {
        frequencies(of: phrases, in: text, positions: hanPositions(text))
    }

    /// Where each Han character of `text` stands (the terms of kept queries are Han runs).
    static func hanPositions(_ text: [Unicode.Scalar]) -> [Unicode.Scalar: [Int]] {
        var positions: [Unicode.Scalar: [Int]] = [:]
        for (i, scalar) in text.enumerated() where CharacterClass.isUnspaced(scalar) { positions[scalar, default: []].append(i) }
        return positions
    }

    // MARK: reading

    struct Candidate {
        var article: Int64
        var score: Double
    }

    /// The list's articles scored on current statistics, best first; nil when the query has no list.
    func ranked(_ key: String) -> (total: Int, candidates: [Candidate])? {
        let copied: (entry: Entry, counts: [Int], statistics: Statistics)? = lock.withLock {
            guard let entry = published.entries[key] else { return nil }
            clock += 1
            lastUsed[key] = clock
            return (entry, published.termCounts(entry), published.statistics)
        }
        guard let (entry, counts, statistics) = copied else { return nil }
        let candidates = entry.postings.map { Candidate(article: $0.article, score: statistics.score($0, counts: counts)) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.article < $1.article) }
        return (entry.count, candidates)
    }

    // MARK: writing (inside the writer's transaction)

    /// Builds the list for `key` (and for each of its terms, whose counts score it) in `db`, a read
    /// snapshot of the committed database whose `count` articles match `key`, and installs it for
    /// searches at once: no writer needed, so a commit in progress does not hold the list back. False
    /// when another search is building it, or a commit came in between (the caller answers from the
    /// full-text index; a later search builds it).
    func build(_ key: String, match: String, count: Int, in db: Database) throws -> Bool {
        let claimed = lock.withLock { published.entries[key] == nil && building.insert(key).inserted }
        guard claimed else { return false }
        defer { _ = lock.withLock { building.remove(key) } }
        let generation = try SQLiteStore.generation(db)
        var lists: [(key: String, entry: Entry, match: String)] = []
        for (term, termMatch) in Self.listsFor(key, match: match) where !isHot(term) {
            let known = term == key ? count : nil
            lists.append((term, try rank(term, phrases: Self.phrases(of: term), match: termMatch, count: known, in: db), termMatch))
        }
        return lock.withLock {
            guard publishedAt == generation else { return false }
            for list in lists where published.entries[list.key] == nil {
                published.entries[list.key] = list.entry
                installed[list.key] = (list.entry, list.match)
                clock += 1
                lastUsed[list.key] = clock
            }
            keyClock += 1
            published.forgetKeys(generation: keyClock)
            return true
        }
    }

    /// A query's terms first (a list's score needs each term's count), then the query itself.
    static func listsFor(_ key: String, match: String) -> [(key: String, match: String)] {
        let phrases = phrases(of: key)
        guard phrases.count > 1 else { return [(key, match)] }
        let terms = phrases.map { String(String.UnicodeScalarView($0)) }
        return terms.map { ($0, SearchTokens.matchExpression($0) ?? $0) } + [(key, match)]
    }

    /// Articles matching `match` in the full-text index (a list's `count`).
    static func matchCount(_ match: String, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [match]) ?? 0
    }

    /// A new list: the articles FTS5 ranks best for `match` as `db` sees them, with each term's
    /// occurrences as FTS5 counts them (no article text is read), and its match count.
    func rank(_ key: String, phrases: [[Unicode.Scalar]], match: String, count: Int? = nil, in db: Database) throws -> Entry {
        let count = try count ?? Self.matchCount(match, in: db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.rowid, \(SearchRank.frequenciesFunctionName)(article_fts), a.tokens FROM article_fts JOIN article a ON a.rowid = article_fts.rowid
            WHERE article_fts MATCH ? ORDER BY \(SearchRank.functionName)(article_fts) DESC, a.rowid LIMIT ?
            """, arguments: [match, capacity])
        let postings = rows.map { row in Posting(article: row[0], frequencies: Self.frequencies(from: row[1]), length: row[2]) }
        return Entry(phrases: phrases, count: count, postings: postings)
    }

    /// Puts a list into the writer's copy and the file (writer only), evicting the list used longest
    /// ago when there are more than `maxQueries`.
    private func keep(_ key: String, _ entry: Entry, in db: Database) throws {
        let (used, keyGeneration) = lock.withLock { () -> ([String: UInt64], Int) in
            keyClock += 1
            return (lastUsed, keyClock)
        }
        let victim: String? = withWriterState { state in
            state.entries[key] = entry
            state.forgetKeys(generation: keyGeneration)
            guard state.entries.count > maxQueries else { return nil }
            let oldest = state.entries.keys.filter { $0 != key }.min { used[$0] ?? 0 < used[$1] ?? 0 }!
            state.entries[oldest] = nil
            return oldest
        }
        if let victim {
            try db.execute(sql: "DELETE FROM hot_posting WHERE key = ?", arguments: [victim])
            try db.execute(sql: "DELETE FROM hot_key WHERE key = ?", arguments: [victim])
        }
        try db.execute(sql: "DELETE FROM hot_posting WHERE key = ?", arguments: [key])
        try db.execute(sql: "INSERT OR REPLACE INTO hot_key (key, count) VALUES (?, ?)", arguments: [key, entry.count])
        for posting in entry.postings { try insert(posting, key: key, in: db) }
    }

    func insert(_ posting: Posting, key: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO hot_posting (key, article, tfs, length) VALUES (?, ?, ?, ?)",
                       arguments: [key, posting.article, posting.frequencies.map(String.init).joined(separator: ","), posting.length])
    }

    /// Counts a new article into the statistics and into every list whose query it matches: it
    /// replaces a list's weakest article (scored on today's statistics) when it scores higher.
    /// The lists' match counts are saved once per transaction, by `flush`.
    func add(article: Int64, text: () -> String, length: Int, matched: Matches? = nil, in db: Database) throws {
        let (keys, current) = withWriterState { state in
            state.documents += 1
            state.tokens += length
            return (state.keys(), state.generation)
        }
        guard !keys.isEmpty else { return }
        let found = matched?.generation == current ? matched!.found : Self.matches(of: keys, in: text())
        for (key, frequencies) in found {
            let posting = Posting(article: article, frequencies: frequencies, length: length)
            let replaced: Int64?? = withWriterState { state in
                guard state.entries[key] != nil else { return .none }
                let counts = state.termCounts(key)   // no copy of the entry outlives this line
                changedCounts.insert(key)
                let statistics = state.statistics
                // Mutated in place: a copy of the entry would copy its postings for every article.
                return state.entries[key]!.admit(posting, capacity: capacity, documents: state.documents) { statistics.score($0, counts: counts) }
            }
            guard let replaced else { continue }
            if let old = replaced {
                try db.execute(sql: "DELETE FROM hot_posting WHERE key = ? AND article = ?", arguments: [key, old])
            }
            try insert(posting, key: key, in: db)
        }
    }

    /// The kept queries an article's text matches, with each term's frequency, found before the write
    /// transaction (on the analysis threads) for the lists kept at `generation`.
    struct Matches: Sendable {
        var generation: Int
        var found: [(key: String, frequencies: [Int])]
    }

    /// Matches for `text` against the lists kept now (the text is only made when there are lists).
    func matches(in text: () -> String) -> Matches {
        let (keys, current) = lock.withLock { (published.keys(), published.generation) }
        return Matches(generation: current, found: keys.isEmpty ? [] : Self.matches(of: keys, in: text()))
    }

    static func matches(of keys: [(key: String, phrases: [[Unicode.Scalar]])], in text: String) -> [(key: String, frequencies: [Int])] {
        let scalars = Array(text.unicodeScalars)
        let positions = hanPositions(scalars)
        var found: [(key: String, frequencies: [Int])] = []
        for (key, phrases) in keys where phrases.allSatisfy({ $0.allSatisfy { positions[$0] != nil } }) {
            let frequencies = frequencies(of: phrases, in: scalars, positions: positions)
            if frequencies.allSatisfy({ $0 > 0 }) { found.append((key, frequencies)) }
        }
        return found
    }

    /// How often each phrase occurs, from where each of the text's Han characters stands.
    static func frequencies(of phrases: [[Unicode.Scalar]], in text: [Unicode.Scalar], positions: [Unicode.Scalar: [Int]]) -> [Int] {
        phrases.map { phrase in
            guard let first = phrase.first, let starts = positions[first] else { return 0 }
            return starts.count { start in
                start + phrase.count <= text.count && (1..<phrase.count).allSatisfy { text[start + $0] == phrase[$0] }
            }
        }
    }

    /// Saves the match counts that `add` changed (at the end of the write transaction, by `finish`).
    private func flush(in db: Database) throws {
        let counts: [(String, Int)] = withWriterState { state in
            changedCounts.compactMap { key in state.entries[key].map { (key, $0.count) } }
        }
        changedCounts = []
        let update = try db.cachedStatement(sql: "UPDATE hot_key SET count = ? WHERE key = ?")
        for (key, count) in counts { try update.execute(arguments: [count, key]) }
    }
}
