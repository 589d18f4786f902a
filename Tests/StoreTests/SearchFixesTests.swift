import Foundation
import ReportModel
import Testing
@testable import Store

/// Search behaviours from issue 13, point 10: full-width queries, untitled hits, and lists kept
/// current when another process writes the same database.
@Suite struct SearchFixesTests {
    /// The normaliser folds full-width digits and letters in the text; a query typed in full width
    /// must find them.
    @Test(arguments: ["２１２９", "ＰＰＰ", "ｐｐｐ", "加装电梯２１２９部"])
    func aFullWidthQueryFindsTheFoldedText(query: String) throws {
        let store = try SQLiteStore()
        let r = SQLiteStoreTests.report("w", paragraphs: ["全市加装电梯2129部，PPP项目落地。"])
        _ = try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r))
        #expect(try store.search(query, filter: ReportFilter()).hits.map(\.report) == ["w"])
    }

    @Test func widthFoldingLeavesChinesePunctuationAlone() {
        #expect(SearchTokens.foldingWidth("２０２３，ＰＰＰ（试点）") == "2023，PPP（试点）")
    }

    /// An article without a title shows none: the page's headline is not its title.
    @Test func anUntitledArticleHitHasNoTitle() throws {
        let store = try SQLiteStore()
        var r = SQLiteStoreTests.report("u", paragraphs: ["社区食堂开业，老人就餐方便。"])
        r.headline = "某某日报 2023年5月12日"
        r.articles[0].title = nil
        _ = try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r))
        let hit = try #require(try store.search("食堂", filter: ReportFilter()).hits.first)
        #expect(hit.title == nil)
    }

    /// `renewald import` into the state of a running daemon: a second store on the same file adds
    /// articles; the first one's frequent-query lists and totals follow without a restart.
    @Test func listsNoticeAnotherWriter() throws {
        let path = NSTemporaryDirectory() + "renewald-generation-\(UUID().uuidString.prefix(8)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let daemon = try SQLiteStore(path: path, hotCapacity: 40, hotThreshold: 10)
        try HotListsTests().store(daemon, 0..<80)
        let before = try daemon.search("社区", filter: ReportFilter(limit: 5))
        #expect(daemon.hot.isHot("社区"))
        #expect(try daemon.search("社区", filter: ReportFilter(limit: 5)).total == before.total)

        let importer = try SQLiteStore(path: path, hotCapacity: 40, hotThreshold: 10)
        try HotListsTests().store(importer, 80..<200)
        let fresh = try importer.searchIndex(try #require(SearchTokens.matchExpression("社区")), terms: ["社区"],
                                             filter: ReportFilter(limit: 5))
        #expect(fresh.total > before.total)

        let after = try daemon.search("社区", filter: ReportFilter(limit: 5))
        #expect(after.total == fresh.total)
        #expect(after.hits.map(\.report) == fresh.hits.map(\.report))
        #expect(try daemon.counts().articles == 200)
    }
}
