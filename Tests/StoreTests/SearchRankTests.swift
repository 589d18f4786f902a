import Foundation
import GRDB
import ReportModel
import Testing
@testable import Store

/// Search ranks by bm25 with idf = 1 + ln((N + 1) / (n + 0.5)): a term in most articles still ranks by
/// frequency and length, with scores worth showing (FTS5's own bm25 gave such terms about 1e-6).
@Suite struct SearchRankTests {
    /// An article of `units` two-character units, `counts[term]` of them the term and the rest 道路:
    /// every article has the same length (title 标题 + id, then 2 index tokens per unit).
    static func article(_ id: String, _ counts: [String: Int], units: Int = 12) -> Report {
        var text = ""
        for (term, n) in counts.sorted(by: { $0.key < $1.key }) { text += String(repeating: term + "。", count: n) }
        text += String(repeating: "道路。", count: units - counts.values.reduce(0, +))
        return SQLiteStoreTests.report(id, paragraphs: [text])
    }

    /// The definition, written out independently of the code under test (a PostgreSQL store must match it).
    static func expected(_ terms: [(frequency: Double, matching: Int)], documents: Int) -> Double {
        // Equal lengths: D / avgdl = 1, so the length factor is k1 = 1.2.
        terms.reduce(0) { sum, term in
            sum + (1 + log((Double(documents) + 1) / (Double(term.matching) + 0.5))) * term.frequency * 2.2 / (term.frequency + 1.2)
        }
    }

    /// `renewald_frequencies` counts each phrase's occurrences in the row as the hot lists count them
    /// in the text (overlapping, a single character as a prefix), so a list needs no article text.
    @Test func frequenciesFromTheIndexEqualThoseInTheText() throws {
        let report = SQLiteStoreTests.report("f1", paragraphs: ["加装电梯电梯，社区电梯梯级。社区"])
        let store = try stored([report], hotThreshold: 1_000)
        for query in ["电梯", "梯", "加装电梯", "电梯 社区", "社区 梯 电梯"] {
            let match = try #require(SearchTokens.matchExpression(query))
            let fromIndex = try store.db.read { db in
                try String.fetchOne(db, sql: "SELECT \(SearchRank.frequenciesFunctionName)(article_fts) FROM article_fts WHERE article_fts MATCH ?",
                                    arguments: [match])
            }
            let row = try #require(try store.db.read { db in try Row.fetchOne(db, sql: "SELECT title, author, body FROM article") })
            let text = SQLiteStore.indexedText(title: row[0], author: row[1], body: PackedReport.unpackText(row[2]))
            let phrases = HotLists.phrases(of: try #require(HotLists.key(for: SearchTokens.highlightTerms(query))))
            let fromText = HotLists.frequencies(of: phrases, in: Array(text.unicodeScalars))
            #expect(fromIndex == fromText.map(String.init).joined(separator: ","), "\(query)")
            #expect(fromText.allSatisfy { $0 > 0 })
        }
    }

    func stored(_ reports: [Report], hotThreshold: Int) throws -> SQLiteStore {
        let store = try SQLiteStore(hotCapacity: 40, hotThreshold: hotThreshold)
        for r in reports { _ = try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r)) }
        return store
    }

    /// 社区 is in every article (FTS5's idf: 1e-6): the article saying it most comes first, and the
    /// scores are the definition's, about 1 to 2, on the full-text path and from the hot list alike.
    @Test(arguments: [1_000, 1])
    func aTermInEveryArticleRanksByFrequency(hotThreshold: Int) throws {
        let reports = (1...10).map { k in Self.article("r\(k + 10)", ["社区": k]) }
        let store = try stored(reports, hotThreshold: hotThreshold)
        for _ in 0..<2 {   // with threshold 1 the second search is answered from the hot list
            let (total, hits) = try store.search("社区", filter: ReportFilter(limit: 10))
            #expect(total == 10)
            #expect(hits.map(\.report) == (1...10).reversed().map { "r\($0 + 10)" })
            for (hit, k) in zip(hits, (1...10).reversed()) {
                #expect(abs(hit.score - Self.expected([(Double(k), 10)], documents: 10)) < 1e-9, "\(hit.report): \(hit.score)")
            }
            // As a client sees them (three decimals), the scores still differ and are not 0.
            let shown = hits.map { ($0.score * 1000).rounded() / 1000 }
            #expect(shown.last! >= 1 && zip(shown, shown.dropFirst()).allSatisfy { $0 > $1 }, "\(shown)")
        }
        #expect(store.hot.isHot("社区") == (hotThreshold == 1))
    }

    /// 电梯 is in 8 of 20 articles and 社区 in 12. FTS5 gave 社区 no weight, so an article with 电梯
    /// twice and 社区 once outranked one with 电梯 once and 社区 ten times; the common term counts now.
    @Test(arguments: [1_000, 1])
    func aCommonTermsFrequencyCounts(hotThreshold: Int) throws {
        var reports = [Self.article("x", ["电梯": 1, "社区": 10]), Self.article("y", ["电梯": 2, "社区": 1])]
        reports += (0..<6).map { Self.article("a\($0)", ["电梯": 1]) }
        reports += (0..<10).map { Self.article("b\($0)", ["社区": 1]) }
        reports += (0..<2).map { Self.article("c\($0)", [:]) }
        let store = try stored(reports, hotThreshold: hotThreshold)
        for _ in 0..<2 {
            let (total, hits) = try store.search("电梯 社区", filter: ReportFilter(limit: 10))
            #expect(total == 2)
            #expect(hits.map(\.report) == ["x", "y"])
            let x = Self.expected([(1, 8), (10, 12)], documents: 20)
            let y = Self.expected([(2, 8), (1, 12)], documents: 20)
            #expect(hits.count == 2 && abs(hits[0].score - x) < 1e-9 && abs(hits[1].score - y) < 1e-9, "\(hits.map(\.score)) vs \([x, y])")
        }
    }

    /// The idf never reaches 0 and falls as a term gets commoner.
    @Test func idfStaysPositiveAndFalls() {
        let values = [0, 1, 10, 500, 999, 1000].map { SearchRank.idf(documents: 1000, matching: $0) }
        #expect(values.allSatisfy { $0 > 1 })
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
    }
}
