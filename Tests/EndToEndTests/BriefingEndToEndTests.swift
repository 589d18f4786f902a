import Foundation
import Glibc
import ReportModel
import Testing

/// Reprints, facts, trends and the digest against the real daemon.
@Suite(.serialized) struct BriefingEndToEndTests {
    static let elevator = [
        "今年以来，成都市武侯区累计完成既有住宅加装电梯386部，惠及居民5200户，投入财政补贴资金1.2亿元。",
        "玉林社区居委会先后召开坝坝会12次，请设计单位现场讲解井道位置、采光影响和分摊比例，低层住户的顾虑一条条得到回应。",
        "为破解资金难题，街道引入公积金提取和银行专项贷款，居民出资部分可分期缴纳，首批32个单元因此签下协议。",
        "“电梯装好了，出门方便多了，再也不用数着台阶上楼。”住在七楼的张大爷说。区住建局表示，明年将把加装电梯与老旧小区改造同步设计、同步施工。",
    ]
    static let property = [
        "江汉区推行信托制物业服务以来，已有47个小区完成改制，物业费收缴率由六成提高到九成以上。",
        "在桂花园小区，每一笔公共收益和维修资金支出都在业主群和公示栏按月公开，业主可以随时查阅凭证，议事会每季度评议一次服务质量。",
        "物业企业按合同约定提取酬金，其余资金全部用于小区，去年结余的18万元被用来更换了楼道照明和单元门禁。",
        "社区党委书记刘敏说，把账本交给业主之后，矛盾少了，投诉量下降了一半，居民也更愿意参加议事了。",
    ]
    static let renovation = [
        "岳麓区今年启动老旧小区改造项目23个，涉及房屋156栋、居民4300余户，改造面积12.5万平方米。",
        "改造坚持先地下后地上，先行完成雨污分流和燃气管网更新，再实施外立面整治、屋面防水和适老化设施建设。",
        "施工单位在每个小区设立工作站，居民可以当面提出意见，项目组累计收集并解决问题280余条。",
        "下一步，岳麓区将把口袋公园、充电桩和社区食堂纳入改造清单，推动完整社区建设。",
    ]
    static let otherElevator = [
        "武侯区簇锦街道探索电梯运行维护新机制，由街道统筹采购维保服务，每部电梯每年可节省费用约3000元。",
        "街道还为已建成的电梯统一购买运行保险，建立故障半小时响应制度，维保人员每月上门巡检两次。",
        "居民代表李红说，过去电梯坏了不知道找谁，现在扫一扫二维码就能报修，业主委员会也参与了维保单位的考核。",
    ]

    static func page(_ date: String, _ title: String, _ byline: String, _ paragraphs: [String], head: [String] = [], tail: [String] = []) -> String {
        (head + ["城市日报　\(date)", title, "□\(byline)"] + paragraphs + tail).joined(separator: "\n") + "\n"
    }

    /// Zero-width spaces and bars inside words, as a scraper leaves them.
    static func noisy(_ text: String) -> String {
        var out = ""
        for (i, c) in text.enumerated() {
            out.append(c)
            if i % 11 == 5, c.unicodeScalars.first!.value >= 0x4E00 { out += i % 2 == 0 ? "\u{200B}" : "|" }
        }
        return out
    }

    func setUp() throws -> (DaemonHarness, [String: String]) {
        let d = try DaemonHarness()
        try d.start()
        let files: [(String, String)] = [
            ("a.txt", Self.page("2026年11月3日", "武侯区：加装电梯见实效", "王丽", Self.elevator)),
            ("a-reprint.txt", Self.noisy(Self.page("2026年11月4日", "聚焦｜武侯区加装电梯见实效", "赵刚", Self.elevator,
                                                   head: ["来源：城市更新观察网", "责任编辑：陈晓燕"], tail: ["分享到：微信 微博"]))),
            ("a-short.txt", Self.page("2026年11月10日", "武侯区加装电梯386部", "孙伟", Array(Self.elevator.prefix(2)) + [Self.elevator[3]])),
            ("b.txt", Self.page("2026年11月12日", "江汉区：信托制物业让账本透明", "刘敏", Self.property)),
            ("c.txt", Self.page("2026年11月18日", "岳麓区老旧小区改造提速", "周平", Self.renovation)),
            ("d.txt", Self.page("2026年11月19日", "簇锦街道电梯维保有新招", "李红", Self.otherElevator)),
        ]
        var ids: [String: String] = [:]
        for (name, text) in files {
            try d.dropByRename(name, Array(text.utf8))
            let got = try d.waitForFile(name)
            ids[name] = try #require(got["result"]?["id"]?.stringValue, "\(name): \(got)")
        }
        return (d, ids)
    }

    @Test func reprintsAreLinkedAndCollapse() throws {
        let (d, ids) = try setUp()
        let client = try d.client()
        for name in ["a-reprint.txt", "a-short.txt"] {
            let report = try #require(try client.request(["op": "get", "report": .string(ids[name]!)])["result"])
            #expect(report["near_duplicate_of"]?["report"]?.stringValue == ids["a.txt"], "\(name)")
            let article = try #require(report["articles"]?.arrayValue?.first { $0["near_duplicate_of"]?.isNull == false })
            #expect((article["near_duplicate_of"]?["similarity"]?.doubleValue ?? 0) >= 0.5)
        }
        for name in ["b.txt", "c.txt", "d.txt"] {
            let report = try #require(try client.request(["op": "get", "report": .string(ids[name]!)])["result"])
            #expect(report["near_duplicate_of"]?.isNull == true, "\(name) is no reprint")
        }
        let original = try #require(try client.request(["op": "get", "report": .string(ids["a.txt"]!)])["result"])
        let reprinted = (original["articles"]?.arrayValue ?? []).flatMap { $0["reprints"]?.arrayValue ?? [] }
        #expect(Set(reprinted.compactMap { $0["report"]?.stringValue }) == [ids["a-reprint.txt"]!, ids["a-short.txt"]!])

        let all = try client.request(["op": "list", "limit": 100])["result"]?["total"]
        #expect(all == JSONValue.int(6))
        let collapsed = try client.request(["op": "list", "limit": 100, "collapse": .bool(true)])["result"]
        #expect(collapsed?["total"] == JSONValue.int(4))
        let listedIDs: [String] = collapsed?["reports"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        let originals: [String] = ["a.txt", "b.txt", "c.txt", "d.txt"].map { ids[$0]! }
        #expect(Set(listedIDs) == Set(originals))
        let reprintIDs: [String?] = [ids["a-reprint.txt"], ids["a-short.txt"]]
        let hits: [JSONValue] = try client.request(["op": "search", "q": "加装电梯", "collapse": .bool(true)])["result"]?["hits"]?.arrayValue ?? []
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { !reprintIDs.contains($0["report"]?.stringValue) })
        #expect(try client.request(["op": "list", "collapse": "yes"])["error"]?["code"] == .string("bad_request"))
    }

    @Test func trendsEqualARecountOverList() throws {
        let (d, _) = try setUp()
        let client = try d.client()
        for interval in ["week", "month"] {
            let trends = try #require(try client.request(["op": "trends", "interval": .string(interval), "since": "2026-11-01",
                                                         "until": "2026-11-30", "by": "theme"])["result"])
            let periods = (trends["periods"]?.arrayValue ?? []).compactMap(\.stringValue)
            #expect(!periods.isEmpty)
            var recount: [String: [Int]] = [:]
            for (i, start) in periods.enumerated() {
                let end = i + 1 < periods.count ? Self.dayBefore(periods[i + 1]) : "2026-11-30"
                let listed = try client.request(["op": "list", "collapse": .bool(true), "limit": 1000, "since": .string(max(start, "2026-11-01")),
                                                 "until": .string(end)])["result"]?["reports"]?.arrayValue ?? []
                for summary in listed {
                    let report = try #require(try client.request(["op": "get", "report": summary["id"]!])["result"])
                    for article in report["articles"]?.arrayValue ?? [] where article["near_duplicate_of"]?.isNull != false {
                        for theme in article["themes"]?.arrayValue ?? [] {
                            recount[theme["id"]!.stringValue!, default: Array(repeating: 0, count: periods.count)][i] += 1
                        }
                    }
                }
            }
            var reported: [String: [Int]] = [:]
            for s in trends["series"]?.arrayValue ?? [] {
                reported[s["key"]!.stringValue!] = s["counts"]?.arrayValue?.compactMap(\.intValue)
            }
            #expect(reported == recount, "\(interval)")
            // a.txt (and d.txt when classified so): its two reprints are not counted again.
            #expect((1...2).contains(reported["elevator-retrofit"].map { $0.reduce(0, +) } ?? 0))
        }
        let byPlace = try client.request(["op": "trends", "interval": "month", "since": "2026-11-01", "until": "2026-11-30", "by": "place"])
        let places = byPlace["result"]?["series"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
        #expect(places.contains("武侯区") && places.contains("江汉区"))
        #expect(try client.request(["op": "trends", "interval": "year"])["error"]?["code"] == .string("bad_request"))
    }

    @Test func factsCarryBaseUnitsPlacesAndSources() throws {
        let (d, ids) = try setUp()
        let client = try d.client()
        let money = try #require(try client.request(["op": "facts", "unit": "元", "collapse": .bool(true)])["result"])
        let facts = money["facts"]?.arrayValue ?? []
        let subsidy = try #require(facts.first { $0["value"] == .string("1.2") })
        #expect(subsidy["unit"] == .string("亿元"))
        #expect(subsidy["normalized"]?["value"] == .int(120_000_000))
        #expect(subsidy["normalized"]?["unit"] == .string("元"))
        #expect(subsidy["report"]?.stringValue == ids["a.txt"])
        #expect(subsidy["date"] == .string("2026-11-03"))
        #expect(subsidy["place"]?.stringValue?.contains("武侯区") == true || subsidy["place"] == .string("成都市"))
        #expect(subsidy["sentence"]?.stringValue?.hasSuffix("1.2亿元。") == true)
        #expect(facts.allSatisfy { $0["normalized"]?["unit"] == .string("元") })
        let area = try client.request(["op": "facts", "unit": "㎡"])["result"]?["facts"]?.arrayValue ?? []
        #expect(area.contains { $0["value"] == .string("12.5") && $0["normalized"]?["value"] == .int(125_000) && $0["report"]?.stringValue == ids["c.txt"] })
        let inJianghan = try client.request(["op": "facts", "place": "江汉区", "text": "收缴率"])["result"]?["facts"]?.arrayValue ?? []
        #expect(!inJianghan.isEmpty && inJianghan.allSatisfy { $0["report"]?.stringValue == ids["b.txt"] })
        let november = try client.request(["op": "facts", "since": "2026-11-15", "until": "2026-11-30", "limit": 1000])["result"]
        #expect(november?["facts"]?.arrayValue?.allSatisfy { ($0["date"]?.stringValue ?? "") >= "2026-11-15" } == true)
        let elevatorFacts = try client.request(["op": "facts", "theme": "elevator-retrofit", "limit": 1000])["result"]
        #expect((elevatorFacts?["total"]?.intValue ?? 0) > 0)
    }

    @Test func digestMatchesTrends() throws {
        let (d, ids) = try setUp()
        let client = try d.client()
        let digest = try #require(try client.request(["op": "digest", "since": "2026-11-01", "until": "2026-11-30"])["result"])
        #expect(digest["interval"] == .string("day"))
        let trends = try client.request(["op": "trends", "interval": "day", "since": "2026-11-01", "until": "2026-11-30", "by": "theme"])
        #expect(digest["trends"]?["series"] == trends["result"]?["series"])
        #expect(digest["articles"] == JSONValue.int(4))
        #expect(digest["reprints_folded"] == JSONValue.int(2))
        let listed = (digest["themes"]?.arrayValue ?? []).flatMap { $0["articles"]?.arrayValue ?? [] }
        #expect(!listed.contains { [ids["a-reprint.txt"], ids["a-short.txt"]].contains($0["report"]?.stringValue) })
        #expect(listed.allSatisfy { $0["evidence"]?.stringValue?.isEmpty == false || $0["evidence"]?.isNull == true })
        #expect((digest["facts"]?.arrayValue?.count ?? 0) > 0)

        let out = d.root + "/digest.html"
        let digestRun = try Spawned.run(DaemonHarness.binary,
                                        ["digest", "--socket", d.socket, "--since", "2026-11-01", "--until", "2026-11-30", "--out", out])
        #expect(digestRun.status == 0, "\(digestRun.output)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.contains("<svg") && !page.contains("<script"))
        #expect(page.contains("武侯区：加装电梯见实效") || page.contains("武侯区"))
    }

    static func dayBefore(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var t = tm()
        t.tm_year = Int32(parts[0] - 1900)
        t.tm_mon = Int32(parts[1] - 1)
        t.tm_mday = Int32(parts[2] - 1)
        t.tm_hour = 12
        var time = timegm(&t)
        var out = tm()
        gmtime_r(&time, &out)
        return String(format: "%04d-%02d-%02d", out.tm_year + 1900, out.tm_mon + 1, out.tm_mday)
    }
}
