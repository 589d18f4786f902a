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

    /// Hong Kong news names renewal by its agency (市建局, the Urban Renewal Authority) and the old
    /// buildings it redevelops (旧楼, 唐楼, their 楼龄): a short item says little else, and is a report.
    @Test func aHongKongRedevelopmentItemIsOldHousingRenewal() {
        let result = report("市建局开展北河街重建项目",
            "市建局宣布在北河街一带开展重建项目，职员随即到场登记住户。",
            "区内唐楼楼高五至七层，楼龄均超过六十年，涉及一百二十个住户和二十个商户。",
            "重建后可提供约四百个单位。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "old-community-renovation")
    }

    /// An outlet's tag opening the lead (`【某某新闻台】`) says who reports, not that the item is about the media.
    @Test func anOutletTagIsNotMediaPublicity() {
        let result = report("旧楼重建项目扩大",
            "【城东新闻台】市建局公布扩大城东两条街的重建项目。",
            "市建局召开记者会，表示职员会随即到场登记，涉及一百个住户。",
            "区内旧楼楼龄均超过五十年，重建后可提供约三百个单位。")
        #expect(!ids(result).contains("media-publicity"))
        #expect(ids(result).contains("old-community-renovation"))
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

    /// Taiwan names the buildings its renewal rebuilds by their danger: 海砂屋, 危险建筑物, buildings of
    /// poor seismic resistance (耐震能力不足) or damaged by an earthquake (震损).
    @Test func taiwanDangerousBuildingsAreOldHousingRenovation() {
        let result = report(nil,
            "县府推动危险建筑物专案，协助海砂屋、耐震能力不足及震损大楼的住户整合意愿。",
            "住户同意比例达到门槛后，由专业团队评估方案，县府补助耐震补强的评估费用。",
            "县府呼吁住户正视海砂屋的居住安全风险，及早提出申请。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "old-community-renovation")
        #expect(cues(result, "old-community-renovation").contains("海砂屋"))
    }

    /// A work unit's staff compound (家属院) with no property service is the typical old compound; its
    /// list of broken pipes and roads says what is renovated, not that the article is about utilities.
    @Test func aStaffCompoundIsAnOldCommunity() {
        let result = report(nil,
            "这座纺织厂家属院建于上世纪八十年代，无物业，楼道昏暗，下水管道经常堵塞，路面坑洼不平。",
            "住户说，房子年久失修，外墙墙皮脱落，设施老化，一到雨天屋顶就漏水。",
            "今年家属院纳入改造计划，更换供水管道、修缮屋面、铺设路面，居民盼着旧貌换新颜。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "old-community-renovation")
    }

    /// Resettlement compounds (安置小区, 回迁房), named in the theme's description, are renovated like old ones.
    @Test func aResettlementCompoundUpgradeIsOldHousingRenovation() {
        let result = report(nil,
            "这个安置小区交付已近二十年，街道把安置小区的提升列入今年的民生实事。",
            "设计团队走访回迁房住户，梳理出安置小区在停车、绿化和活动空间上的短板。")
        #expect(ids(result).contains("old-community-renovation"))
        #expect(cues(result, "old-community-renovation").contains("安置小区"))
    }

    /// Services for older residents and young people in a community living room are community services.
    @Test func aCommunityLivingRoomServesOldAndYoung() {
        let result = report(nil,
            "社区会客厅每天开放，老年居民在这里学习使用智能手机、排练合唱。",
            "放学后，青少年在会客厅做作业，志愿者提供课业辅导，周末还有心理辅导讲座。",
            "社区表示，将根据老年群体和家庭的需求，持续丰富会客厅的服务项目。")
        #expect(ids(result).contains("community-services"))
        #expect(result.articles.first?.primary == "community-services")
    }

    /// Hong Kong writes of social services, social workers and outreach where the mainland writes 社区服务.
    @Test func hongKongSocialServicesAreCommunityServices() {
        let result = report("重建区居民支援计划",
            "计划由专业社工提供外展服务，探访受重建影响的长者居民，为他们提供情绪支援。",
            "社工亦协助居民申请社会服务，转介有需要的家庭，帮助他们适应新的居住环境。")
        #expect(ids(result).contains("community-services"))
        #expect(cues(result, "community-services").contains("外展服务"))
        #expect(cues(result, "community-services").contains("情绪支援"))
    }

    /// 共建、共治、共享 written with enumeration commas is the same slogan as 共建共治共享.
    @Test func anEnumeratedSloganIsStillGovernance() {
        let result = report(nil,
            "社区以“共建、共治、共享”为目标，成立居民议事会，由楼栋长收集诉求。",
            "议事会每月协商一次，矛盾纠纷在楼栋化解，社区治理效能明显提高。")
        let governance = result.themes.first { $0.id == "grassroots-governance" }
        #expect(governance?.cues.contains("共建、共治、共享") == true)
    }

    /// 人口老化 is an ageing population, not ageing buildings.
    @Test func anAgeingPopulationIsNotOldHousing() {
        let result = report(nil,
            "旧区楼宇复修完成后，面对人口老化，大厦增设无障碍通道。",
            "人口老化令不少长者独居，复修工程同时为长者住户加装扶手。")
        #expect(ids(result).contains("old-community-renovation"))
        #expect(!cues(result, "old-community-renovation").contains("老化"))
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
