import Foundation
import ReportModel
import Testing
@testable import Store

/// The inbox subfolder as a tag (`list`/`search` filter), and failures sent back by `retry`.
@Suite struct InboxFolderStoreTests {
    func tagged() throws -> SQLiteStore {
        let store = try SQLiteStore(hotCapacity: 2, hotThreshold: 1)
        let tags: [(String, String?)] = [("a", "徐汇区"), ("b", "徐汇区/街道"), ("c", "徐汇区二"), ("d", nil), ("e", "徐汇")]
        for (id, tag) in tags {
            var r = SQLiteStoreTests.report(id, paragraphs: ["老旧小区加装电梯工作稳步推进。"], themes: ["elevator-retrofit"])
            r.tag = tag
            #expect(try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r)) == .stored)
        }
        return store
    }

    @Test func theTagFilterTakesTheFolderAndTheFoldersBelowIt() throws {
        let store = try tagged()
        #expect(Set(try store.list(ReportFilter(tag: "徐汇区")).reports.map(\.id)) == ["a", "b"])
        #expect(try store.list(ReportFilter(tag: "徐汇区/街道")).reports.map(\.id) == ["b"])
        #expect(try store.list(ReportFilter(tag: "徐汇")).reports.map(\.id) == ["e"], "a name's prefix is not its folder")
        #expect(try store.list(ReportFilter(tag: "闵行区")).total == 0)
        #expect(try store.list(ReportFilter()).total == 5)
        #expect(try store.list(ReportFilter(tag: "徐汇区")).reports.first { $0.id == "b" }?.tag == "徐汇区/街道")
        #expect(try store.report(id: "a")?.tag == "徐汇区")
        #expect(try store.report(id: "d")?.tag == nil)
    }

    /// A frequent term is answered from its hot list when unfiltered; a tag must never be served from it.
    @Test func searchFiltersByTagEvenForHotTerms() throws {
        let store = try tagged()
        #expect(try store.search("电梯", filter: ReportFilter()).total == 5)
        #expect(try store.search("电梯", filter: ReportFilter()).total == 5)   // now hot
        #expect(Set(try store.search("电梯", filter: ReportFilter(tag: "徐汇区")).hits.map(\.report)) == ["a", "b"])
        #expect(try store.search("电梯", filter: ReportFilter(tag: "徐汇区")).total == 2)
    }

    @Test func aRetriedFailureLeavesTheListAndTheCountUntilUndone() throws {
        let store = try SQLiteStore()
        try store.recordFailure(Failure(file: "甲/a.txt", code: "empty", reason: "r", at: "t1", path: "/s/failed/甲/a.txt"))
        try store.recordFailure(Failure(file: "b.txt", code: "binary", reason: "r", at: "t1", path: "/s/failed/b.txt"))
        #expect(try store.counts().failed == 2)
        let marked = try store.markRetried(path: "/s/failed/甲/a.txt", at: "t2")
        #expect(marked?.file == "甲/a.txt" && marked?.code == "empty")
        #expect(try store.failures(limit: 10).map(\.file) == ["b.txt"])
        #expect(try store.counts().failed == 1)
        #expect(try store.markRetried(path: "/s/failed/甲/a.txt", at: "t3") == nil, "marked once")
        try store.unmarkRetried(path: "/s/failed/甲/a.txt", at: "t2")
        #expect(try store.counts().failed == 2)
        #expect(try store.failures(limit: 10).count == 2)
        #expect(try store.markRetried(path: "/s/failed/nothing.txt", at: "t4") == nil)
    }
}
