import Foundation
import ReportModel
import Testing
@testable import Store

@Suite struct BandIndexTests {
    @Test func findsArticlesByBandsMostSharedFirst() {
        let index = BandIndex(capacity: 8)
        for rowid in 1...2000 as ClosedRange<Int64> {   // grows several times
            index.insert([UInt32(rowid) | 1 << 31, 7, UInt32(rowid % 10) + 100], rowid: rowid)
        }
        let found = index.candidates([UInt32(42) | 1 << 31, UInt32(42 % 10) + 100], limit: 5)
        #expect(found.first?.rowid == 42 && found.first?.bands == 2)
        #expect(found.count == 5)
        #expect(index.candidates([12345], limit: 5).isEmpty)
    }

    /// Keys land all over the table: when every key's home slot was 0, the table was one run of slots
    /// that each insert and lookup walked, and ingest slowed with every article stored.
    @Test func homeSlotsSpreadOverTheTable() {
        let homes = Set((1...1000 as ClosedRange<UInt64>).map { BandIndex.slot($0, 1 << 20) })
        #expect(homes.count > 990)
        #expect(homes.allSatisfy { $0 >= 0 && $0 < 1 << 20 })
    }

    @Test func stagedKeysCountOnlyOnceCommitted() {
        let index = BandIndex()
        index.stage([5, 6], rowid: 1)
        #expect(index.candidates([5], limit: 10).isEmpty)
        index.commitStaged()
        #expect(index.candidates([5], limit: 10).map(\.rowid) == [1])
        index.stage([9], rowid: 2)
        index.dropStaged()
        index.commitStaged()
        #expect(index.candidates([9], limit: 10).isEmpty)
    }

    static let story = [
        "今年以来，成都市武侯区累计完成既有住宅加装电梯386部，惠及居民5200户，投入财政补贴资金1.2亿元。",
        "玉林社区居委会先后召开坝坝会12次，请设计单位现场讲解井道位置、采光影响和分摊比例，低层住户的顾虑一条条得到回应。",
        "为破解资金难题，街道引入公积金提取和银行专项贷款，居民出资部分可分期缴纳，首批32个单元因此签下协议。",
    ]

    /// After a restart the index is rebuilt from the stored sketches: a reprint of a report stored
    /// before still finds it.
    @Test func reprintsOfReportsStoredBeforeARestartAreFound() throws {
        let path = NSTemporaryDirectory() + "bands-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let original = SQLiteStoreTests.report("orig", paragraphs: Self.story)
        do {
            let store = try SQLiteStore(path: path)
            #expect(try store.store(original, textHash: "h1", drop: SQLiteStoreTests.drop(original)) == .stored)
        }
        let store = try SQLiteStore(path: path)
        let copy = SQLiteStoreTests.report("copy", paragraphs: Self.story.map { $0.replacingOccurrences(of: "电梯", with: "电|梯") })
        let item = store.prepare(StoreItem(report: copy, textHash: "h2", drop: SQLiteStoreTests.drop(copy)))
        _ = try store.store([item])
        let stored = try #require(try store.report(id: "copy"))
        #expect(stored.nearDuplicateOf?.report == "orig")
        #expect(stored.articles[0].nearDuplicateOf?.similarity == 1)
        #expect(try store.report(id: "orig")?.articles[0].reprints.map(\.report) == ["copy"])
    }
}
