import Foundation
import ChineseScript
import CSQLiteTuning
import GRDB
import ReportModel

/// The report store on SQLite: one `DatabasePool` (WAL: one writer, parallel readers).
public final class SQLiteStore: ReportStore {
    let db: any DatabaseWriter
    /// Ranked candidates for frequent queries (see `HotLists`).
    let hot: HotLists
    /// The database's `generation` counter as this store last left it. Every write that changes what
    /// the hot lists mirror (articles, lists) adds one, in this store or in another one on the same
    /// file (`renewald import` beside a running daemon); a different value means another writer
    /// committed and the in-memory lists and totals are reloaded before they are used.
    private let seenGeneration = SeenGeneration()
    /// Sketches of the articles committed lately, for reprints a snapshot lookup could not see.
    let recent = RecentSketches()
    /// The LSH band index of every stored sketch (see `BandIndex`).
    let bands = BandIndex()

    /// Whether SQLite's allocator runs without its process-wide statistics mutex (see sqlite_tuning.c):
    /// set once, before this process opens its first connection, by the first store opened.
    public static let allocatorUnlocked: Bool = renewald_sqlite_disable_memstatus() == 0

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    public convenience init(path: String) throws {
        try self.init(path: path, hotCapacity: 200, hotThreshold: 500)
    }

    /// Opens the database at `path` with hot lists of the given size (smaller in tests).
    init(path: String, hotCapacity: Int, hotThreshold: Int) throws {
        _ = Self.allocatorUnlocked
        hot = HotLists(capacity: hotCapacity, threshold: hotThreshold)
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // FULL: a commit is on disk before the original moves to archive/, even after a power cut
            // (NORMAL survives a crash of the process but may lose the last commit on power loss).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // A burst of ingest grows the WAL to tens of megabytes; give the space back at each checkpoint.
            try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
            try SearchRank.register(in: db)
        }
        do {
            db = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(db)
            try db.read { try catchUp($0) }
            loadBandIndexInBackground()
        } catch {
            throw StoreError.unavailable("\(error)")
        }
    }

    /// An in-memory store with the same schema, for tests (hot lists kick in at `hotThreshold` matches).
    init(hotCapacity: Int = 200, hotThreshold: Int = 1000) throws {
        _ = Self.allocatorUnlocked
        hot = HotLists(capacity: hotCapacity, threshold: hotThreshold)
        var config = Configuration()
        config.prepareDatabase { db in try SearchRank.register(in: db) }
        db = try DatabaseQueue(configuration: config)
        try Self.migrator.migrate(db)
        try db.read { try catchUp($0) }
        try db.read { db in try ensureBandIndex(in: db) }
    }

    static func generation(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM counter WHERE name = 'generation'") ?? 0
    }

    /// Reloads the hot lists and totals when another writer committed since this store last looked.
    func catchUp(_ db: Database) throws {
        let current = try Self.generation(db)
        guard current != seenGeneration.value else { return }
        try hot.load(db)
        if bands.isLoaded { try loadBandIndex(after: bands.highestRowid) { after in try Self.storedSketches(after: after, in: db) } }
        seenGeneration.value = current
    }

    /// A write transaction that first catches up with other writers, then counts itself.
    ///
    /// The count is taken, and seen, at the start: while the transaction is open the database shows
    /// one less, which a search takes for this store's own write in flight, not for another writer's.
    func writeCounted<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.write { db in
                try catchUp(db)
                try db.execute(sql: """
                    INSERT INTO counter (name, value) VALUES ('generation', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1
                    """)
                let generation = try Self.generation(db)
                seenGeneration.value = generation
                // The lists change on a copy that searches see only once the transaction commits.
                db.afterNextTransaction(onCommit: { [hot] _ in hot.commit() }, onRollback: { [hot] _ in hot.rollBack() })
                try hot.begin(at: generation, in: db)
                let result = try body(db)
                try hot.finish(in: db)
                return result
            }
        } catch {
            // Rolled back: the lists in memory may hold what the file does not; reload before use.
            seenGeneration.value = -1
            throw error
        }
    }

    public func store(_ report: Report, textHash: String, drop: Drop) throws -> StoreOutcome {
        try store([StoreItem(report: report, textHash: textHash, drop: drop)])[0]
    }

    /// Finds the hot lists each article matches, so the writer only updates them.
    public func prepare(_ item: StoreItem) -> StoreItem {
        var item = item
        item.hotMatches = item.report.articles.map { article in hot.matches { Self.searchableText(article, in: item.report) } }
        item.reprintLookup = lookUpReprints(item)
        return item
    }

    public func store(_ items: [StoreItem]) throws -> [StoreOutcome] {
        do {
            let outcomes = try insertAll(items)
            bands.commitStaged()   // before the generation moves on: a snapshot of generation g finds all of it
            recent.committedOne()
            return outcomes
        } catch {
            recent.rollBack()
            bands.dropStaged()
            throw error
        }
    }

    func insertAll(_ items: [StoreItem]) throws -> [StoreOutcome] {
        try writeCounted { db in
            var counted = Counters()
            let outcomes = try items.map { item -> StoreOutcome in
                let drop = item.drop
                let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT sha256 FROM report WHERE id = ?"), arguments: [item.report.id])
                // Another file with the same 16-hex id: refused, with no drop recorded, never merged.
                if let stored, stored != item.report.sha256 { return .idCollision(stored: stored) }
                try db.cachedStatement(sql: "INSERT INTO drop_record (file, report_id, sha256, received, archived_as) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [drop.file, drop.reportID, drop.sha256, drop.received, drop.archivedAs])
                if stored != nil { return .alreadyStored }
                var rows = item.rows
                var report = item.report
                if report.duplicateOf == nil,
                   let original = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM report WHERE text_hash = ? AND duplicate_of IS NULL LIMIT 1"),
                                                      arguments: [item.textHash]) {
                    report.duplicateOf = original
                    rows.json = PackedReport.pack(report)
                }
                let reprints = try reprints(for: item, in: db)
                if reprints.contains(where: { $0 != nil }) {
                    Self.mark(&report, reprints: reprints, rows: rows)
                    rows.json = PackedReport.pack(report)
                }
                try insert(report, rows: rows, textHash: item.textHash, hotMatches: item.hotMatches, reprints: reprints, in: db)
                counted.add(report, rows: rows)
                return .stored
            }
            try counted.save(in: db)
            return outcomes
        }
    }

    func insert(_ report: Report, rows: PackedRows, textHash: String, hotMatches: [HotLists.Matches]? = nil,
                reprints: [ReprintMatch?]? = nil, in db: Database) throws {
        let day = report.published ?? String(report.received.prefix(10))
        try db.cachedStatement(sql: """
            INSERT INTO report (id, file, sha256, text_hash, received, published, day, title, not_a_report, duplicate_of, json, reprint_of, tag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [report.id, report.file, report.sha256, textHash, report.received, report.published, day,
                                     report.displayTitle, report.notAReport, report.duplicateOf, rows.json,
                                     report.duplicateOf ?? report.nearDuplicateOf?.report, report.tag])
        let articleRow = try db.cachedStatement(sql: """
            INSERT INTO article (report_id, idx, title, themes_by, themes, author, body, tokens, reprint_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let reprintRow = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_reprint (original_rowid, article_rowid, similarity) VALUES (?, ?, ?)")
        let articleTheme = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_theme (article_rowid, theme) VALUES (?, ?)")
        let articlePlace = try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_place (article_rowid, place) VALUES (?, ?)")
        let fts = try db.cachedStatement(sql: "INSERT INTO article_fts (rowid, body) VALUES (?, ?)")
        for (n, (article, row)) in zip(report.articles, rows.articles).enumerated() {
            let reprint = reprints?[n] ?? nil
            try articleRow.execute(arguments: [report.id, article.index, article.title, article.themesBy.rawValue, row.themeSummary,
                                               Self.bylineText(article, in: report), row.body, row.length, reprint?.rowid])
            let rowid = db.lastInsertedRowID
            if let reprint { try reprintRow.execute(arguments: [reprint.rowid, rowid, reprint.similarity]) }
            try Self.insertSketchAndFacts(row, rowid: rowid, in: db)
            if let sketch = row.sketch {
                recent.add(ReprintMatch(rowid: rowid, report: report.id, index: article.index, reprintOf: reprint?.rowid, similarity: 1),
                           sketch: sketch, bands: row.bandKeys)
                bands.stage(row.bandKeys, rowid: rowid)
            }
            for id in article.themeIDs {
                try articleTheme.execute(arguments: [rowid, id])
            }
            for place in Set(article.places) {
                try articlePlace.execute(arguments: [rowid, place])
            }
            try fts.execute(arguments: [rowid, row.tokens])
            try hot.add(article: rowid, text: { Self.searchableText(article, in: report) }, length: row.length, matched: hotMatches?[n], in: db)
        }
    }

    /// Rewrites the theme rows of a report whose themes changed (text and search index stay).
    func reindexThemes(_ report: Report, in db: Database) throws {
        var counted = Counters()
        for article in report.articles {
            guard let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM article WHERE report_id = ? AND idx = ?",
                                                 arguments: [report.id, article.index]) else { continue }
            try db.execute(sql: "UPDATE article SET themes_by = ?, themes = ? WHERE rowid = ?",
                           arguments: [article.themesBy.rawValue, Self.themeSummary(article.themes), rowid])
            for old in try String.fetchAll(db, sql: "SELECT theme FROM article_theme WHERE article_rowid = ?", arguments: [rowid]) {
                counted.add(Counters.theme(old), -1)
            }
            try db.execute(sql: "DELETE FROM article_theme WHERE article_rowid = ?", arguments: [rowid])
            for id in article.themeIDs {
                try db.execute(sql: "INSERT INTO article_theme (article_rowid, theme) VALUES (?, ?)", arguments: [rowid, id])
                counted.add(Counters.theme(id), 1)
            }
        }
        try counted.save(in: db)
        try db.execute(sql: "UPDATE report SET json = ?, not_a_report = ?, title = ? WHERE id = ?",
                       arguments: [PackedReport.pack(report), report.notAReport, report.displayTitle, report.id])
    }

    /// A snippet from the body, or from title and byline when only they matched.
    package static func snippet(body: String, heading: String, terms: [String]) -> String {
        let fromBody = Snippet.make(text: body, terms: terms)
        if fromBody.contains("【") { return fromBody }
        let fromHeading = Snippet.make(text: heading + "　" + body, terms: terms)
        return fromHeading.contains("【") ? fromHeading : fromBody
    }

    /// What the full-text index holds for an article: title, byline (`bylineText`) and paragraphs, with
    /// traditional characters folded to simplified ones (queries are folded alike, so either script finds both).
    package static func searchableText(_ article: Article, in report: Report) -> String {
        indexedText(title: article.title, author: bylineText(article, in: report), body: article.paragraphs.joined(separator: "\n"))
    }

    /// Everything a person may search an article by besides its title and text: its authors, their
    /// affiliation, the outlet and editors, and for the first article the page's headline and document
    /// number. Kept in the article row's `author` column, so hot lists index the same text.
    package static func bylineText(_ article: Article, in report: Report) -> String? {
        var parts = article.authors
        if let affiliation = article.affiliation { parts.append(affiliation) }
        if let source = article.source { parts.append(source) }
        parts += article.editors
        if article.index == report.articles.first?.index {
            if let headline = report.headline { parts.append(headline) }
            if let number = report.documentNumber { parts.append(number) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "　")
    }

    package static func indexedText(title: String?, author: String?, body: String) -> String {
        SimplifiedChinese.folded((title ?? "") + "\n" + (author ?? "") + "\n" + body)
    }

    public func drop(file: String, sha256: String) throws -> Drop? {
        // Asked for every file taken: one cached statement, which needs no transaction (`read` would
        // wrap it in four more statements: query_only on and off, begin and commit).
        try db.unsafeRead { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT file, report_id, sha256, received, archived_as FROM drop_record
                WHERE file = ? AND sha256 = ? ORDER BY rowid DESC LIMIT 1
                """), arguments: [file, sha256]).map {
                Drop(file: $0[0], reportID: $0[1], sha256: $0[2], received: $0[3], archivedAs: $0[4])
            }
        }
    }

    public func recordFailure(_ failure: Failure) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO failure (file, code, reason, at, path) VALUES (?, ?, ?, ?, ?)",
                           arguments: [failure.file, failure.code, failure.reason, failure.at, failure.path])
            try Counters(["failed": 1]).save(in: db)
        }
    }

    /// The full report: the stored JSON with each article's paragraphs put back.
    func loadReport(id: String, in db: Database) throws -> Report? {
        guard let packed = try Data.fetchOne(db, sql: "SELECT json FROM report WHERE id = ?", arguments: [id]) else { return nil }
        var report = try PackedReport.unpack(packed)
        var bodies: [Int: String] = [:]
        var rowids: [Int: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT idx, body, rowid FROM article WHERE report_id = ?", arguments: [id]) {
            bodies[row[0]] = PackedReport.unpackText(row[1])
            rowids[row[0]] = row[2]
        }
        let reprints = try reprintsOf(Array(rowids.values), in: db)
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
        try db.read { db in try loadReport(id: id, in: db) }
    }

    public func reportID(file: String) throws -> String? {
        try db.read { db in
            try String.fetchOne(db, sql: "SELECT report_id FROM drop_record WHERE file = ? ORDER BY rowid DESC LIMIT 1", arguments: [file])
        }
    }

    /// SQL conditions on table alias `r` for a filter, with their arguments.
    static func conditions(_ filter: ReportFilter) -> (sql: String, arguments: StatementArguments) {
        var parts: [String] = []
        var arguments: StatementArguments = []
        if let theme = filter.theme {
            parts.append("r.id IN (SELECT a.report_id FROM article_theme t JOIN article a ON a.rowid = t.article_rowid WHERE t.theme = ?)")
            arguments += [theme]
        }
        if let place = filter.place {
            parts.append("EXISTS (SELECT 1 FROM article a JOIN article_place p ON p.article_rowid = a.rowid WHERE a.report_id = r.id AND p.place LIKE ?)")
            arguments += ["%\(place)%"]
        }
        if let since = filter.since { parts.append("r.day >= ?"); arguments += [since] }
        if let until = filter.until { parts.append("r.day <= ?"); arguments += [until] }
        if filter.collapse { parts.append("r.reprint_of IS NULL") }
        if let tag = filter.tag {
            // The folder itself or any below it: names from "tag/" up to (not including) "tag0",
            // '0' being the byte after '/', so the index on tag serves the range.
            parts.append("(r.tag = ? OR (r.tag > ? AND r.tag < ?))")
            arguments += [tag, tag + "/", tag + "0"]
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
    }

    public func list(_ filter: ReportFilter) throws -> (total: Int, reports: [ReportSummary]) {
        let (condition, arguments) = Self.conditions(filter)
        return try db.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report r WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.json FROM report r WHERE \(condition)
                ORDER BY r.day DESC, r.received DESC, r.id LIMIT ? OFFSET ?
                """, arguments: arguments + [filter.limit, filter.offset])
            let summaries = try rows.map { row -> ReportSummary in
                let report = try PackedReport.unpack(row[0])
                return ReportSummary(id: report.id, file: report.file, tag: report.tag, title: report.displayTitle,
                                     published: report.published, received: report.received, themes: report.themes,
                                     labelled: report.articles.contains { $0.themesBy == .person })
            }
            return (total, summaries)
        }
    }

    public func search(_ query: String, filter: ReportFilter) throws -> (total: Int, hits: [SearchHit]) {
        // The index holds folded text (see `indexedText`), and text whose full-width digits and letters
        // the normaliser folded (２１２９ → 2129): so must the query be.
        let query = SearchTokens.foldingWidth(SimplifiedChinese.folded(query))
        guard let match = SearchTokens.matchExpression(query) else { return (0, []) }
        let terms = SearchTokens.highlightTerms(query)
        let hotKey = filter.isUnfiltered && filter.offset + filter.limit <= hot.capacity ? HotLists.key(for: terms) : nil
        // Only a generation beyond the one this store wrote means another writer (an import) added
        // articles, so lists and totals are stale. One behind is this store's own batch, committing:
        // waiting for it would hold the search up for a whole commit.
        if hotKey != nil, try db.read({ try Self.generation($0) }) > seenGeneration.value {
            try db.write { try catchUp($0) }
        }
        return try db.read { db in
            var total: Int?
            if let hotKey {
                if let served = try searchHot(hotKey, terms: terms, filter: filter, in: db) { return served }
                let count = try HotLists.matchCount(match, in: db)
                // Frequent from now on: keep its best candidates, so later searches need not rank them
                // all. Built from this read's snapshot, beside a commit in progress, in one pass that
                // ranks as this search would have; one that loses a race (to another search, or to a
                // commit) leaves the list to the next search.
                if count >= hot.threshold, try hot.build(hotKey, match: match, count: count, in: db),
                   let served = try searchHot(hotKey, terms: terms, filter: filter, in: db) {
                    return served
                }
                total = count
            }
            return try searchIndex(match, terms: terms, filter: filter, total: total, in: db)
        }
    }

    /// A search answered from a hot list: at most `hot.capacity` rows read and scored.
    func searchHot(_ key: String, terms: [String], filter: ReportFilter, in db: Database) throws -> (total: Int, hits: [SearchHit])? {
        guard let (total, candidates) = hot.ranked(key) else { return nil }
        let page = Array(candidates.dropFirst(filter.offset).prefix(filter.limit))
        guard !page.isEmpty else { return (total, []) }
        let placeholders = Array(repeating: "?", count: page.count).joined(separator: ",")
        var rows: [Int64: Row] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.rowid, \(Self.hitColumns) FROM article a JOIN report r ON r.id = a.report_id
            WHERE a.rowid IN (\(placeholders))
            """, arguments: StatementArguments(page.map(\.article))) {
            rows[row[0]] = row
        }
        let hits = page.compactMap { candidate -> SearchHit? in
            guard let row = rows[candidate.article] else { return nil }
            return Self.hit(row, from: 1, score: candidate.score, terms: terms)
        }
        return (total, hits)
    }

    /// A search ranked over every match by FTS5 with `SearchRank` (filters, rare terms, Latin words).
    func searchIndex(_ match: String, terms: [String], filter: ReportFilter) throws -> (total: Int, hits: [SearchHit]) {
        try db.read { db in try searchIndex(match, terms: terms, filter: filter, in: db) }
    }

    /// `searchIndex` in a read already open; `total`, when the caller counted the matches already.
    func searchIndex(_ match: String, terms: [String], filter: ReportFilter, total: Int? = nil,
                     in db: Database) throws -> (total: Int, hits: [SearchHit]) {
        let (condition, arguments) = Self.conditions(filter)
        let from = """
            FROM article_fts JOIN article a ON a.rowid = article_fts.rowid JOIN report r ON r.id = a.report_id
            WHERE article_fts MATCH ? AND \(condition)\(filter.collapse ? " AND a.reprint_of IS NULL" : "")
            """
        let total = try total ?? Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: [match] + arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(SearchRank.functionName)(article_fts) AS score, \(Self.hitColumns) \(from)
            ORDER BY score DESC, a.rowid LIMIT ? OFFSET ?
            """, arguments: [match] + arguments + [filter.limit, filter.offset])
        let hits = rows.map { row in Self.hit(row, from: 1, score: row[0], terms: terms) }
        return (total, hits)
    }

    /// What a hit needs, all from the article row (and the report's title): no report is unpacked.
    static let hitColumns = "a.report_id, a.idx, a.title, r.title, a.author, a.body, a.themes, a.themes_by"

    static func hit(_ row: Row, from k: Int, score: Double, terms: [String]) -> SearchHit {
        let title: String? = row[k + 2]
        let author: String? = row[k + 4]
        let body = PackedReport.unpackText(row[k + 5])
        // An untitled article's hit has no title: the page's headline belongs to its first article.
        return SearchHit(report: row[k], article: row[k + 1], title: title, score: score,
                         snippet: snippet(body: body, heading: [title, author].compactMap { $0 }.joined(separator: "　"), terms: terms),
                         themes: themes(fromSummary: row[k + 6]), themesBy: ThemeProvenance(rawValue: row[k + 7]) ?? .classifier)
    }

    /// `id:score,…` — an article's themes as a hit shows them.
    package static func themeSummary(_ themes: [ThemeScore]) -> String {
        themes.map { "\($0.id):\(($0.score * 1000).rounded() / 1000)" }.joined(separator: ",")
    }

    package static func themes(fromSummary text: String) -> [ThemeScore] {
        text.split(separator: ",").compactMap { item in
            guard let colon = item.lastIndex(of: ":"), let score = Double(item[item.index(after: colon)...]) else { return nil }
            return ThemeScore(id: String(item[..<colon]), score: score)
        }
    }

    public func failures(limit: Int) throws -> [Failure] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT file, code, reason, at, path FROM failure WHERE retried IS NULL ORDER BY rowid DESC LIMIT ?",
                             arguments: [limit]).map {
                Failure(file: $0[0], code: $0[1], reason: $0[2], at: $0[3], path: $0[4])
            }
        }
    }

    public func markRetried(path: String, at: String) throws -> Failure? {
        try db.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT rowid, file, code, reason, at, path FROM failure WHERE path = ? AND retried IS NULL ORDER BY rowid DESC LIMIT 1
                """, arguments: [path]) else { return nil }
            try db.execute(sql: "UPDATE failure SET retried = ? WHERE rowid = ?", arguments: [at, row[0] as Int64])
            try Counters(["failed": -1]).save(in: db)
            return Failure(file: row[1], code: row[2], reason: row[3], at: row[4], path: row[5])
        }
    }

    public func unmarkRetried(path: String, at: String) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE failure SET retried = NULL WHERE path = ? AND retried = ?", arguments: [path, at])
            try Counters(["failed": db.changesCount]).save(in: db)
        }
    }

    public func counts() throws -> StoreCounts {
        StoreCounts(totals: try db.read { try Counters.load($0) })
    }

    public func rewriteAll(_ body: (Report) -> Report) throws -> Int {
        var count = 0
        var after = ""
        while true {
            let batch = try db.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM report WHERE id > ? ORDER BY id LIMIT 500", arguments: [after])
                    .compactMap { try loadReport(id: $0, in: db) }
            }
            guard let last = batch.last else { return count }
            after = last.id
            let updated = batch.map(body)
            try db.write { db in
                for report in updated { try reindexThemes(report, in: db) }
            }
            count += updated.count
        }
    }

    public func update(_ report: Report) throws {
        try db.write { db in try reindexThemes(report, in: db) }
    }

    public func saveLabel(_ label: Label) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO label (report_id, article, themes, primary_theme, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (report_id, article) DO UPDATE SET themes = excluded.themes,
                    primary_theme = excluded.primary_theme, at = excluded.at
                """, arguments: [label.reportID, label.article, label.themes.joined(separator: " "), label.primary, label.at])
        }
    }

    public func labels() throws -> [Label] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT report_id, article, themes, primary_theme, at FROM label ORDER BY rowid").map {
                Label(reportID: $0[0], article: $0[1], themes: ($0[2] as String).split(separator: " ").map(String.init),
                      primary: $0[3], at: $0[4])
            }
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try db.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
