import Foundation
import ReportModel
import Testing
@testable import PostgresStore
@testable import Store

/// What every `ReportStore` must do, whatever holds the rows: each check takes a fresh, empty store.
/// `SQLiteContractTests` and `PostgresContractTests` run every one of them.
enum StoreContract {
    static func report(_ id: String, paragraphs: [String], themes: [String] = [], places: [String] = [],
                       published: String? = nil, received: String = "2026-03-01T08:00:00Z", title: String? = nil,
                       sha256: String? = nil) -> Report {
        let scores = themes.map { ThemeScore(id: $0, score: 0.8, evidence: [], cues: []) }
        return Report(id: id, file: "\(id).txt", sha256: sha256 ?? id + "sha", received: received, published: published,
                      source: Source(format: .text, encoding: .utf8, bytes: 10), headline: nil,
                      articles: [Article(index: 0, title: title ?? "标题\(id)", paragraphs: paragraphs, themes: scores,
                                         primaryTheme: themes.first, places: places)],
                      themes: scores)
    }

    static func drop(_ r: Report) -> Drop {
        Drop(file: r.file, reportID: r.id, sha256: r.sha256, received: r.received, archivedAs: "/a/\(r.file)")
    }

    static func item(_ r: Report, textHash: String? = nil) -> StoreItem {
        StoreItem(report: r, textHash: textHash ?? r.id, drop: drop(r))
    }

    static func seed(_ store: any ReportStore) throws {
        let a = report("a", paragraphs: ["老旧小区加装电梯工作稳步推进。"], themes: ["elevator-retrofit"], places: ["成都市"], published: "2023-05-12")
        let b = report("b", paragraphs: ["楼梯间照明改造，梯步维修。"], themes: ["old-community-renovation"], places: ["武汉市"])
        let c = report("c", paragraphs: ["社区食堂开业，老人就餐方便。PPP项目落地。"], themes: ["community-services"])
        for r in [a, b, c] { #expect(try store.store(r, textHash: r.id, drop: drop(r)) == .stored) }
    }

    static func storesAndReadsBack(_ store: any ReportStore) throws {
        let r = report("r1", paragraphs: ["第一段。", "", "第三段，加装电梯。"], themes: ["elevator-retrofit"], places: ["成都市"])
        #expect(try store.store([item(r)]) == [.stored])
        #expect(try store.store([item(r)]) == [.alreadyStored])
        let back = try #require(try store.report(id: "r1"))
        #expect(back.articles[0].paragraphs == r.articles[0].paragraphs)
        #expect(back.articles[0].title == "标题r1")
        #expect(try store.reportJSON(id: "r1")?.contains("\"id\":\"r1\"") == true)
        #expect(try store.report(id: "nope") == nil)
        #expect(try store.reportID(file: "r1.txt") == "r1")
        #expect(try store.drop(file: "r1.txt", sha256: "r1sha") == drop(r))
        #expect(try store.drop(file: "r1.txt", sha256: "other") == nil)
        let counts = try store.counts()
        #expect(counts.reports == 1 && counts.articles == 1 && counts.themes == ["elevator-retrofit": 1])
    }

    static func refusesAnIdCollision(_ store: any ReportStore) throws {
        let first = report("c0ffee", paragraphs: ["原来的文件。"], sha256: "c0ffee-first")
        let second = report("c0ffee", paragraphs: ["另一个文件，同一个编号。"], sha256: "c0ffee-second")
        #expect(try store.store([item(first)]) == [.stored])
        #expect(try store.store([item(second), item(report("other", paragraphs: ["别的。"]))]) == [.idCollision(stored: "c0ffee-first"), .stored])
        #expect(try store.report(id: "c0ffee")?.articles[0].paragraphs == ["原来的文件。"])
        #expect(try store.drop(file: "c0ffee.txt", sha256: "c0ffee-second") == nil)
        #expect(try store.counts().reports == 2)
    }

    static func marksDuplicatesWithinAndAcrossBatches(_ store: any ReportStore) throws {
        let a = report("d1", paragraphs: ["同一篇文字。"]), b = report("d2", paragraphs: ["同一篇文字。"]), c = report("d0", paragraphs: ["同一篇文字。"])
        // In one batch, the first of the batch is the original, whatever the ids' order.
        #expect(try store.store([item(a, textHash: "same"), item(c, textHash: "same")]) == [.stored, .stored])
        #expect(try store.store([item(b, textHash: "same")]) == [.stored])
        #expect(try store.report(id: "d1")?.duplicateOf == nil)
        #expect(try store.report(id: "d0")?.duplicateOf == "d1")
        #expect(try store.report(id: "d2")?.duplicateOf == "d1")
        #expect(try store.list(ReportFilter(collapse: true)).reports.map(\.id) == ["d1"])
        #expect(try store.list(ReportFilter()).total == 3)
    }

    static func searchMatchesSubstrings(_ store: any ReportStore) throws {
        try seed(store)
        #expect(try store.search("梯", filter: ReportFilter()).total == 2)
        #expect(try store.search("电梯", filter: ReportFilter()).hits.map(\.report) == ["a"])
        #expect(try store.search("加装电梯", filter: ReportFilter()).total == 1)
        #expect(try store.search("食", filter: ReportFilter()).hits.first?.report == "c")
        #expect(try store.search("ppp", filter: ReportFilter()).total == 1)
        #expect(try store.search("ＰＰＰ", filter: ReportFilter()).total == 1)
        #expect(try store.search("電梯", filter: ReportFilter()).total == 1)
        #expect(try store.search("电梯 食堂", filter: ReportFilter()).total == 0)
        #expect(try store.search("装电梯加", filter: ReportFilter()).total == 0)
        #expect(try store.search("  ，。", filter: ReportFilter()).total == 0)
        let hit = try #require(try store.search("电梯", filter: ReportFilter()).hits.first)
        #expect(hit.snippet.contains("【电梯】"))
        #expect(hit.title == "标题a")
        #expect(hit.themes.map(\.id) == ["elevator-retrofit"])
        #expect(hit.score > 0)
    }

    static func filtersAndPages(_ store: any ReportStore) throws {
        try seed(store)
        #expect(try store.search("梯", filter: ReportFilter(theme: "old-community-renovation")).hits.map(\.report) == ["b"])
        #expect(try store.search("梯", filter: ReportFilter(place: "成都")).hits.map(\.report) == ["a"])
        #expect(try store.search("梯", filter: ReportFilter(limit: 1, offset: 1)).hits.count == 1)
        #expect(try store.list(ReportFilter()).total == 3)
        #expect(try store.list(ReportFilter(theme: "community-services")).reports.map(\.id) == ["c"])
        #expect(try store.list(ReportFilter(place: "武汉")).reports.map(\.id) == ["b"])
        #expect(try store.list(ReportFilter(until: "2023-12-31")).reports.map(\.id) == ["a"])
        #expect(try store.list(ReportFilter(since: "2026-03-01")).total == 2)
        #expect(try store.list(ReportFilter()).reports.map(\.id) == ["b", "c", "a"])
        #expect(try store.list(ReportFilter(limit: 1, offset: 2)).reports.map(\.id) == ["a"])
    }

    /// An inbox subfolder's tag filters its reports and those of the folders below it, not its namesakes.
    static func filtersByTag(_ store: any ReportStore) throws {
        for (id, tag) in [("t1", "district-3"), ("t2", "district-3/news"), ("t3", "district-30"), ("t4", nil)] as [(String, String?)] {
            var r = report(id, paragraphs: ["加装电梯，\(id)。"])
            r.tag = tag
            #expect(try store.store([item(r)]) == [.stored])
        }
        #expect(try store.list(ReportFilter(tag: "district-3")).reports.map(\.id).sorted() == ["t1", "t2"])
        #expect(try store.list(ReportFilter(tag: "district-3")).reports.map(\.tag).sorted { ($0 ?? "") < ($1 ?? "") } == ["district-3", "district-3/news"])
        #expect(try store.search("电梯", filter: ReportFilter(tag: "district-30")).hits.map(\.report) == ["t3"])
        #expect(try store.search("电梯", filter: ReportFilter()).total == 4)
    }

    static func recordsFailuresNewestFirst(_ store: any ReportStore) throws {
        for n in 0..<3 {
            try store.recordFailure(Failure(file: "f\(n).bin", code: "binary", reason: "not text", at: "2026-03-01T08:00:0\(n)Z",
                                            path: n == 1 ? nil : "/failed/f\(n).bin"))
        }
        #expect(try store.failures(limit: 2).map(\.file) == ["f2.bin", "f1.bin"])
        #expect(try store.failures(limit: 10)[1].path == nil)
        #expect(try store.counts().failed == 3)
        let retried = try #require(try store.markRetried(path: "/failed/f2.bin", at: "t9"))
        #expect(retried.file == "f2.bin")
        #expect(try store.markRetried(path: "/failed/f2.bin", at: "t10") == nil)
        #expect(try store.failures(limit: 10).map(\.file) == ["f1.bin", "f0.bin"])
        #expect(try store.counts().failed == 2)
        try store.unmarkRetried(path: "/failed/f2.bin", at: "t9")
        #expect(try store.failures(limit: 10).map(\.file) == ["f2.bin", "f1.bin", "f0.bin"])
        #expect(try store.counts().failed == 3)
    }

    static func keepsLabelsAndRewritesThemes(_ store: any ReportStore) throws {
        try seed(store)
        try store.saveLabel(Label(reportID: "a", article: 0, themes: ["x", "y"], primary: "x", at: "t1"))
        try store.saveLabel(Label(reportID: "b", article: 0, themes: ["z"], primary: nil, at: "t2"))
        try store.saveLabel(Label(reportID: "a", article: 0, themes: ["y"], primary: "y", at: "t3"))
        #expect(try store.labels() == [Label(reportID: "a", article: 0, themes: ["y"], primary: "y", at: "t3"),
                                       Label(reportID: "b", article: 0, themes: ["z"], primary: nil, at: "t2")])
        // Reclassify everything into one theme: counts, filters and hits follow.
        let n = try store.rewriteAll { report in
            var r = report
            let score = ThemeScore(id: "community-services", score: 0.9, evidence: [], cues: [])
            for i in r.articles.indices { r.articles[i].themes = [score] }
            r.themes = [score]
            return r
        }
        #expect(n == 3)
        #expect(try store.counts().themes == ["community-services": 3])
        #expect(try store.list(ReportFilter(theme: "community-services")).total == 3)
        #expect(try store.search("梯", filter: ReportFilter()).hits.allSatisfy { $0.themes.map(\.id) == ["community-services"] })
        var a = try #require(try store.report(id: "a"))
        a.articles[0].themesBy = .person
        try store.update(a)
        #expect(try store.list(ReportFilter()).reports.first { $0.id == "a" }?.labelled == true)
    }

    /// A phrase far into a long article, and one made of a pair that repeats hundreds of times, are
    /// found like any other (PostgreSQL's tsvector stops at 16,383 positions and 256 per lexeme).
    static func findsPhrasesDeepInLongArticles(_ store: any ReportStore) throws {
        let filler = String(repeating: "社区社区，", count: 4000)   // 20,000 characters, 社区 8,000 times
        let long = report("long", paragraphs: [filler + "最后一句话提到加装电梯。" + filler + "末尾社区服务中心。"])
        #expect(try store.store([item(long)]) == [.stored])
        #expect(try store.search("加装电梯", filter: ReportFilter()).hits.map(\.report) == ["long"])
        #expect(try store.search("社区服务中心", filter: ReportFilter()).total == 1)
        #expect(try store.search("区社区", filter: ReportFilter()).total == 1)
        #expect(try store.search("社区社区社", filter: ReportFilter()).total == 0)
    }

    /// Text PostgreSQL cannot hold (U+0000) is stored all the same.
    static func storesOddText(_ store: any ReportStore) throws {
        let odd = report("odd", paragraphs: ["正文\u{0}带空字符。it's a \\ test"], title: "标题\u{0}")
        #expect(try store.store([item(odd)]) == [.stored])
        #expect(try store.search("it's", filter: ReportFilter()).total == 1)
        #expect(try store.search("test", filter: ReportFilter()).total == 1)
        #expect(try store.report(id: "odd") != nil)
    }

    /// Waits for the hot lists a search asked for (PostgreSQL builds them on a thread of their own;
    /// SQLite builds them in the search that finds a query frequent).
    static func waitForHotLists(_ store: any ReportStore) {
        (store as? PostgresStore)?.hotBuilds.wait()
    }

    /// Frequent queries are served from the hot lists: the same totals and hits as ranking them all.
    static func hotListsAgreeWithFullRanking(_ store: any ReportStore, ranked: any ReportStore) throws {
        for n in 0..<60 {
            var sentences = Array(repeating: "居民议事。", count: n % 7)
            sentences += Array(repeating: "社区服务，", count: 1 + n % 5)
            if n % 3 == 0 { sentences.append("社区工作。") }
            let r = report("r\(1000 + n)", paragraphs: [sentences.joined()])
            _ = try store.store([item(r)])
            _ = try ranked.store([item(r)])
        }
        for query in ["社区", "社区 服务", "社区工作", "服务"] {
            let first = try store.search(query, filter: ReportFilter(limit: 10))   // builds the list
            waitForHotLists(store)
            for n in 60..<70 {
                let r = report("r\(1000 + n)", paragraphs: [String(repeating: "社区服务，", count: n % 9 + 1) + "社区工作。"])
                if try store.report(id: r.id) == nil { _ = try store.store([item(r)]); _ = try ranked.store([item(r)]) }
            }
            let served = try store.search(query, filter: ReportFilter(limit: 10))
            let full = try ranked.search(query, filter: ReportFilter(limit: 10))
            #expect(first.total > 0)
            #expect(served.total == full.total, "\(query)")
            #expect(served.hits.map(\.report) == full.hits.map(\.report), "\(query)")
        }
    }
}
