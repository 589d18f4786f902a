import ReportModel
import Testing
@testable import Classify

/// A theme that exists only in a user taxonomy, with no cue terms, is learned from a few labelled articles.
/// All texts are invented for this test.
@Suite struct LearningTests {
    static let taxonomy: Taxonomy = {
        var themes = Taxonomy.builtIn.themes
        themes.append(Theme(id: "pet-keeping", zh: "文明养犬", en: "Pet keeping", cues: []))
        return Taxonomy(themes: themes)
    }()

    static let positives = [
        "近年来，东风社区养犬户逐年增多，犬只扰民、随地便溺、不牵绳遛狗等问题成为居民投诉的热点。社区联合派出所开展文明养犬专项整治，入户登记犬只信息，督促养犬户办理犬证、按时接种狂犬疫苗。社区还在小区出入口张贴文明养犬公约，组织志愿者在早晚遛狗高峰时段劝导，提醒居民出门遛狗必须牵绳，及时清理犬只粪便。三个月来，涉犬投诉下降了六成。",
        "“遛狗不牵绳，吓坏了孩子。”在桂园小区，这样的抱怨曾经很常见。今年，街道把文明养犬纳入小区治理清单，由物业和楼栋长共同摸排犬只数量，建立养犬户台账。对未办理犬证的，限期补办；对烈性犬、大型犬，依法劝导送养。小区内划出宠物活动区，配备拾便袋和专用垃圾桶，倡导养犬户遛狗时牵绳、清理粪便。",
        "如何让养犬人和不养犬人和睦相处？河西社区召开文明养犬议事会，养犬户代表、居民代表和社区民警坐到一起商量，定下了“遛狗牵绳、电梯抱犬、粪便随清”的约定。社区为已登记犬只的养犬户免费发放牵引绳，联合宠物医院开展狂犬疫苗集中接种，共为二百余只犬只接种疫苗、办理犬证。",
        "城管执法部门近日通报，今年以来共查处不文明养犬行为三百余起，其中遛狗不牵绳占七成。执法人员提醒，养犬户应当依法办理犬证、定期为犬只接种狂犬疫苗，携犬出户时必须束犬链或牵引绳，由成年人牵领，并及时清除犬只粪便。禁止在小区内饲养烈性犬，违者将依法处罚。",
    ]

    static let others = [
        LabelledArticle(text: "南湖小区建成于上世纪九十年代，车位紧张、停车难问题突出。街道结合老旧小区改造，拆除违建、整合空地，新增停车位一百二十个，并引入企业建设充电桩，缓解居民停车、充电难题。",
                        themes: ["infrastructure"]),
        LabelledArticle(text: "阳光花园3栋加装电梯项目日前竣工。为统一意见，社区先后召开五次协商会，按照楼层越高出资越多的原则分摊费用，一楼住户不出资，居民自筹部分可提取住房公积金。",
                        themes: ["elevator-retrofit", "financing-operations"]),
    ]

    static let related = Article(index: 0, title: "青石街道开展文明养犬宣传月", paragraphs: [
        "针对小区内犬只伤人事件时有发生的情况，青石街道启动文明养犬宣传月活动。",
        "社区网格员逐户核查养犬户信息，督促未办理犬证的居民尽快补办，并为犬只接种狂犬疫苗。物业在小区主干道设置提示牌，提醒遛狗必须牵绳、及时清理粪便。对屡教不改的养犬户，由执法部门依法处理。",
    ])

    static let unrelated = [
        Article(index: 0, title: "长者食堂开业", paragraphs: [
            "社区长者食堂开业以来，每天为辖区老人提供午餐和晚餐，八十岁以上老人享受助餐补贴。社区还招募志愿者为行动不便的老人送餐上门，并定期开展义诊和健康讲座。",
        ]),
        Article(index: 0, title: nil, paragraphs: [
            "为解决老城区雨季积水问题，区水务局实施雨污分流改造，新建雨水管网12公里，整治积水点20处，汛期未发生严重内涝。",
            "下一步，将完善排水设施移交机制，明确养护责任，确保设施长效运行。",
        ]),
        Article(index: 0, title: "业主联名信", paragraphs: [
            "业主反映小区物业服务质量下降，保洁不到位、绿化缺乏养护，专项维修资金使用不公开，业主委员会迟迟未能成立，希望街道督促物业公司整改。",
        ]),
    ]

    static func labelled(_ count: Int) -> [LabelledArticle] {
        positives.prefix(count).map { LabelledArticle(text: $0, themes: ["pet-keeping", "grassroots-governance"]) } + others
    }

    @Test func withoutLabelsTheThemeIsNeverAsserted() {
        let classifier = ThemeClassifier(taxonomy: Self.taxonomy, examples: [])
        #expect(classifier.learnedCues["pet-keeping"] == nil)
        #expect(!classifier.classify(Self.related).themes.contains { $0.id == "pet-keeping" })
    }

    @Test(arguments: [3, 4])
    func aHandfulOfLabelsTeachesTheTheme(count: Int) throws {
        let classifier = ThemeClassifier(taxonomy: Self.taxonomy, examples: Self.labelled(count))
        let learned = classifier.learnedCues["pet-keeping"] ?? []
        print("learned from \(count) examples:", learned.map(\.term).joined(separator: " "))
        #expect(learned.contains { $0.term.contains("犬") }, "learned: \(learned.map(\.term))")

        let result = classifier.classify(Self.related)
        let theme = try #require(result.themes.first { $0.id == "pet-keeping" }, "themes: \(result.themes.map(\.id))")
        #expect(theme.score >= 0.5)
        #expect(result.primary == "pet-keeping")
        for sentence in theme.evidence {
            #expect(theme.cues.contains { sentence.contains($0) }, "no learned cue in \(sentence)")
        }

        for article in Self.unrelated {
            let themes = classifier.classify(article).themes.map(\.id)
            #expect(!themes.contains("pet-keeping"), "unrelated article got pet-keeping: \(article.paragraphs[0])")
            #expect(!themes.isEmpty, "the built-in themes still work: \(article.paragraphs[0])")
        }
    }

    /// Terms every example shares with the genre (社区, 居民, 小区) are not learned.
    @Test func commonWordsAreNotLearned() {
        let classifier = ThemeClassifier(taxonomy: Self.taxonomy, examples: Self.labelled(4))
        let terms = Set((classifier.learnedCues["pet-keeping"] ?? []).map(\.term))
        for common in ["社区", "居民", "小区", "我们", "工作"] {
            #expect(!terms.contains(common))
        }
    }

    @Test func oneExampleIsNotEnough() {
        let classifier = ThemeClassifier(taxonomy: Self.taxonomy, examples: Self.labelled(1))
        #expect(classifier.learnedCues["pet-keeping"] == nil)
    }

    /// Short labelled texts teach a theme whose main term is also a built-in cue of another theme
    /// (垃圾分类 is an ecology cue), and a one-sentence report is recognised.
    @Test func shortExamplesTeachAThemeThatOverlapsABuiltInOne() {
        var themes = Taxonomy.builtIn.themes
        themes.append(Theme(id: "waste-sorting", zh: "垃圾分类", en: "Waste sorting", cues: []))
        let examples = [
            "社区推行垃圾分类，在每个小区设置四分类投放点，厨余垃圾定时定点投放，督导员在桶边指导居民分类。",
            "为提高垃圾分类准确率，街道给每户发放厨余垃圾桶，实行撤桶并点，可回收物由回收企业上门收运。",
            "垃圾分类志愿者早晚在投放点值守，劝导居民破袋投放厨余垃圾，其他垃圾和有害垃圾分开收集。",
        ].map { LabelledArticle(text: $0, themes: ["waste-sorting"]) }
        let classifier = ThemeClassifier(taxonomy: Taxonomy(themes: themes), examples: examples)
        let related = Article(index: 0, paragraphs: ["青年路社区垃圾分类投放点改造完成，新增厨余垃圾桶40个，督导员每天指导居民定时定点投放。"])
        let result = classifier.classify([related])
        #expect(!result.notAReport)
        #expect(result.articles[0].themes.contains { $0.id == "waste-sorting" }, "themes: \(result.articles[0].themes.map(\.id))")
        for text in ["小区新增停车位80个，缓解了居民停车难问题，充电桩也同步建成投用。", "社区长者食堂开业，每天为辖区老人提供助餐服务，高龄老人享受补贴。"] {
            let themes = classifier.classify(Article(index: 0, paragraphs: [text])).themes.map(\.id)
            #expect(!themes.contains("waste-sorting"), "\(text): \(themes)")
            #expect(!themes.isEmpty)
        }
    }
}
