import Foundation
import ReportModel
import Testing
@testable import PostgresStore
@testable import Store

/// The store contract on SQLite (always runs).
@Suite struct SQLiteContractTests {
    static let checks = ["storesAndReadsBack", "refusesAnIdCollision", "marksDuplicatesWithinAndAcrossBatches", "searchMatchesSubstrings",
                         "filtersAndPages", "recordsFailuresNewestFirst", "keepsLabelsAndRewritesThemes", "findsPhrasesDeepInLongArticles",
                         "storesOddText", "filtersByTag"]

    /// The contract check of that name.
    static func check(_ name: String, _ store: any ReportStore) throws {
        switch name {
        case "storesAndReadsBack": try StoreContract.storesAndReadsBack(store)
        case "refusesAnIdCollision": try StoreContract.refusesAnIdCollision(store)
        case "marksDuplicatesWithinAndAcrossBatches": try StoreContract.marksDuplicatesWithinAndAcrossBatches(store)
        case "searchMatchesSubstrings": try StoreContract.searchMatchesSubstrings(store)
        case "filtersAndPages": try StoreContract.filtersAndPages(store)
        case "recordsFailuresNewestFirst": try StoreContract.recordsFailuresNewestFirst(store)
        case "keepsLabelsAndRewritesThemes": try StoreContract.keepsLabelsAndRewritesThemes(store)
        case "findsPhrasesDeepInLongArticles": try StoreContract.findsPhrasesDeepInLongArticles(store)
        case "storesOddText": try StoreContract.storesOddText(store)
        case "filtersByTag": try StoreContract.filtersByTag(store)
        default: Issue.record("no contract check \(name)")
        }
    }

    @Test(arguments: SQLiteContractTests.checks)
    func contract(_ name: String) throws {
        try Self.check(name, try StoreUnderTest.sqlite())
    }

    @Test func hotLists() throws {
        try StoreContract.hotListsAgreeWithFullRanking(try StoreUnderTest.sqlite(hotCapacity: 40, hotThreshold: 10), ranked: try StoreUnderTest.sqlite())
    }
}

/// The same contract on PostgreSQL, and both stores given the same reports answering alike. Needs
/// RENEWALD_TEST_PG_URL; without it this suite is reported as skipped (the CI step fails then).
@Suite(.enabled(if: StoreUnderTest.postgresURL != nil, "RENEWALD_TEST_PG_URL names no PostgreSQL database"), .serialized)
struct PostgresContractTests {
    /// The CI step looks for this test's pass: proof that the PostgreSQL arm ran.
    @Test func postgresArmRan() throws {
        let store = try StoreUnderTest.postgres()
        defer { StoreUnderTest.discard(store) }
        #expect(try store.integrityCheck() == "ok")
    }

    @Test(arguments: SQLiteContractTests.checks)
    func contract(_ name: String) throws {
        let store = try StoreUnderTest.postgres()
        defer { StoreUnderTest.discard(store) }
        try SQLiteContractTests.check(name, store)
    }

    @Test func hotLists() throws {
        let store = try StoreUnderTest.postgres(hotCapacity: 40, hotThreshold: 10)
        let ranked = try StoreUnderTest.postgres()
        defer { StoreUnderTest.discard(store); StoreUnderTest.discard(ranked) }
        try StoreContract.hotListsAgreeWithFullRanking(store, ranked: ranked)
    }

    /// The same reports in both stores: every read answers the same, scores included.
    @Test func bothStoresAnswerAlike() throws {
        let sqlite = try StoreUnderTest.sqlite(hotCapacity: 40, hotThreshold: 15)
        let postgres = try StoreUnderTest.postgres(hotCapacity: 40, hotThreshold: 15)
        defer { StoreUnderTest.discard(postgres) }
        let phrases = ["老旧小区加装电梯", "社区食堂开业", "物业服务", "PPP项目落地", "楼道照明改造", "垃圾分类", "居民议事会", "電梯維修"]
        let themes = ["elevator-retrofit", "community-services", "property-management"]
        var batch: [StoreItem] = []
        // Each paragraph a phrase or two among random characters: alike enough to share terms, not
        // so alike that they are reprints (those are `bothStoresFindTheSameReprints`).
        let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func random(_ count: Int) -> String {
            String((0..<count).map { _ in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return pool[Int(seed >> 33) % pool.count]
            })
        }
        for n in 0..<90 {
            let paragraphs = (0..<(1 + n % 4)).map { k in
                random(20 + (n * 7 + k) % 30) + phrases[(n * 3 + k) % phrases.count] + random(15) + (k % 2 == 0 ? phrases[(n + k) % phrases.count] : "")
                    + "第\(n)条。"
            }
            var r = StoreContract.report(String(format: "%016x", n * 7919), paragraphs: paragraphs, themes: [themes[n % 3]],
                                         places: n % 2 == 0 ? ["成都市"] : ["武汉市"], published: n % 5 == 0 ? nil : "2025-0\(1 + n % 9)-1\(n % 10)",
                                         received: "2026-03-0\(1 + n % 9)T08:00:00Z")
            if n % 3 == 1 {
                // Figures for `facts`: one in the text, in units that normalise.
                r.articles[0].paragraphs[0] += "投资\(n + 1)万元，改造\(n % 7 + 2)万平方米。"
                r.articles[0].figures = [Figure(value: "\(n + 1)", unit: "万元", text: "\(n + 1)万元"),
                                         Figure(value: "\(n % 7 + 2)", unit: "万平方米", text: "\(n % 7 + 2)万平方米")]
            }
            batch.append(StoreContract.item(r, textHash: n % 11 == 0 ? "dup" : r.id))
            if batch.count == 16 || n == 89 {
                #expect(try sqlite.store(batch.map(sqlite.prepare)) == postgres.store(batch.map(postgres.prepare)))
                batch = []
            }
        }
        try sqlite.recordFailure(Failure(file: "x", code: "empty", reason: "empty", at: "t", path: nil))
        try postgres.recordFailure(Failure(file: "x", code: "empty", reason: "empty", at: "t", path: nil))
        #expect(try sqlite.counts() == postgres.counts())
        #expect(try sqlite.failures(limit: 5) == postgres.failures(limit: 5))
        let filters = [ReportFilter(), ReportFilter(limit: 7, offset: 5), ReportFilter(theme: "community-services"), ReportFilter(place: "成都"),
                       ReportFilter(since: "2025-03-01", until: "2025-06-30"), ReportFilter(collapse: true)]
        for filter in filters {
            let (a, b) = (try sqlite.list(filter), try postgres.list(filter))
            #expect(a.total == b.total && a.reports == b.reports, "list \(filter)")
        }
        // Twice each: the second time frequent queries come from the hot lists.
        for _ in 0..<2 {
            for query in ["梯", "电梯", "加装电梯", "物业 服务", "ppp", "電梯", "第1", "社区食堂开业", "垃圾 成都", "议事"] {
                for filter in filters {
                    let (a, b) = (try sqlite.search(query, filter: filter), try postgres.search(query, filter: filter))
                    #expect(a.total == b.total, "search \(query) \(filter)")
                    #expect(a.hits.map(\.report) == b.hits.map(\.report), "search \(query) \(filter)")
                    #expect(a.hits.map(\.snippet) == b.hits.map(\.snippet), "search \(query) \(filter)")
                    for (x, y) in zip(a.hits, b.hits) { #expect(abs(x.score - y.score) < 1e-6 * max(1, abs(x.score)), "score \(query)") }
                }
            }
            StoreContract.waitForHotLists(sqlite)
            StoreContract.waitForHotLists(postgres)
        }
        for id in ["0000000000000000", String(format: "%016x", 5 * 7919), String(format: "%016x", 11 * 7919)] {
            #expect(try sqlite.reportJSON(id: id) == postgres.reportJSON(id: id))
        }
        // Figures, trends and the digest: the same rows, the same answers.
        let factFilters = [FactFilter(), FactFilter(limit: 5, offset: 3), FactFilter(theme: "community-services"), FactFilter(place: "成都"),
                           FactFilter(unit: "元"), FactFilter(since: "2025-03-01", until: "2025-06-30"), FactFilter(text: "投资"),
                           FactFilter(collapse: true)]
        for filter in factFilters {
            let (a, b) = (try sqlite.facts(filter), try postgres.facts(filter))
            #expect(a.total == b.total && a.facts == b.facts, "facts \(filter)")
        }
        #expect(try sqlite.facts(FactFilter()).total > 20)
        for interval in TrendInterval.allCases {
            for query in [TrendQuery(interval: interval, since: "2025-01-01", until: "2026-03-31"),
                          TrendQuery(interval: interval, since: "2025-02-01", until: "2025-08-31", theme: "elevator-retrofit"),
                          TrendQuery(interval: interval, since: "2025-01-01", until: "2026-03-31", place: "成都", by: .place)] {
                let (a, b) = (try sqlite.trends(query), try postgres.trends(query))
                #expect(a == b, "trends \(query)")
            }
        }
        #expect(try sqlite.trends(TrendQuery(interval: .month, since: "2025-01-01", until: "2026-03-31")).articles > 50)
        for filter in filters {
            #expect(try sqlite.digestArticles(filter) == postgres.digestArticles(filter), "digest \(filter)")
        }
    }

    /// Reprints on both stores: an edited copy across batches, one within a batch, a copy of a copy
    /// (pointed at the first of the story), a shortened copy, and a distinct story on the same topic;
    /// `get`, `list` and `search` with `collapse` answer alike.
    @Test func bothStoresFindTheSameReprints() throws {
        let sqlite = try StoreUnderTest.sqlite()
        let postgres = try StoreUnderTest.postgres()
        defer { StoreUnderTest.discard(postgres) }
        let story = ["桂香街道青石社区的老旧小区改造今年春天正式启动，施工队先后完成了外墙保温、屋顶防水和楼道照明的更新，居民们说出门不再摸黑。",
                     "社区党委组织居民议事会，围绕停车位划分、加装电梯费用分摊和绿化带改造反复协商，最终形成了大家都认可的方案。",
                     "改造完成后，小区新增停车位六十个，修补道路一千二百平方米，还建起了一座小小的口袋公园，老人和孩子都有了去处。"]
        let other = ["青石市住建局发布通知，明年将对全市一百二十个小区的供水管网进行更新，预计投入资金三点五亿元，分三批实施。",
                     "通知要求各区在三月底前完成摸底调查，建立问题清单，并在施工期间做好临时供水保障，避免影响居民正常生活。"]
        let reports = [
            StoreContract.report("p01", paragraphs: story, themes: ["old-community-renovation"], published: "2025-03-01"),
            StoreContract.report("p02", paragraphs: other, themes: ["infrastructure"], published: "2025-03-02"),
            StoreContract.report("p03", paragraphs: ["记者近日走访发现，"] + story, themes: ["old-community-renovation"], published: "2025-03-03"),
            StoreContract.report("p04", paragraphs: story.map { $0.replacingOccurrences(of: "，", with: "， ") } + ["（来源：青石日报）"],
                                 themes: ["old-community-renovation"], published: "2025-03-04"),
            StoreContract.report("p05", paragraphs: Array(story.prefix(2)), themes: ["old-community-renovation"], published: "2025-03-05"),
            StoreContract.report("p06", paragraphs: ["据青石新闻报道，"] + other, themes: ["infrastructure"], published: "2025-03-06"),
        ]
        // The first two alone, then the rest in one batch (reprints of stored and of batch articles).
        for batch in [Array(reports.prefix(2)), Array(reports.dropFirst(2))] {
            let items = batch.map { StoreContract.item($0) }
            #expect(try sqlite.store(items.map(sqlite.prepare)) == postgres.store(items.map(postgres.prepare)))
        }
        for r in reports {
            #expect(try sqlite.reportJSON(id: r.id) == postgres.reportJSON(id: r.id), "get \(r.id)")
        }
        let reprinted = try #require(try postgres.report(id: "p03"))
        #expect(reprinted.nearDuplicateOf?.report == "p01")
        #expect(try postgres.report(id: "p06")?.nearDuplicateOf?.report == "p02")
        #expect(try postgres.report(id: "p02")?.nearDuplicateOf == nil)
        #expect(try postgres.report(id: "p01")?.articles[0].reprints.map(\.report).contains("p03") == true)
        for filter in [ReportFilter(collapse: true), ReportFilter()] {
            let (a, b) = (try sqlite.list(filter), try postgres.list(filter))
            #expect(a.total == b.total && a.reports == b.reports, "list \(filter)")
            let (x, y) = (try sqlite.search("口袋公园", filter: filter), try postgres.search("口袋公园", filter: filter))
            #expect(x.total == y.total && x.hits.map(\.report) == y.hits.map(\.report), "search \(filter)")
        }
        #expect(try postgres.list(ReportFilter(collapse: true)).total < reports.count)
    }

    /// Frequencies counted in the server (from tsvector positions) are the client's, and both
    /// stores rank alike: overlapping occurrences (老老老 holds 老老 twice), repeated phrases, a
    /// chunked article, Latin words, single characters, titles, several clauses, filters.
    @Test func serverFrequenciesAreTheClients() throws {
        let sqlite = try StoreUnderTest.sqlite()
        let postgres = try StoreUnderTest.postgres()
        defer { StoreUnderTest.discard(postgres) }
        let texts: [(String, [String], String?)] = [
            ("f01", ["老老老老，老人加装电梯。"], nil),
            ("f02", ["加装电梯，加装电梯又加装电梯；加装电梯加装电梯。", "老社区PPP项目 ppp Ppp"], "加装电梯"),
            ("f03", ["老老老，梯子梯子，电梯。梯"], "老老"),
            ("f04", ["社区服务中心社区服务，社区。"], nil),
            ("f05", [String(repeating: "社区社区，", count: 4000) + "最后加装电梯。老老老" + String(repeating: "社区服务，", count: 300) + "加装电梯"], nil),
            ("f06", ["电梯电梯电梯电梯电梯电梯加装。ppp-ppp"], nil),
            ("f07", ["无关的文字。"], "社区"),
            ("f08", ["加装加装电梯梯梯梯，老老，ab abc ab。思考，耂老耂。"], nil),
        ]
        for (i, (id, paragraphs, title)) in texts.enumerated() {
            let r = StoreContract.report(id, paragraphs: paragraphs, themes: [i % 2 == 0 ? "elevator-retrofit" : "community-services"], title: title)
            #expect(try sqlite.store([StoreContract.item(r)]) == postgres.store([StoreContract.item(r)]))
        }
        let queries = ["老老", "老老老", "老老老老", "加装电梯", "电梯电梯", "梯", "老", "ppp", "ab", "社区", "社区服务",
                       "加装电梯 老老", "社区 ppp", "梯 电梯", "老 加装电梯 ppp", "梯梯", "服务 社区"]
        for query in queries {
            for filter in [ReportFilter(), ReportFilter(limit: 2, offset: 1), ReportFilter(theme: "elevator-retrofit")] {
                let (a, b) = (try sqlite.search(query, filter: filter), try postgres.search(query, filter: filter))
                #expect(a.total == b.total, "search \(query) \(filter)")
                #expect(a.hits.map(\.report) == b.hits.map(\.report), "search \(query) \(filter)")
                for (x, y) in zip(a.hits, b.hits) { #expect(abs(x.score - y.score) < 1e-9 * max(1, abs(x.score)), "score \(query)") }
            }
            // Every match's frequencies against the client's count over its text.
            let clauses = SearchTokens.clauses(query)
            let ranked = try postgres.run { session in
                try postgres.rank(clauses, queries: clauses.compactMap(SearchVector.query), filter: ReportFilter(), keep: 100, in: session)
            }
            #expect(ranked.total == ranked.candidates.count && ranked.total > 0, "\(query)")
            let byID = try postgres.run { session in try postgres.indexedTexts(ranked.candidates.map(\.article), in: session) }
            for candidate in ranked.candidates {
                let tokens = SearchTokens.indexText(byID[candidate.article] ?? "").split(separator: " ")
                #expect(candidate.frequencies == clauses.map { $0.frequency(in: tokens) }, "\(query) article \(candidate.article)")
            }
        }
    }

    /// Two hosts storing overlapping batches in opposite orders at once: no deadlock, each report
    /// once, and each recorded with the host that took it.
    @Test func hostsStoringTheSameFilesAtOnce() throws {
        let schema = "t_" + UUID().uuidString.prefix(12).lowercased()
        let a = try StoreUnderTest.postgres(host: "host-a", schema: schema)
        let b = try StoreUnderTest.postgres(host: "host-b", schema: schema)
        defer { StoreUnderTest.discard(a); b.close() }
        let reports = (0..<200).map { StoreContract.report(String(format: "%016x", $0 * 104_729), paragraphs: ["第\($0)份报告，加装电梯。"]) }
        let outcomes = Outcomes()
        let group = DispatchGroup()
        for (store, order) in [(a, reports), (b, reports.reversed())] {
            DispatchQueue.global().async(group: group) {
                for chunk in stride(from: 0, to: order.count, by: 25) {
                    let got = (try? store.store(order[chunk..<min(chunk + 25, order.count)].map { StoreContract.item($0) })) ?? []
                    outcomes.add(got)
                }
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        let stored = outcomes.all
        #expect(stored.count == 400)
        #expect(stored.filter { $0 == .stored }.count == 200)
        #expect(try a.counts().reports == 200)
        #expect(try b.search("加装电梯", filter: ReportFilter()).total == 200)
        let byHost = try b.reportsByHost()
        #expect(byHost.values.reduce(0, +) == 200 && Set(byHost.keys).isSubset(of: ["host-a", "host-b"]), "\(byHost)")
    }
}

/// Outcomes gathered from two threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [StoreOutcome] = []

    func add(_ more: [StoreOutcome]) { lock.withLock { outcomes += more } }
    var all: [StoreOutcome] { lock.withLock { outcomes } }
}
