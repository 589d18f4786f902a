import Foundation
import Synchronization
import ReportModel
import GRDB
import Testing
@testable import Store

/// Frequent queries are answered from kept candidate lists; they must rank exactly as FTS5 does.
@Suite struct HotListsTests {
    /// Articles with different lengths and counts of 电梯, 社区 and 加装电梯, in a fixed pseudo-random mix.
    static func article(_ n: Int) -> Report {
        var x = UInt32(truncatingIfNeeded: n &* 2654435761 &+ 12345)
        func next(_ m: UInt32) -> Int { x = x &* 1103515245 &+ 12345; return Int((x >> 16) % m) }
        let words = ["社区", "电梯", "加装电梯", "居民", "改造", "物业", "老旧小区", "停车", "绿化", "议事会",
                     "城市", "规划", "道路", "公园", "学校", "医院", "河道", "菜场", "书屋", "广场",
                     "文化", "活动", "服务", "中心", "街道", "党员", "志愿", "安全", "消防", "照明"]
        var sentences: [String] = []
        for _ in 0..<(1 + next(6)) {
            var s = ""
            for _ in 0..<(2 + next(6)) { s += words[next(UInt32(words.count))] + "工作" }
            sentences.append(s + "。")
        }
        return SQLiteStoreTests.report("r\(n)", paragraphs: [sentences.joined()])
    }

    /// The same articles in the same order, where articles with equal bm25 (ties) may come in either order.
    static func sameRanking(_ a: [SearchHit], _ b: [SearchHit]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in abs(x.score - y.score) <= 1e-9 * max(1, abs(x.score)) }
            && Set(a.filter { h in a.last.map { h.score > $0.score + 1e-9 } ?? true }.map(\.report))
            == Set(b.filter { h in b.last.map { h.score > $0.score + 1e-9 } ?? true }.map(\.report))
    }

    func store(_ store: SQLiteStore, _ range: Range<Int>) throws {
        for n in range {
            let r = Self.article(n)
            _ = try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r))
        }
    }

    @Test(arguments: ["电梯", "社区", "加装电梯", "梯", "电梯 社区"])
    func hotListsRankAsFTS5Does(query: String) throws {
        let s = try SQLiteStore(hotCapacity: 40, hotThreshold: 10)
        try store(s, 0..<120)
        let terms = SearchTokens.highlightTerms(query)
        let match = try #require(SearchTokens.matchExpression(query))
        let page = ReportFilter(limit: 20)
        let cold = try s.search(query, filter: page)       // ranked by FTS5; the list is built after it
        #expect(s.hot.isHot(try #require(HotLists.key(for: terms))))
        let warm = try s.search(query, filter: page)       // answered from the list
        #expect(warm.total == cold.total)
        #expect(Self.sameRanking(warm.hits, cold.hits))

        // Articles ingested later enter the lists; the ranking still equals FTS5's.
        try store(s, 120..<200)
        let fresh = try s.searchIndex(match, terms: terms, filter: page)
        let kept = try s.search(query, filter: page)
        #expect(kept.total == fresh.total)
        #expect(Self.sameRanking(kept.hits, fresh.hits), "\(kept.hits.map(\.report)) vs \(fresh.hits.map(\.report))")
        let second = try s.search(query, filter: ReportFilter(limit: 10, offset: 10))
        #expect(Self.sameRanking(second.hits, Array(fresh.hits.dropFirst(10))))
    }

    @Test func filtersAndDeepPagesBypassTheLists() throws {
        let s = try SQLiteStore(hotCapacity: 40, hotThreshold: 10)
        try store(s, 0..<60)
        _ = try s.search("电梯", filter: ReportFilter())
        let deep = try s.search("电梯", filter: ReportFilter(limit: 20, offset: 30))
        let terms = SearchTokens.highlightTerms("电梯")
        let exact = try s.searchIndex("\"电梯\"", terms: terms, filter: ReportFilter(limit: 20, offset: 30))
        #expect(deep.hits.map(\.report) == exact.hits.map(\.report))
        #expect(try s.search("电梯", filter: ReportFilter(theme: "none")).total == 0)
    }

    /// Match counts are saved once per transaction; what a restart loads must equal what was served.
    @Test func countsSurviveAReload() throws {
        let s = try SQLiteStore(hotCapacity: 40, hotThreshold: 10)
        try store(s, 0..<60)
        _ = try s.search("电梯", filter: ReportFilter())
        _ = try s.store((60..<90).map { n in
            let r = Self.article(n)
            return StoreItem(report: r, textHash: r.id, drop: SQLiteStoreTests.drop(r))
        })
        let served = try #require(s.hot.ranked("电梯"))
        let reloaded = HotLists(capacity: 40, threshold: 10)
        try s.db.read { try reloaded.load($0) }
        let loaded = try #require(reloaded.ranked("电梯"))
        #expect(loaded.total == served.total)
        #expect(loaded.total == (try s.searchIndex("\"电梯\"", terms: ["电梯"], filter: ReportFilter()).total))
        #expect(Set(loaded.candidates.map(\.article)) == Set(served.candidates.map(\.article)))
    }

    @Test func phraseFrequenciesFromPositions() {
        let text = Array("加装电梯电梯加装电梯梯".unicodeScalars)
        var positions: [Unicode.Scalar: [Int]] = [:]
        for (i, c) in text.enumerated() { positions[c, default: []].append(i) }
        let phrases = [Array("电梯".unicodeScalars), Array("梯".unicodeScalars), Array("加装电梯".unicodeScalars), Array("楼".unicodeScalars)]
        #expect(HotLists.frequencies(of: phrases, in: text, positions: positions) == [3, 4, 2, 0])
        #expect(HotLists.frequencies(of: phrases, in: text, positions: positions) == HotLists.frequencies(of: phrases, in: text))
    }

    /// Matches are found on the analysis threads against the lists kept then; a list built before the
    /// commit makes the writer look again, so the new list still ranks as FTS5 does.
    @Test func matchesFoundBeforeANewListAreRedone() throws {
        let s = try SQLiteStore(hotCapacity: 40, hotThreshold: 10)
        try store(s, 0..<60)
        let late = SQLiteStoreTests.report("late", paragraphs: [String(repeating: "社区工作，", count: 30)])
        let item = s.prepare(StoreItem(report: late, textHash: late.id, drop: SQLiteStoreTests.drop(late)))
        #expect(item.hotMatches?.first?.found.isEmpty == true, "no lists yet")
        _ = try s.search("社区", filter: ReportFilter())      // builds the list for 社区
        _ = try s.store([item])
        let kept = try s.search("社区", filter: ReportFilter(limit: 20))
        let fresh = try s.searchIndex("\"社区\"", terms: ["社区"], filter: ReportFilter(limit: 20))
        #expect(kept.total == fresh.total)
        #expect(Self.sameRanking(kept.hits, fresh.hits))
        #expect(kept.hits.first?.report == "late")

        let again = SQLiteStoreTests.report("later", paragraphs: [String(repeating: "社区服务，", count: 30)])
        let prepared = s.prepare(StoreItem(report: again, textHash: again.id, drop: SQLiteStoreTests.drop(again)))
        #expect(prepared.hotMatches?.first?.found.map(\.key) == ["社区"], "found off the writer once the list exists")
        _ = try s.store([prepared])
        #expect(try s.search("社区", filter: ReportFilter()).total == fresh.total + 1)
    }
}

/// A search never waits for the writer: a commit in flight (at low priority under ingest) held up
/// searches that took its uncommitted count for another writer's, or that built a hot list.
@Suite struct HotListsBesideACommitTests {
    /// A store in a file (a pool: reads beside the writer, unlike the in-memory one), removed after `body`.
    static func withFileStore(_ body: (SQLiteStore) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "renewald-hot-\(UUID().uuidString.prefix(8)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try body(try SQLiteStore(path: path, hotCapacity: 40, hotThreshold: 10))
    }

    @Test func searchesAnswerWhileACommitHoldsTheWriter() throws {
        try HotListsBesideACommitTests.withFileStore { s in
            try HotListsTests().store(s, 0..<80)
            _ = try s.search("社区", filter: ReportFilter(limit: 5))
            #expect(s.hot.isHot("社区"))

            let holding = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            Thread { _ = try? s.writeCounted { _ in holding.signal(); release.wait() } }.start()
            holding.wait()
            let answered = DispatchSemaphore(value: 0)
            let totals = Mutex<[Int]>([])
            Thread {
                for query in ["社区", "电梯"] {   // one answered from its list, one frequent and not listed yet
                    if let total = try? s.search(query, filter: ReportFilter(limit: 5)).total { totals.withLock { $0.append(total) } }
                }
                answered.signal()
            }.start()
            let inTime = answered.wait(timeout: .now() + 10) == .success
            let builtBeside = s.hot.isHot("电梯")
            release.signal()
            if !inTime { answered.wait() }
            #expect(inTime, "the searches waited for the writer")
            #expect(builtBeside, "the new list waited for the writer")
            #expect(totals.withLock { $0 }.count == 2)
            #expect(s.hot.isHot("电梯"), "the list is built beside the commit and kept by it")
        }
    }
}

/// The lists change on the writer's copy; searches see them as the last commit left them, so a
/// search never takes a lock the (low-priority) commit thread holds while it works.
@Suite struct HotListsPublishedAtCommitTests {
    struct Abandon: Error {}

    @Test func searchesSeeTheListsAsTheLastCommitLeftThem() throws {
        let s = try SQLiteStore(hotCapacity: 40, hotThreshold: 10)
        try HotListsTests().store(s, 0..<60)
        _ = try s.search("社区", filter: ReportFilter())
        let before = try #require(s.hot.ranked("社区")).total

        #expect(throws: Abandon.self) {
            try s.writeCounted { db in
                try s.hot.add(article: 1_000_001, text: { "社区工作" }, length: 4, in: db)
                #expect(s.hot.ranked("社区")?.total == before, "a search saw the open transaction")
                throw Abandon()
            }
        }
        #expect(s.hot.ranked("社区")?.total == before, "a rolled-back article stayed in the lists")

        try s.writeCounted { db in
            try s.hot.add(article: 1_000_002, text: { "社区工作" }, length: 4, in: db)
        }
        #expect(s.hot.ranked("社区")?.total == before + 1)
    }
}

/// A list built from a snapshot while a transaction adds matching articles must take them in
/// before that transaction's commit shows it to searches, else it would miss them for good.
@Suite struct HotListsBuiltDuringATransactionTests {
    @Test func aListBuiltBesideAnOpenTransactionGetsItsArticles() throws {
        try HotListsBesideACommitTests.withFileStore { s in
            try HotListsTests().store(s, 0..<60)
            let holding = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            let written = DispatchSemaphore(value: 0)
            Thread {
                _ = try? s.writeCounted { db in
                    for n in 60..<100 {
                        let r = HotListsTests.article(n)
                        let item = StoreItem(report: r, textHash: r.id, drop: SQLiteStoreTests.drop(r))
                        try s.insert(item.report, rows: item.rows, textHash: item.textHash, in: db)
                    }
                    holding.signal()
                    release.wait()
                }
                written.signal()
            }.start()
            holding.wait()
            let before = try s.search("电梯", filter: ReportFilter(limit: 20))   // the committed 60 only
            let builtBeside = s.hot.isHot("电梯")
            release.signal()
            written.wait()
            #expect(builtBeside)
            #expect(s.hot.isHot("电梯"), "the commit dropped the list built beside it")
            let served = try s.search("电梯", filter: ReportFilter(limit: 20))
            let ranked = try s.searchIndex("\"电梯\"", terms: ["电梯"], filter: ReportFilter(limit: 20))
            #expect(served.total > before.total)
            #expect(served.total == ranked.total)
            #expect(HotListsTests.sameRanking(served.hits, ranked.hits), "\(served.hits.map(\.report)) vs \(ranked.hits.map(\.report))")
            let reloaded = HotLists(capacity: 40, threshold: 10)
            try s.db.read { try reloaded.load($0) }
            #expect(reloaded.ranked("电梯")?.total == ranked.total, "the list was saved with the transaction's articles")
        }
    }
}
