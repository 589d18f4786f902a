import Foundation
import Logging
import NIOCore
import PostgresNIO
import ReportModel
import Store
import Synchronization

/// The report store on PostgreSQL, for sites where several hosts ingest into one collection.
///
/// Each host keeps its own inbox, archive and failed/, and writes into the shared database: ingest is
/// idempotent by report id (`ON CONFLICT DO NOTHING`), with the full SHA-256 stored so two files whose
/// 16-hex ids collide are refused rather than merged; every report records the host that took it;
/// batches insert in id order, so two hosts storing overlapping batches wait for each other instead of
/// deadlocking; running totals are kept per host, so hosts never contend on a counter.
public final class PostgresStore: ReportStore, @unchecked Sendable {
    let connections: PostgresConnections
    /// This host's name, recorded with every report, drop and failure it stores.
    public let host: String
    /// Ranked candidates of frequent queries, shared by every host (see `PostgresStore+HotLists`).
    let hot: SharedHotLists
    /// The connection that hears other hosts' batches (`SharedEventLog`).
    let listener: EventListener
    /// Hot lists searches asked for, built off the searching thread (as `SQLiteStore` builds them).
    package let hotBuilds = HotListBuilds()
    /// The schema of its own this store was given, if any (tests).
    private let schema: String?
    /// Whether this store has migrated the database: at start, or, when the database was away then,
    /// by the first statement that reaches it.
    private let migrated = Mutex(false)

    /// Connects to the database at `url` and migrates it to the current schema. A database that is
    /// away (not started yet, restarting, unreachable) is not an error here: the store is made, every
    /// call throws `StoreError.unavailable` until the database answers, and the first call that
    /// reaches it migrates it, so a daemon started before its database waits for it instead of
    /// failing to start (and systemd giving up after five quick restarts). A database that answers
    /// and refuses (credentials, a newer schema) is an error at once.
    ///
    /// - Parameters:
    ///   - host: recorded with what this host stores (its hostname by default).
    ///   - schema: a schema of its own instead of `public` (tests give each store an empty one).
    public convenience init(url: PostgresURL, host: String = PostgresStore.hostName(), logger: Logger? = nil) throws {
        try self.init(url: url, host: host, schema: nil, hotCapacity: 200, hotThreshold: 500, logger: logger)
    }

    package init(url: PostgresURL, host: String, schema: String?, hotCapacity: Int, hotThreshold: Int, connections size: Int = 6,
                 logger: Logger? = nil) throws {
        let logger = logger ?? Logger(label: "renewald.postgres")
        self.host = Self.text(host)
        hot = SharedHotLists(capacity: hotCapacity, threshold: hotThreshold)
        connections = PostgresConnections(url: url, size: size, schema: schema, logger: logger)
        listener = EventListener(configuration: connections.configuration, channel: Self.eventChannel, logger: logger)
        self.schema = schema
        do {
            try run { _ in }   // migrates, and says whether the database is away as every call does
        } catch let error where StoreError.unavailableReason(error) != nil {
            logger.warning("the database is away at start (\(StoreError.unavailableReason(error)!)); waiting for it",
                           metadata: ["error_code": "store_unavailable"])
        } catch {
            connections.shutdown()
            throw StoreError.unavailable("\(error)")
        }
    }

    /// Creates this store's schema if it has one and migrates the database, once per store.
    func migrateOnce(_ session: PostgresSession) throws {
        try migrated.withLock { done in
            guard !done else { return }
            if let schema { try session.execute("CREATE SCHEMA IF NOT EXISTS \(Self.identifier(schema))") }
            try Self.migrate(session)
            done = true
        }
    }

    /// Closes the connections (the store cannot be used afterwards).
    public func close() { connections.shutdown() }

    /// The name of this machine (`gethostname`), the default `host` of what it stores.
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(cString: buffer)
        return name.isEmpty ? "localhost" : name
    }

    /// `name` quoted as an SQL identifier.
    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Text as PostgreSQL can hold it: it refuses U+0000, which SQLite keeps; a NUL in a title or a
    /// file name must not make a whole batch fail again and again.
    static func text(_ s: String) -> String {
        s.utf8.contains(0) ? s.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : s
    }

    static func text(_ s: String?) -> String? { s.map(text) }

    /// Runs `body` on a connection, turning connection and server errors into `StoreError.unavailable`.
    func run<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        do {
            return try connections.with { session in
                try migrateOnce(session)
                return try body(session)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresStoreError {
            // Only a database that is away makes the daemon hold files and wait; a refused statement is an error.
            guard error.meansUnavailable else { throw error }
            throw StoreError.unavailable(error.description)
        } catch {
            throw StoreError.unavailable(PostgresStoreError.words(error))
        }
    }

    // MARK: storing

    public func store(_ report: Report, textHash: String, drop: Drop) throws -> StoreOutcome {
        try store([StoreItem(report: report, textHash: textHash, drop: drop)])[0]
    }

    public func store(_ items: [StoreItem]) throws -> [StoreOutcome] {
        guard !items.isEmpty else { return [] }
        return try run { session in
            try session.transaction { try insertAll(items, in: session) }
        }
    }

    /// One batch, in one transaction. Rows go in by report id, and the text-hash locks are taken
    /// first, all together and in order: two hosts storing overlapping batches then queue behind each
    /// other instead of deadlocking.
    func insertAll(_ items: [StoreItem], in session: PostgresSession) throws -> [StoreOutcome] {
        // First the hot lists' lock, shared (a list being built waits for this batch, and this batch for it).
        try SharedHotLists.holdShared(in: session)
        // Same normalised text on two hosts at once: one becomes the original, the other its duplicate.
        let hashLocks = Set(items.map { Self.lockKey($0.textHash) }).sorted()
        try session.query("SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest(\(hashLocks)::bigint[]) AS k ORDER BY 1) AS keys")

        var stored = try storedHashes(items.map(\.report.id), in: session)   // id → sha256 of what is already stored
        var originals: [String: String] = [:]   // text hash → id of the stored original
        let hashes = Array(Set(items.map(\.textHash)))
        for row in try session.query("""
            SELECT DISTINCT ON (text_hash) text_hash, id FROM report WHERE text_hash = ANY(\(hashes)) AND duplicate_of IS NULL
            ORDER BY text_hash, seq
            """) {
            let (hash, id) = try row.decode((String, String).self)
            originals[hash] = id
        }

        // Outcomes in the batch's order, as SQLite decides them: an earlier item of the batch counts
        // as stored for a later one with the same id or text.
        var outcomes: [StoreOutcome] = []
        var fresh: [(report: Report, item: StoreItem, json: Data)] = []
        var drops: [Drop] = []
        for item in items {
            var report = item.report
            if let sha = stored[report.id] {
                if sha != report.sha256 { outcomes.append(.idCollision(stored: sha)); continue }
                drops.append(item.drop)
                outcomes.append(.alreadyStored)
                continue
            }
            drops.append(item.drop)
            stored[report.id] = report.sha256
            var json = item.rows.json
            if report.duplicateOf == nil, let original = originals[item.textHash] {
                report.duplicateOf = original
                json = PackedReport.pack(report)
            }
            if report.duplicateOf == nil { originals[item.textHash] = report.id }
            fresh.append((report, item, json))
            outcomes.append(.stored)
        }
        try insertDrops(drops, in: session)
        guard !fresh.isEmpty else { return outcomes }
        // Reprints, in the batch's order (an earlier report of the batch may be the original).
        let reprints = try findReprints(fresh.map { ($0.report, $0.item.rows) }, in: session)
        for (k, found) in reprints.enumerated() where found.contains(where: { $0 != nil }) {
            SQLiteStore.mark(&fresh[k].report, originals: found.map { $0?.nearDuplicate }, rows: fresh[k].item.rows)
            fresh[k].json = PackedReport.pack(fresh[k].report)
        }
        let reprintsByReport = Dictionary(uniqueKeysWithValues: zip(fresh.map(\.report.id), reprints))

        fresh.sort { $0.report.id < $1.report.id }
        let inserted = try insertReports(fresh.map { ($0.report, $0.item.textHash, $0.json) }, in: session)
        if inserted.count != fresh.count {
            // Another host committed some of these ids since they were looked up: theirs stand.
            let lost = Set(fresh.map(\.report.id)).subtracting(inserted)
            let theirs = try storedHashes(Array(lost), in: session)
            for (n, item) in items.enumerated() where lost.contains(item.report.id) && outcomes[n] == .stored {
                let sha = theirs[item.report.id] ?? item.report.sha256
                outcomes[n] = sha == item.report.sha256 ? .alreadyStored : .idCollision(stored: sha)
            }
            fresh.removeAll { lost.contains($0.report.id) }
        }
        var counted: [String: Int] = ["reports": fresh.count]
        let articles = try insertArticles(fresh.map { ($0.report, $0.item.rows) }, originals: reprintsByReport, counted: &counted, in: session)
        try hot.add(articles, store: self, in: session)
        try addCounters(counted, in: session)
        return outcomes
    }

    /// The full SHA-256 of each of `ids` already stored, by id.
    func storedHashes(_ ids: [String], in session: PostgresSession) throws -> [String: String] {
        var stored: [String: String] = [:]
        for row in try session.query("SELECT id, sha256 FROM report WHERE id = ANY(\(ids))") {
            let (id, sha) = try row.decode((String, String).self)
            stored[id] = sha
        }
        return stored
    }

    /// A 64-bit advisory lock key for a text hash: its first 16 hex digits, or (for a hash that is not
    /// hex) the key every host derives alike from its text — never `hashValue`, seeded per process.
    static func lockKey(_ hash: String) -> Int64 {
        UInt64(hash.prefix(16), radix: 16).map { Int64(bitPattern: $0) } ?? workLock(hash)
    }

    func insertDrops(_ drops: [Drop], in session: PostgresSession) throws {
        guard !drops.isEmpty else { return }
        try session.query("""
            INSERT INTO drop_record (file, report_id, sha256, received, archived_as, host)
            SELECT f, r, s, rc, a, \(host) FROM unnest(\(drops.map { Self.text($0.file) })::text[], \(drops.map(\.reportID))::text[],
                \(drops.map(\.sha256))::text[], \(drops.map(\.received))::text[], \(drops.map { Self.text($0.archivedAs) })::text[])
                AS u(f, r, s, rc, a)
            """)
    }

    /// Inserts report rows in id order; returns the ids actually inserted (not taken meanwhile).
    func insertReports(_ reports: [(report: Report, textHash: String, json: Data)], in session: PostgresSession) throws -> Set<String> {
        let published = NullableText(reports.map(\.report.published))
        let titles = NullableText(reports.map { Self.text($0.report.displayTitle) })
        let duplicates = NullableText(reports.map(\.report.duplicateOf))
        let reprints = NullableText(reports.map { $0.report.duplicateOf ?? $0.report.nearDuplicateOf?.report })
        let tags = NullableText(reports.map { Self.text($0.report.tag) })
        let rows = try session.query("""
            INSERT INTO report (id, file, sha256, text_hash, received, published, day, title, not_a_report, duplicate_of, reprint_of, json, host, tag)
            SELECT id, file, sha, th, rc, CASE WHEN pn THEN NULL ELSE p END, day, CASE WHEN tn THEN NULL ELSE t END, nar,
                   CASE WHEN dn THEN NULL ELSE d END, CASE WHEN rn THEN NULL ELSE rp END, j, \(host),
                   CASE WHEN gn THEN NULL ELSE g END
            FROM unnest(\(reports.map(\.report.id))::text[], \(reports.map { Self.text($0.report.file) })::text[],
                        \(reports.map(\.report.sha256))::text[], \(reports.map(\.textHash))::text[], \(reports.map(\.report.received))::text[],
                        \(published.values)::text[], \(published.nulls)::boolean[],
                        \(reports.map { $0.report.published ?? String($0.report.received.prefix(10)) })::text[],
                        \(titles.values)::text[], \(titles.nulls)::boolean[], \(reports.map(\.report.notAReport))::boolean[],
                        \(duplicates.values)::text[], \(duplicates.nulls)::boolean[], \(reprints.values)::text[], \(reprints.nulls)::boolean[],
                        \(reports.map { ByteBuffer(bytes: $0.json) })::bytea[], \(tags.values)::text[], \(tags.nulls)::boolean[])
                AS u(id, file, sha, th, rc, p, pn, day, t, tn, nar, d, dn, rp, rn, j, g, gn)
            ORDER BY id
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """)
        return Set(try rows.map { try $0.decode(String.self) })
    }

    /// Inserts the articles of new reports with their themes, places and search chunks.
    func insertArticles(_ reports: [(report: Report, rows: PackedRows)], originals: [String: [Original?]] = [:], counted: inout [String: Int],
                        in session: PostgresSession) throws -> [StoredArticle] {
        var reportIDs: [String] = [], indexes: [Int] = [], titles: [String?] = [], themesBy: [String] = [], themes: [String] = []
        var authors: [String?] = [], bodies: [ByteBuffer] = [], lengths: [Int] = []
        for (report, rows) in reports {
            for (article, row) in zip(report.articles, rows.articles) {
                reportIDs.append(report.id)
                indexes.append(article.index)
                titles.append(Self.text(article.title))
                themesBy.append(article.themesBy.rawValue)
                themes.append(row.themeSummary)
                authors.append(Self.text(SQLiteStore.bylineText(article, in: report)))
                bodies.append(ByteBuffer(bytes: row.body))
                lengths.append(row.length)
                counted["articles", default: 0] += 1
                counted["tokens", default: 0] += row.length
                for id in article.themeIDs { counted["theme:" + id, default: 0] += 1 }
            }
        }
        guard !reportIDs.isEmpty else { return [] }
        let title = NullableText(titles), author = NullableText(authors)
        var rowids: [String: Int64] = [:]
        for row in try session.query("""
            INSERT INTO article (report_id, idx, title, themes_by, themes, author, body, tokens)
            SELECT r, i, CASE WHEN tn THEN NULL ELSE t END, tb, th, CASE WHEN an THEN NULL ELSE a END, b, n
            FROM unnest(\(reportIDs)::text[], \(indexes)::integer[], \(title.values)::text[], \(title.nulls)::boolean[],
                        \(themesBy)::text[], \(themes)::text[], \(author.values)::text[], \(author.nulls)::boolean[],
                        \(bodies)::bytea[], \(lengths)::integer[]) AS u(r, i, t, tn, tb, th, a, an, b, n)
            RETURNING id, report_id, idx
            """) {
            let (id, report, index) = try row.decode((Int64, String, Int).self)
            rowids["\(report)/\(index)"] = id
        }
        var themeArticles: [Int64] = [], themeIDs: [String] = []
        var placeArticles: [Int64] = [], places: [String] = []
        var chunkArticles: [Int64] = [], chunkNumbers: [Int] = [], chunked: [Bool] = [], vectors: [String] = []
        var stored: [StoredArticle] = []
        var facts: [(article: Int64, n: Int, row: FactExtraction.Row)] = []
        for (report, rows) in reports {
            for (article, row) in zip(report.articles, rows.articles) {
                guard let rowid = rowids["\(report.id)/\(article.index)"] else { continue }
                stored.append(StoredArticle(rowid: rowid, length: row.length) { SQLiteStore.searchableText(article, in: report) })
                for id in article.themeIDs.sorted() { themeArticles.append(rowid); themeIDs.append(id) }
                for place in Set(article.places).sorted() { placeArticles.append(rowid); places.append(Self.text(place)) }
                for (n, fact) in row.facts.enumerated() { facts.append((rowid, n, fact)) }
                let chunks = SearchVector.chunks(tokens: row.tokens)
                for (n, vector) in chunks.enumerated() {
                    chunkArticles.append(rowid); chunkNumbers.append(n); chunked.append(chunks.count > 1); vectors.append(vector)
                }
            }
        }
        if !themeArticles.isEmpty {
            try session.query("""
                INSERT INTO article_theme (article, theme) SELECT * FROM unnest(\(themeArticles)::bigint[], \(themeIDs)::text[]) ON CONFLICT DO NOTHING
                """)
        }
        if !placeArticles.isEmpty {
            try session.query("""
                INSERT INTO article_place (article, place) SELECT * FROM unnest(\(placeArticles)::bigint[], \(places)::text[]) ON CONFLICT DO NOTHING
                """)
        }
        try insertFacts(facts, in: session)
        try insertSketches(reports, originals: originals, rowids: rowids, in: session)
        if !chunkArticles.isEmpty {
            // The literals are built here (SearchVector), not by to_tsvector: renewald's tokens, and
            // half the server's CPU.
            try session.query("""
                INSERT INTO article_chunk (article, chunk, chunked, tsv)
                SELECT a, c, m, v::tsvector FROM unnest(\(chunkArticles)::bigint[], \(chunkNumbers)::integer[], \(chunked)::boolean[], \(vectors)::text[])
                    AS u(a, c, m, v)
                """)
        }
        return stored
    }

    /// Adds to this host's running totals (one row per name and host: no other host writes it).
    func addCounters(_ deltas: [String: Int], in session: PostgresSession) throws {
        let changed = deltas.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        try session.query("""
            INSERT INTO counter (name, host, value) SELECT n, \(host), v FROM unnest(\(changed.map(\.key))::text[], \(changed.map(\.value))::bigint[]) AS u(n, v)
            ON CONFLICT (name, host) DO UPDATE SET value = counter.value + excluded.value
            """)
    }

    /// The collection's totals: every host's rows summed.
    func totals(in session: PostgresSession) throws -> [String: Int] {
        var totals: [String: Int] = [:]
        for row in try session.query("SELECT name, sum(value)::bigint FROM counter GROUP BY name") {
            let (name, value) = try row.decode((String, Int64).self)
            totals[name] = Int(value)
        }
        return totals
    }

    // MARK: drops and failures

    public func drop(file: String, sha256: String) throws -> Drop? {
        // This host's drops only: another host's file of the same name lies in that host's archive.
        try run { session in
            try session.query("""
                SELECT file, report_id, sha256, received, archived_as FROM drop_record
                WHERE file = \(Self.text(file)) AND sha256 = \(sha256) AND host = \(host) ORDER BY seq DESC LIMIT 1
                """).first.map { row in
                let (file, id, sha, received, archived) = try row.decode((String, String, String, String, String).self)
                return Drop(file: file, reportID: id, sha256: sha, received: received, archivedAs: archived)
            }
        }
    }

    public func recordFailure(_ failure: Failure) throws {
        try run { session in
            try session.transaction {
                try session.query("""
                    INSERT INTO failure (file, code, reason, at, path, host)
                    VALUES (\(Self.text(failure.file)), \(failure.code), \(Self.text(failure.reason)), \(failure.at), \(Self.text(failure.path)), \(host))
                    """)
                try addCounters(["failed": 1], in: session)
            }
        }
    }

    public func failures(limit: Int) throws -> [Failure] {
        try run { session in
            try session.query("SELECT file, code, reason, at, path FROM failure WHERE retried IS NULL ORDER BY seq DESC LIMIT \(limit)").map { row in
                let (file, code, reason, at, path) = try row.decode((String, String, String, String, String?).self)
                return Failure(file: file, code: code, reason: reason, at: at, path: path)
            }
        }
    }

    /// This host's failure at `path` (a path under this host's failed/) marked retried.
    public func markRetried(path: String, at: String) throws -> Failure? {
        try run { session in
            try session.transaction {
                guard let row = try session.query("""
                    UPDATE failure SET retried = \(at) WHERE seq = (
                        SELECT seq FROM failure WHERE path = \(Self.text(path)) AND host = \(host) AND retried IS NULL ORDER BY seq DESC LIMIT 1)
                    RETURNING file, code, reason, at, path
                    """).first else { return nil }
                let (file, code, reason, failedAt, failedPath) = try row.decode((String, String, String, String, String?).self)
                try addCounters(["failed": -1], in: session)
                return Failure(file: file, code: code, reason: reason, at: failedAt, path: failedPath)
            }
        }
    }

    public func unmarkRetried(path: String, at: String) throws {
        try run { session in
            try session.transaction {
                let undone = try session.query("""
                    UPDATE failure SET retried = NULL WHERE path = \(Self.text(path)) AND host = \(host) AND retried = \(at) RETURNING seq
                    """).count
                try addCounters(["failed": undone], in: session)
            }
        }
    }

    // MARK: reading reports

    /// The full report: the stored JSON with each article's paragraphs put back.
    func loadReport(id: String, in session: PostgresSession) throws -> Report? {
        guard let row = try session.query("SELECT json FROM report WHERE id = \(id)").first else { return nil }
        var report = try PackedReport.unpack(try row.decode(Data.self))
        var bodies: [Int: String] = [:]
        var rowids: [Int: Int64] = [:]
        for row in try session.query("SELECT idx, body, id FROM article WHERE report_id = \(id)") {
            let (index, body, rowid) = try row.decode((Int, Data, Int64).self)
            bodies[index] = PackedReport.unpackText(body)
            rowids[index] = rowid
        }
        let reprints = try reprintsOf(Array(rowids.values), in: session)
        for i in report.articles.indices {
            let body = bodies[report.articles[i].index] ?? ""
            report.articles[i].paragraphs = body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            report.articles[i].reprints = rowids[report.articles[i].index].flatMap { reprints[$0] } ?? []
        }
        return report
    }

    public func reportJSON(id: String) throws -> String? {
        try report(id: id)?.json.serialized()
    }

    public func report(id: String) throws -> Report? {
        try run { session in try loadReport(id: id, in: session) }
    }

    public func reportID(file: String) throws -> String? {
        try run { session in
            try session.query("SELECT report_id FROM drop_record WHERE file = \(Self.text(file)) ORDER BY seq DESC LIMIT 1").first
                .map { try $0.decode(String.self) }
        }
    }

    public func list(_ filter: ReportFilter) throws -> (total: Int, reports: [ReportSummary]) {
        try run { session in
            let condition = FilterSQL(filter)
            let total = try session.query(condition.query("SELECT count(*) FROM report r WHERE ", "")).first.map { try $0.decode(Int64.self) } ?? 0
            let rows = try session.query(condition.query("SELECT r.json FROM report r WHERE ",
                                                         " ORDER BY r.day DESC, r.received DESC, r.id LIMIT \(filter.limit) OFFSET \(filter.offset)"))
            let summaries = try rows.map { row -> ReportSummary in
                let report = try PackedReport.unpack(try row.decode(Data.self))
                return ReportSummary(id: report.id, file: report.file, tag: report.tag, title: report.displayTitle, published: report.published,
                                     received: report.received, themes: report.themes,
                                     labelled: report.articles.contains { $0.themesBy == .person })
            }
            return (Int(total), summaries)
        }
    }

    public func counts() throws -> StoreCounts {
        StoreCounts(totals: try run { session in try self.totals(in: session) })
    }

    // MARK: themes and labels

    /// Rewrites the theme rows of a report whose themes changed (text and search index stay).
    func reindexThemes(_ report: Report, counted: inout [String: Int], in session: PostgresSession) throws {
        for article in report.articles {
            guard let row = try session.query("SELECT id FROM article WHERE report_id = \(report.id) AND idx = \(article.index)").first else { continue }
            let rowid = try row.decode(Int64.self)
            try session.query("""
                UPDATE article SET themes_by = \(article.themesBy.rawValue), themes = \(SQLiteStore.themeSummary(article.themes)) WHERE id = \(rowid)
                """)
            for old in try session.query("DELETE FROM article_theme WHERE article = \(rowid) RETURNING theme") {
                counted["theme:" + (try old.decode(String.self)), default: 0] -= 1
            }
            let ids = article.themeIDs.sorted()
            if !ids.isEmpty {
                try session.query("INSERT INTO article_theme (article, theme) SELECT \(rowid), unnest(\(ids)::text[])")
            }
            for id in ids { counted["theme:" + id, default: 0] += 1 }
        }
        try session.query("""
            UPDATE report SET json = \(ByteBuffer(bytes: PackedReport.pack(report))), not_a_report = \(report.notAReport),
                title = \(Self.text(report.displayTitle)) WHERE id = \(report.id)
            """)
    }

    public func rewriteAll(_ body: (Report) -> Report) throws -> Int {
        var count = 0
        var after = ""
        while true {
            let batch = try run { session in
                try session.query("SELECT id FROM report WHERE id > \(after) ORDER BY id LIMIT 500").map { try $0.decode(String.self) }
                    .compactMap { try loadReport(id: $0, in: session) }
            }
            guard let last = batch.last else { return count }
            after = last.id
            let updated = batch.map(body)
            try run { session in
                try session.transaction {
                    var counted: [String: Int] = [:]
                    for report in updated { try reindexThemes(report, counted: &counted, in: session) }
                    try addCounters(counted, in: session)
                }
            }
            count += updated.count
        }
    }

    public func update(_ report: Report) throws {
        try run { session in
            try session.transaction {
                var counted: [String: Int] = [:]
                try reindexThemes(report, counted: &counted, in: session)
                try addCounters(counted, in: session)
            }
        }
    }

    public func saveLabel(_ label: Label) throws {
        try run { session in
            try session.query("""
                INSERT INTO label (report_id, article, themes, primary_theme, at)
                VALUES (\(label.reportID), \(label.article), \(label.themes.joined(separator: " ")), \(label.primary), \(label.at))
                ON CONFLICT (report_id, article) DO UPDATE SET themes = excluded.themes, primary_theme = excluded.primary_theme, at = excluded.at
                """)
        }
    }

    public func labels() throws -> [Label] {
        try run { session in
            try session.query("SELECT report_id, article, themes, primary_theme, at FROM label ORDER BY seq").map { row in
                let (id, article, themes, primary, at) = try row.decode((String, Int, String, String?, String).self)
                return Label(reportID: id, article: article, themes: themes.split(separator: " ").map(String.init), primary: primary, at: at)
            }
        }
    }

    /// How many reports each host took (`stats` shows the collection and this host).
    public func reportsByHost() throws -> [String: Int] {
        try run { session in
            var byHost: [String: Int] = [:]
            for row in try session.query("SELECT host, value FROM counter WHERE name = 'reports'") {
                let (host, value) = try row.decode((String, Int64).self)
                byHost[host] = Int(value)
            }
            return byHost
        }
    }

    /// Drops the store's own schema (tests: each store in a schema of its own).
    package func dropSchemaForTests() throws {
        guard let schema = connections.schema else { return }
        try run { session in try session.execute("DROP SCHEMA IF EXISTS \(Self.identifier(schema)) CASCADE") }
    }

    /// `amcheck`-free sanity: the server answers and the schema is the one this build knows.
    public func integrityCheck() throws -> String {
        try run { session in
            let version = try session.query("SELECT max(version) FROM schema_version").first.map { try $0.decode(Int?.self) } ?? nil
            return version == Self.migrations.last!.version ? "ok" : "schema version \(version.map(String.init) ?? "none")"
        }
    }
}

/// A nullable text column as two arrays (values and null flags): postgres-nio's arrays have no NULLs.
struct NullableText {
    var values: [String]
    var nulls: [Bool]

    init(_ column: [String?]) {
        values = column.map { $0 ?? "" }
        nulls = column.map { $0 == nil }
    }
}
