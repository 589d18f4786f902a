import ReportModel
import Testing
@testable import Store

/// Every field a person searches by is indexed with its own article: title, authors, affiliation,
/// outlet, editors, and the page's document number and headline with the first article.
@Suite struct MetadataSearchTests {
    func store() throws -> SQLiteStore {
        let store = try SQLiteStore()
        var report = SQLiteStoreTests.report("m", paragraphs: ["楼道照明改造完成。"])
        report.headline = "青石日报社区版"
        report.documentNumber = "青建发〔2024〕12号"
        report.articles[0].title = "桂香小区完成改造"
        report.articles[0].source = "青石日报"
        report.articles[0].editors = ["罗一鸣"]
        var second = Article(index: 1, title: "口袋公园怎么建", author: "韩书瑶、龚文澜", affiliation: "青石大学建筑学院教授",
                             paragraphs: ["微绿地让街角有了生气。"])
        second.source = "青石日报"
        report.articles.append(second)
        #expect(try store.store(report, textHash: "m", drop: SQLiteStoreTests.drop(report)) == .stored)
        return store
    }

    @Test(arguments: [
        ("青石大学", 1), ("龚文澜", 1), ("韩书瑶", 1), ("口袋公园怎么建", 1),
        ("青建发〔2024〕12号", 0), ("青建发", 0), ("罗一鸣", 0), ("社区版", 0),
    ])
    func metadataIsFoundInItsArticle(query: String, article: Int) throws {
        let hits = try store().search(query, filter: ReportFilter()).hits
        #expect(hits.map(\.article) == [article])
    }

    @Test func theOutletFindsEveryArticleItCredits() throws {
        #expect(try store().search("青石日报", filter: ReportFilter()).total == 2)
    }
}
