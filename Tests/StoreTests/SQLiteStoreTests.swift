import CZlib
import Foundation
import ReportModel
import Testing
@testable import Store

@Suite struct SQLiteStoreTests {
    static func report(_ id: String, paragraphs: [String], themes: [String] = [], places: [String] = [],
                       published: String? = nil, received: String = "2026-03-01T08:00:00Z") -> Report {
        let scores = themes.map { ThemeScore(id: $0, score: 0.8, evidence: [], cues: []) }
        return Report(id: id, file: "\(id).txt", sha256: id + "sha", received: received, published: published,
                      source: Source(format: .text, encoding: .utf8, bytes: 10), headline: nil,
                      articles: [Article(index: 0, title: "标题\(id)", paragraphs: paragraphs, themes: scores,
                                         primaryTheme: themes.first, places: places)],
                      themes: scores)
    }

    static func drop(_ r: Report) -> Drop {
        Drop(file: r.file, reportID: r.id, sha256: r.sha256, received: r.received, archivedAs: "/a/\(r.file)")
    }

    func seeded() throws -> SQLiteStore {
        let store = try SQLiteStore()
        let a = Self.report("a", paragraphs: ["老旧小区加装电梯工作稳步推进。"], themes: ["elevator-retrofit"], places: ["成都市"], published: "2023-05-12")
        let b = Self.report("b", paragraphs: ["楼梯间照明改造，梯步维修。"], themes: ["old-community-renovation"], places: ["武汉市"])
        let c = Self.report("c", paragraphs: ["社区食堂开业，老人就餐方便。PPP项目落地。"], themes: ["community-services"])
        for r in [a, b, c] { #expect(try store.store(r, textHash: r.id, drop: Self.drop(r)) == .stored) }
        return store
    }

    @Test func oneAndTwoCharacterTermsMatch() throws {
        let store = try seeded()
        #expect(try store.search("梯", filter: ReportFilter()).total == 2)
        #expect(try store.search("电梯", filter: ReportFilter()).hits.map(\.report) == ["a"])
        #expect(try store.search("加装电梯", filter: ReportFilter()).total == 1)
        #expect(try store.search("食", filter: ReportFilter()).hits.first?.report == "c")
        #expect(try store.search("ppp", filter: ReportFilter()).total == 1)
        #expect(try store.search("电梯 食堂", filter: ReportFilter()).total == 0)
        #expect(try store.search("装电梯加", filter: ReportFilter()).total == 0)
    }

    @Test func hitsCarrySnippetsAndRespectFilters() throws {
        let store = try seeded()
        let hit = try #require(try store.search("电梯", filter: ReportFilter()).hits.first)
        #expect(hit.snippet.contains("【电梯】"))
        #expect(hit.title == "标题a")
        #expect(try store.search("梯", filter: ReportFilter(theme: "old-community-renovation")).hits.map(\.report) == ["b"])
        #expect(try store.search("梯", filter: ReportFilter(place: "成都")).hits.map(\.report) == ["a"])
        #expect(try store.search("梯", filter: ReportFilter(limit: 1, offset: 1)).hits.count == 1)
    }

    @Test func listFiltersByThemePlaceAndDate() throws {
        let store = try seeded()
        #expect(try store.list(ReportFilter()).total == 3)
        #expect(try store.list(ReportFilter(theme: "community-services")).reports.map(\.id) == ["c"])
        #expect(try store.list(ReportFilter(place: "武汉")).reports.map(\.id) == ["b"])
        #expect(try store.list(ReportFilter(until: "2023-12-31")).reports.map(\.id) == ["a"])
        #expect(try store.list(ReportFilter(since: "2026-03-01")).total == 2)
    }

    @Test func sameBytesTwiceIsOneReportAndTwoDrops() throws {
        let store = try seeded()
        let again = Self.report("a", paragraphs: ["老旧小区加装电梯工作稳步推进。"])
        var drop = Self.drop(again)
        drop.archivedAs = "/a/a.1.txt"
        #expect(try store.store(again, textHash: "a", drop: drop) == .alreadyStored)
        #expect(try store.counts().reports == 3)
        #expect(try store.drop(file: "a.txt", sha256: "asha")?.archivedAs == "/a/a.1.txt")
    }

    @Test func sameTextUnderOtherBytesIsMarkedDuplicate() throws {
        let store = try seeded()
        let other = Self.report("z", paragraphs: ["老旧小区加装电梯工作稳步推进。"])
        _ = try store.store(other, textHash: "a", drop: Self.drop(other))
        #expect(try store.report(id: "z")?.duplicateOf == "a")
    }

    @Test func countsFailuresAndLabels() throws {
        let store = try seeded()
        try store.recordFailure(Failure(file: "x.bin", code: "binary", reason: "binary", at: "2026", path: "/f/x.bin"))
        #expect(try store.failures(limit: 10).map(\.file) == ["x.bin"])
        let counts = try store.counts()
        #expect(counts.reports == 3 && counts.articles == 3 && counts.failed == 1)
        #expect(counts.themes["elevator-retrofit"] == 1)
        try store.saveLabel(Label(reportID: "a", article: 0, themes: ["infrastructure"], primary: nil, at: "t1"))
        try store.saveLabel(Label(reportID: "a", article: 0, themes: ["infrastructure", "smart-community"], primary: "smart-community", at: "t2"))
        #expect(try store.labels() == [Label(reportID: "a", article: 0, themes: ["infrastructure", "smart-community"], primary: "smart-community", at: "t2")])
    }

    @Test func rewriteAllUpdatesThemeIndexes() throws {
        let store = try seeded()
        let n = try store.rewriteAll { report in
            var r = report
            r.themes = [ThemeScore(id: "smart-community", score: 1)]
            r.articles[0].themes = r.themes
            return r
        }
        #expect(n == 3)
        #expect(try store.list(ReportFilter(theme: "smart-community")).total == 3)
        #expect(try store.counts().themes["smart-community"] == 3)
        #expect(try store.integrityCheck() == "ok")
    }
}

@Suite struct PackedReportTests {
    @Test func storedReportsComeBackWhole() throws {
        let theme = ThemeScore(id: "elevator-retrofit", score: 0.812, evidence: ["居民出资加装电梯12部。"], cues: ["加装电梯"])
        var report = SQLiteStoreTests.report("p", paragraphs: ["居民出资加装电梯12部。", "第二段，说明情况。"])
        report.articles[0].themes = [theme]
        report.articles[0].figures = [Figure(value: "12", unit: "部", text: "居民出资加装电梯12部")]
        report.articles.append(Article(index: 1, title: "二", paragraphs: ["另一篇。"]))
        report.themes = [theme]
        report.warnings = ["rejoined 3 hard-wrapped lines"]
        let store = try SQLiteStore()
        _ = try store.store(report, textHash: "p", drop: SQLiteStoreTests.drop(report))
        #expect(try store.report(id: "p") == report)
    }

    @Test func packingShrinksChineseJSON() {
        let text = String(repeating: "老旧小区改造让居民住得更舒心，加装电梯120部。", count: 40)
        let report = SQLiteStoreTests.report("q", paragraphs: [text], themes: ["elevator-retrofit"])
        let packed = PackedReport.pack(report)
        #expect(packed.count < report.json.serialized().utf8.count / 3)
        #expect(PackedReport.decompress(Data([0, 0, 0, 9, 1, 2, 3])) == nil, "damaged data is refused, not trusted")
        #expect(PackedReport.unpackText(PackedReport.packText(text)) == text)
    }

    /// Stores written before zstd hold zlib streams; they must still read.
    @Test func zlibPackedTextStillUnpacks() {
        let text = Array(String(repeating: "城市更新，社区营造。", count: 30).utf8)
        var bound = compressBound(uLong(text.count))
        var out = [UInt8](repeating: 0, count: Int(bound) + 4)
        out[2] = UInt8(text.count >> 8); out[3] = UInt8(text.count & 0xFF)
        let rc = out.withUnsafeMutableBufferPointer { dest in
            text.withUnsafeBufferPointer { compress2(dest.baseAddress! + 4, &bound, $0.baseAddress, uLong(text.count), 6) }
        }
        #expect(rc == Z_OK)
        #expect(PackedReport.decompress(Data(out[..<(Int(bound) + 4)])) == text)
    }
}

/// `search` matches across scripts: the index and the query are both folded to simplified characters.
@Suite struct CrossScriptSearchTests {
    @Test func aSimplifiedQueryFindsATraditionalReportAndTheReverse() throws {
        let store = try SQLiteStore()
        let traditional = SQLiteStoreTests.report("t", paragraphs: ["推行紅色物業，業主委員會監督物業服務。"])
        let simplified = SQLiteStoreTests.report("s", paragraphs: ["红色物业进小区，业主满意。"])
        for r in [traditional, simplified] {
            #expect(try store.store(r, textHash: r.id, drop: SQLiteStoreTests.drop(r)) == .stored)
        }
        #expect(try store.search("物业", filter: ReportFilter()).hits.map(\.report).sorted() == ["s", "t"])
        #expect(try store.search("物業", filter: ReportFilter()).hits.map(\.report).sorted() == ["s", "t"])
        #expect(try store.search("业主委员会", filter: ReportFilter()).hits.map(\.report) == ["t"])
        let hit = try #require(try store.search("物业服务", filter: ReportFilter()).hits.first)
        #expect(hit.snippet.contains("【物業服務】"))   // highlighted as written
    }
}
