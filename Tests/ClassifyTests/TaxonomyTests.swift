import Foundation
import ReportModel
import Testing
@testable import Classify

/// The built-in taxonomy and the user taxonomy file.
@Suite struct TaxonomyTests {
    /// The compiled-in themes are those of `spec/themes.json`, in order, with labels.
    @Test(.enabled(if: CorpusRun.requested, CorpusRun.reason)) func builtInMatchesTheSpec() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/spec/themes.json").standardizedFileURL
        let text = try String(contentsOf: spec, encoding: .utf8)
        let fromSpec = try Taxonomy(json: text)
        #expect(fromSpec.themes.map(\.id) == Taxonomy.builtIn.themes.map(\.id))
        #expect(fromSpec.themes.map(\.zh) == Taxonomy.builtIn.themes.map(\.zh))
        #expect(fromSpec.themes.map(\.en) == Taxonomy.builtIn.themes.map(\.en))
        // The spec file lists no cues, so every theme keeps its built-in lexicon.
        #expect(fromSpec == Taxonomy.builtIn)
        for theme in Taxonomy.builtIn.themes {
            #expect(theme.cues.count >= 20, "\(theme.id) has only \(theme.cues.count) cues")
            #expect(theme.cues.allSatisfy { $0.weight > 0 && !$0.term.contains(" ") })
        }
    }

    @Test func aUserFileRenamesAddsRemovesAndReplaces() throws {
        let taxonomy = try Taxonomy(json: """
            {"themes": [
              {"id": "elevator-retrofit"},
              {"id": "heritage-culture", "zh": "文化传承", "en": "Culture"},
              {"id": "planning-design", "add_cues": ["控规", {"term": "社区营造", "weight": 2}]},
              {"id": "media-publicity", "cues": ["新闻", {"term": "媒体", "weight": 3}], "exclude": ["本报讯"]},
              {"id": "pet-keeping", "zh": "文明养犬", "en": "Pet keeping", "cues": []}
            ]}
            """)
        #expect(taxonomy.themes.map(\.id) == ["elevator-retrofit", "heritage-culture", "planning-design", "media-publicity", "pet-keeping"])
        #expect(taxonomy.theme("elevator-retrofit") == Taxonomy.builtIn.theme("elevator-retrofit"))
        #expect(taxonomy.theme("heritage-culture")?.zh == "文化传承")
        #expect(taxonomy.theme("heritage-culture")?.cues == Taxonomy.builtIn.theme("heritage-culture")?.cues)
        let planning = try #require(taxonomy.theme("planning-design"))
        #expect(planning.cues.count == (Taxonomy.builtIn.theme("planning-design")?.cues.count ?? 0) + 2)
        #expect(planning.cues.contains(Cue("社区营造", weight: 2)))
        #expect(taxonomy.theme("media-publicity")?.cues == [Cue("新闻"), Cue("媒体", weight: 3)])
        #expect(taxonomy.theme("media-publicity")?.exclusions == ["本报讯"])
        #expect(taxonomy.theme("pet-keeping")?.cues == [])
        #expect(taxonomy.theme("pet-keeping")?.en == "Pet keeping")
    }

    /// A theme left out of the file is not asserted any more; a renamed one keeps working.
    @Test func removedThemesAreNotAsserted() throws {
        let taxonomy = try Taxonomy(json: #"{"themes": [{"id": "infrastructure"}, {"id": "property-management"}]}"#)
        let article = Article(index: 0, title: "老旧小区加装电梯、新增车位", paragraphs: [
            "今年街道推动既有住宅加装电梯32部，居民按楼层分摊费用。",
            "结合老旧小区改造新增停车位200个、充电桩60个，缓解停车难。",
        ])
        let result = ThemeClassifier(taxonomy: taxonomy).classify(article)
        #expect(result.themes.map(\.id) == ["infrastructure"])
    }

    @Test(arguments: [
        "not json",
        #"{"topics": []}"#,
        #"{"themes": []}"#,
        #"{"themes": [{"zh": "无编号"}]}"#,
        #"{"themes": [{"id": "a"}, {"id": "a"}]}"#,
        #"{"themes": [{"id": "a", "cues": "停车"}]}"#,
        #"{"themes": [{"id": "a", "cues": [{"term": "停车", "weight": -1}]}]}"#,
        #"{"themes": [{"id": "a", "cues": [42]}]}"#,
        #"{"themes": [{"id": "a", "exclude": [""]}]}"#,
    ])
    func badFilesAreRejected(text: String) {
        #expect(throws: TaxonomyError.self) { try Taxonomy(json: text) }
    }

    @Test func aUserCueIsMatchedWithoutCaseOrWidth() {
        let taxonomy = Taxonomy(themes: [Theme(id: "reits", zh: "REITs", en: "REITs", cues: [Cue("REITs", weight: 3), Cue("基础设施基金", weight: 3)])])
        let article = Article(index: 0, paragraphs: ["保障性租赁住房ＲＥＩＴｓ首批上市。", "该基础设施基金募集资金20亿元，reits扩募也在推进。"])
        let result = ThemeClassifier(taxonomy: taxonomy).classify(article)
        let theme = result.themes.first
        #expect(theme?.id == "reits")
        // Cues are reported as written, so each evidence sentence contains one.
        for sentence in theme?.evidence ?? [] { #expect(theme?.cues.contains { sentence.contains($0) } == true) }
    }
}
