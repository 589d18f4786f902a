import Foundation
import ReportModel
import Testing

/// A theme that exists only in a user taxonomy file, with no cue terms, is learned from a person's labels.
@Suite(.serialized) struct LearningEndToEndTests {
    static let taxonomy = """
        {"themes": [
          {"id": "elevator-retrofit"},
          {"id": "old-community-renovation"},
          {"id": "waste-sorting", "zh": "垃圾分类", "en": "Waste sorting", "cues": []}
        ]}
        """

    static let sorting = [
        "青石社区推行垃圾分类，楼道口撤桶并点，设置定时定点投放站。志愿者每天早晚在投放站值守，指导居民把厨余垃圾和其他垃圾分开投放，厨余垃圾破袋后倒入绿色桶。",
        "为提高垃圾分类准确率，街道在各小区投放站安装了智能称重设备，居民刷卡投放厨余垃圾可获积分，积分能兑换日用品。一个月来，厨余垃圾分出量明显上升。",
        "桂园小区召开垃圾分类推进会，物业公司通报了投放站的运行情况。会上决定增加两个定时定点投放站，并在单元门口张贴厨余垃圾、可回收物、有害垃圾和其他垃圾的分类指引。",
        "开展垃圾分类入户宣传，社区工作者和志愿者逐户发放分类指南和厨余垃圾专用袋，讲解定时定点投放要求。居民表示，投放站离家近，分类投放已经成了习惯。",
    ]

    static let elevator = [
        "老旧小区加装电梯工作持续推进，今年已完成既有住宅加装电梯四十部，低楼层住户与高楼层住户协商分摊费用，公积金可以提取用于加装电梯。",
        "加装电梯需征得本单元业主同意，规划部门简化审批流程，施工单位在三个月内完成电梯井道建设和设备安装，老人上下楼再也不用爬楼梯。",
    ]

    func drop(_ d: DaemonHarness, _ name: String, _ text: String) throws -> String {
        try d.dropByRename(name, Array(text.utf8))
        let got = try d.waitForFile(name)
        return try #require(got["result"]?["id"]?.stringValue, "\(name): \(got)")
    }

    func themes(_ c: LineClient, _ id: String) throws -> [String] {
        let report = try c.request(["op": "get", "report": .string(id)])["result"]
        return report?["themes"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test func labelledExamplesTeachACustomTheme() throws {
        let d = try DaemonHarness(config: "taxonomy = TAXONOMY\n")
        try Self.taxonomy.write(toFile: d.root + "/themes.json", atomically: true, encoding: .utf8)
        try "taxonomy = \(d.root)/themes.json\n".write(toFile: d.configFile, atomically: true, encoding: .utf8)
        try d.start()
        let c = try d.client()
        let listed = try c.request(["op": "themes"])["result"]?["themes"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(listed == ["elevator-retrofit", "old-community-renovation", "waste-sorting"])

        // Before any label, nothing can assert the cue-less theme.
        let before = try drop(d, "sorting-0.txt", Self.sorting[0])
        #expect(try !themes(c, before).contains("waste-sorting"))

        for (i, text) in Self.sorting.prefix(3).enumerated() {
            let id = i == 0 ? before : try drop(d, "sorting-\(i).txt", text)
            let answer = try c.request(["op": "label", "report": .string(id), "article": 0, "themes": .array(["waste-sorting"])])
            #expect(answer["ok"] == .bool(true), "\(answer)")
        }
        for (i, text) in Self.elevator.enumerated() {
            let id = try drop(d, "elevator-\(i).txt", text)
            _ = try c.request(["op": "label", "report": .string(id), "article": 0, "themes": .array(["elevator-retrofit"])])
        }

        // A labelled article shows the person's themes, marked as such.
        let labelled = try c.request(["op": "get", "report": .string(before)])["result"]?["articles"]?.arrayValue?.first
        #expect(labelled?["themes_by"] == "person")
        #expect(labelled?["themes"]?.arrayValue?.first?["id"] == "waste-sorting")

        // New related reports get the learned theme; an unrelated one does not.
        let related = try drop(d, "sorting-new.txt", Self.sorting[3])
        let relatedThemes = try themes(c, related)
        #expect(relatedThemes.contains("waste-sorting"), "learned theme missing: \(relatedThemes)")
        let unrelated = try drop(d, "elevator-new.txt", "今年计划为辖区八个老旧小区加装电梯二十部，居民自主协商出资比例，街道组织业主大会表决加装电梯方案。")
        #expect(try !themes(c, unrelated).contains("waste-sorting"))
        #expect(try themes(c, unrelated).contains("elevator-retrofit"))

        // Evidence for a learned theme quotes the article, like any other.
        let evidence = try c.request(["op": "get", "report": .string(related)])["result"]?["themes"]?.arrayValue?
            .first { $0["id"] == "waste-sorting" }?["evidence"]?.arrayValue ?? []
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { Self.sorting[3].contains($0.stringValue ?? "\u{0}") })
    }
}
