import GRDB
import ReportModel
import Testing
@testable import Store

/// `stats` reads running totals instead of counting rows; they must never drift from the rows.
@Suite struct CountersTests {
    /// The totals as a full recount finds them.
    static func recount(_ store: SQLiteStore) throws -> StoreCounts {
        try store.db.read { db in
            var themes: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT theme, COUNT(*) FROM article_theme GROUP BY theme") { themes[row[0]] = row[1] }
            return StoreCounts(reports: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report")!,
                               articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article")!,
                               failed: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM failure")!, themes: themes)
        }
    }

    @Test func totalsFollowStoresFailuresAndReclassification() throws {
        let store = try SQLiteStore()
        var reports: [Report] = []
        for (n, theme) in ["elevator-retrofit", "smart-community", "elevator-retrofit"].enumerated() {
            var report = SQLiteStoreTests.report("r\(n)", paragraphs: ["加装电梯第\(n)部。"], themes: [theme])
            report.articles.append(Article(index: 1, title: "二", paragraphs: ["另一篇。"], themes: [ThemeScore(id: theme, score: 0.5)]))
            reports.append(report)
        }
        _ = try store.store(reports.map { StoreItem(report: $0, textHash: $0.id, drop: SQLiteStoreTests.drop($0)) })
        _ = try store.store(reports[0], textHash: "r0", drop: SQLiteStoreTests.drop(reports[0]))   // the same bytes again
        try store.recordFailure(Failure(file: "x.bin", code: "binary", reason: "binary", at: "2026", path: nil))
        #expect(try store.counts() == (try Self.recount(store)))
        #expect(try store.counts().reports == 3)
        #expect(try store.counts().articles == 6)
        #expect(try store.counts().themes == ["elevator-retrofit": 4, "smart-community": 2])

        var relabelled = reports[1]
        relabelled.articles[0].themes = [ThemeScore(id: "party-building", score: 1), ThemeScore(id: "smart-community", score: 0.4)]
        try store.update(relabelled)
        _ = try store.rewriteAll { report in
            var r = report
            if r.id == "r2" { r.articles[1].themes = [] }
            return r
        }
        #expect(try store.counts() == (try Self.recount(store)))
        #expect(try store.counts().themes == ["elevator-retrofit": 3, "smart-community": 2, "party-building": 1])
    }

    /// A store made before the counters existed gets them filled from its rows.
    @Test func migrationCountsWhatIsThere() throws {
        let db = try DatabaseQueue()
        try SQLiteStore.migrator.migrate(db, upTo: "v1")
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO report (id, file, sha256, text_hash, received, day, json) VALUES ('a', 'a.txt', 's', 't', '2026', '2026', x'00');
                INSERT INTO article (report_id, idx, body, tokens) VALUES ('a', 0, x'00', 7), ('a', 1, x'00', 5);
                INSERT INTO article_theme (article_rowid, theme) VALUES (1, 'smart-community'), (2, 'smart-community');
                INSERT INTO failure (file, code, reason, at) VALUES ('b', 'empty', 'empty', '2026');
                """)
        }
        try SQLiteStore.migrator.migrate(db)
        let totals = try db.read { try Counters.load($0) }
        #expect(totals == ["reports": 1, "articles": 2, "tokens": 12, "failed": 1, "theme:smart-community": 2])
    }
}
