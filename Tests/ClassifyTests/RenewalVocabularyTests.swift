import ReportModel
import Testing
@testable import Classify

/// How real writers name policy, old-housing renovation and community services, in mainland, Taiwan and
/// Hong Kong usage, and texts of other genres that share those words. Traditional script reaches the
/// classifier folded to simplified (see `Script` in the pipeline), so the fixtures are simplified. Every
/// fixture is invented for the test.
@Suite struct RenewalVocabularyTests {
    let classifier = ThemeClassifier(taxonomy: .builtIn)

    func report(_ title: String?, _ paragraphs: String...) -> Classification {
        classifier.classify([Article(index: 0, title: title, paragraphs: paragraphs)])
    }

    func ids(_ result: Classification) -> Set<String> { Set(result.themes.map(\.id)) }

    func cues(_ result: Classification, _ theme: String) -> [String] {
        result.themes.first { $0.id == theme }?.cues ?? []
    }

    /// A provincial list of pilot communities is a policy decision: departments issue it jointly, a
    /// 《通知》 is cited by name, a campaign publishes its list in batches.
    @Test func aJointlyIssuedListOfPilotsIsPolicy() {
        let result = report(nil,
            "省发展改革委、省建设厅近日联合印发《关于开展第二批完整社区创建工作的通知》。",
            "《通知》明确，创建工作要服务共同富裕，突出分类施策，不搞一刀切。",
            "某区两个社区列入创建名单，街道将加快补齐养老、托育设施短板。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "policy-strategy")
        #expect(cues(result, "policy-strategy").contains("联合印发"))
        #expect(cues(result, "policy-strategy").contains("通知》"))
    }

    /// Other genres that share these words stay non-reports: a Taiwan flat-buying guide warning of 海砂屋,
    /// a stock item citing the planning commission's 《…意见》, a story set in a staff compound.
    @Test(arguments: [
        ["买房前先看屋龄，避开海砂屋和耐震能力不足的老旧公寓，看房时注意墙面裂缝和钢筋外露。",
         "购房者可请专业人员检测，房价再便宜，首付和按揭也要量力而行，二手房更要看清产权。"],
        ["受发改委《关于促进消费的若干意见》提振，今日板块走强，多只个股涨停，成交额放大。",
         "券商研报认为，政策落地后龙头股估值有望修复，主力资金净流入，沪指收盘上涨。"],
        ["她从家属院的老楼里走出来，眼睛里还带着泪光，心里想着小时候的事。",
         "他说，老年居民都认得她，她笑了笑，轻声叹了口气，目光落在院里那棵老槐树上。"],
    ])
    func otherGenresStayNonReports(paragraphs: [String]) {
        let result = classifier.classify([Article(index: 0, title: nil, paragraphs: paragraphs)])
        #expect(result.notAReport || result.themes.isEmpty)
    }
}
