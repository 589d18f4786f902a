import Foundation
import GRDB
import ReportModel
import Testing
@testable import Store

/// Stores made by earlier versions open and keep answering the same filters.
@Suite struct MigrationTests {
    @Test func placesMoveToArticleRows() throws {
        let db = try DatabaseQueue()
        try SQLiteStore.migrator.migrate(db, upTo: "v2")
        var report = SQLiteStoreTests.report("a", paragraphs: ["成都市武侯区加装电梯。"], themes: ["elevator-retrofit"], places: ["成都市", "武侯区"])
        report.articles.append(Article(index: 1, title: "二", paragraphs: ["武汉市。"], places: ["武汉市", "成都市"]))
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO report (id, file, sha256, text_hash, received, day, json) VALUES ('a', 'a.txt', 's', 't', '2026', '2026', ?)
                """, arguments: [PackedReport.pack(report)])
            try db.execute(sql: "INSERT INTO article (report_id, idx, body) VALUES ('a', 0, x'00'), ('a', 1, x'00')")
            try db.execute(sql: "INSERT INTO report_place (report_id, place) VALUES ('a', '成都市'), ('a', '武侯区'), ('a', '武汉市')")
        }
        try SQLiteStore.migrator.migrate(db)
        let places = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT article_rowid, place FROM article_place ORDER BY article_rowid, place").map { "\($0[0] as Int64):\($0[1] as String)" }
        }
        #expect(places == ["1:成都市", "1:武侯区", "2:成都市", "2:武汉市"])
        #expect(try db.read { try $0.tableExists("report_place") } == false)
        #expect(try db.read { try $0.tableExists("report_theme") } == false)
    }
}
