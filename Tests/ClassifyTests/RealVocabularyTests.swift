import ReportModel
import Testing
@testable import Classify

/// Real writing on each theme: city-scale texts, senses that do not count, titles that say what an
/// article is about. Every fixture is invented for the test.
@Suite struct RealVocabularyTests {
    let classifier = ThemeClassifier(taxonomy: .builtIn)

    func report(_ title: String?, _ paragraphs: String...) -> Classification {
        classifier.classify([Article(index: 0, title: title, paragraphs: paragraphs)])
    }

    /// A city-scale text on sponge-city drainage never says 小区 or 居民, and is still a report.
    @Test func aSpongeCityTextIsAReportOnDrainageAndGreening() {
        let result = report("海绵城市建设破解城市内涝难题",
            "近年来，多地推进海绵城市建设，通过下沉式绿地、雨水花园和透水铺装，让雨水自然渗透、自然净化。",
            "过去城市排水系统标准偏低，管网老化，暴雨时积水严重。今年全市改造雨污分流管网120公里，新建调蓄池8座。",
            "专家认为，海绵城市不能只靠地下管道，还要恢复湿地和河道的生态功能，构建绿色基础设施。")
        #expect(!result.notAReport)
        let ids = Set(result.themes.map(\.id))
        #expect(ids.contains("infrastructure"))
        #expect(ids.contains("ecology-greening"))
    }

    /// A heritage-district plan speaks of 历史建筑 and 风貌, not of 小区.
    @Test func aHeritageDistrictTextIsAboutHeritage() {
        let result = report("老城历史文化街区保护更新启动",
            "该历史文化街区保留了大量明清时期的历史建筑和传统街巷，是城市文脉的重要载体。",
            "保护规划坚持修旧如旧，对传统风貌建筑逐栋评估，修缮保护与活化利用并重，延续街区肌理。",
            "街区内的文物保护单位和非遗工坊将向公众开放，让老街重现烟火气。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "heritage-culture")
    }

    /// Taiwan's 都更 (urban renewal of old blocks), a community rebuilding by itself, and the seed money
    /// a city grants for it (session 9), in the simplified script the classifier reads.
    @Test func taiwaneseRenewalAndItsSeedMoney() {
        let result = report(nil,
            "青石市都发局盘点全市，为加速辅导老旧社区自力更新，成立更新会的社区可申请第一桶金，补助金额最高150万元。",
            "市府自去年起加速都更审议，每年都有都更案核定。")
        let ids = Set(result.themes.map(\.id))
        #expect(ids.contains("old-community-renovation"))
        #expect(ids.contains("financing-operations"))
    }

    /// Taiwan's 老宅延寿 (old houses' life extension) in a Taiwanese writer's words: 建物, 公寓, no 小区
    /// (session 9), in the simplified script the classifier reads.
    @Test func taiwansOldHouseProgrammeIsARenovationReport() {
        let result = report("老宅延寿5月开放申请 预计补助3000栋以上建物",
            "内政部今天说，政院预计下周核定老宅延寿计划，5月底前公告受理民众申请，预计可补助3000栋至5000栋建物。",
            "老宅延寿计划会结合地方政府配合款共同推动，协助屋龄30年以上的公寓改善居住安全。")
        #expect(!result.notAReport)
        #expect(result.themes.contains { $0.id == "old-community-renovation" })
    }

    /// Outreach to residents (宣传 leaflets, door-to-door) is not publicity in the media.
    @Test func outreachToResidentsIsNotMediaPublicity() {
        let result = report("垃圾分类进小区",
            "社区开展垃圾分类宣传活动，网格员入户宣传，发放宣传手册500份，向居民宣传分类知识。",
            "小区新设分类投放点12处，志愿者在投放点值守，居民分类准确率明显提高。",
            "社区还利用宣传展板和宣传标语加大宣传力度，老旧小区环境焕然一新。")
        #expect(!result.themes.contains { $0.id == "media-publicity" })
    }

    /// Another outlet's reporter in a byline says who wrote it, not what it is about.
    @Test func anotherOutletsReporterIsNotMediaPublicity() {
        let result = report("老旧小区改造让居民住得更舒心",
            "新华社记者 张明 李华",
            "今年全省计划改造老旧小区1200个，涉及居民20万户。改造内容包括屋面防水、外墙保温、楼道照明和管网更新。",
            "改造前，社区逐户征求居民意见，改造方案经居民同意后实施。居民说，小区旧貌换新颜。")
        #expect(!result.themes.contains { $0.id == "media-publicity" })
        #expect(result.articles.first?.primary == "old-community-renovation")
    }

    /// 老城区 is the older part of a city, where renewal happens: said in every sentence of a property
    /// survey it is the setting, not heritage, and does not take the primary from what the title names.
    @Test func theOldDistrictsAreNotHeritage() {
        let result = report("老城区社区物业服务如何补短板",
            "老城区社区多建于上世纪八九十年代，不少小区没有物业服务企业，楼道卫生和设施维修无人负责。",
            "区住建局对老城区8个社区开展调查，发现居民对物业服务的满意度不足五成，物业费收缴率低、专项维修资金不足。",
            "调查建议，老城区社区可由居委会牵头成立物业管理委员会，引入专业物业公司提供基础物业服务。")
        #expect(!result.themes.contains { $0.id == "heritage-culture" })
        #expect(result.articles.first?.primary == "property-management")
    }

    /// The old town itself (老城的格局, 老城风貌) is still heritage.
    @Test func theOldTownIsStillHeritage() {
        let result = report("守护老城的历史肌理",
            "老城保留着明清以来的街巷格局，历史建筑和传统民居集中连片。",
            "保护规划提出，老城内不拆真遗存、不建假古董，历史建筑修缮保护后活化利用，延续老城风貌。")
        #expect(result.articles.first?.primary == "heritage-culture")
    }

    /// A shop's word inside a longer word of the genre is not the shop's: 品牌 in 党建品牌, 房产 across
    /// 住房产权. A short report saying either once was thrown out as a shop page.
    @Test func aShopWordInsideAGenreWordIsNotOffGenre() {
        let result = report(nil,
            "社区打造“红色港湾”党建品牌，党员志愿服务队常年为居民服务。",
            "社区党委推行在职党员双报到，组织党员认领楼栋，协助居民办理老旧住房产权手续。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "party-building")
    }

    /// A home-lift sales page discusses lifts in a shop's words: not a report.
    @Test func aLiftSalesPageIsNotAReport() {
        let result = report("家用电梯选购指南",
            "选购家用电梯，先看品牌和型号。别墅电梯的井道尺寸决定了轿厢大小，加装电梯前要请厂家上门测量。",
            "价格方面，进口品牌售价较高，国产品牌性价比更好。本月促销，下单享受折扣，包邮包安装。",
            "电梯的载重、速度和噪声都是选购时要比较的参数，欢迎到门店咨询客服。")
        #expect(result.notAReport)
    }

    /// A property company's job posting speaks of 物业 and 小区 in an employer's words: not a report
    /// (session 9).
    @Test func aPropertyJobPostingIsNotAReport() {
        let result = report("招聘物业环境主管",
            "【工作内容】1. 负责小区保洁和绿化的日常管理；2. 监督物业服务质量，处理业主投诉；3. 完成领导交办的其他工作。",
            "【任职要求】大专以上学历，三年以上物业管理工作经验；薪资面议，五险一金，双休，有意者请投递简历。")
        #expect(result.notAReport)
    }

    /// A city-builder game's guide speaks of roads, zoning and public services in a player's words: not
    /// a report (session 10).
    @Test func aCityBuilderGameGuideIsNotAReport() {
        let result = report(nil,
            "城市建造游戏攻略：对于新手来说，庞大的系统可能让人望而却步。游戏初期资金有限，第一步应从道路网络开始。",
            "分区是关键，将住宅区、商业区和工业区分开，主干道要宽阔，为学校、消防局、医院等公共服务设施预留空地。",
            "玩家存档前记得检查交通，通关后可以尝试各种模组。")
        #expect(result.notAReport)
    }

    /// A guide to buying a flat speaks of 小区 and 物业, in a buyer's words: not a report.
    @Test func aHomeBuyingGuideIsNotAReport() {
        let result = report("买房看小区还是看户型",
            "购房者看楼盘，先看小区规模。大型小区配套齐全，物业服务更规范，但公摊也可能更大。",
            "户型方面，得房率高的户型更实用。首付和按揭月供要量力而行，二手房还要看房龄和物业费。",
            "置业顾问建议，看房时多问几家楼盘的房价，比较小区环境和物业管理水平。")
        #expect(result.notAReport)
    }

    /// Hong Kong market news on property-management shares speaks of 物业 in a trader's words: not a report.
    @Test func propertyShareNewsIsNotAReport() {
        let result = report("大行唱好 物管股破顶",
            "物业管理股再走高，青石物业(1234)、桂香生活(5678)均创上市新高。",
            "青石物业最高见11.6元，现报11.38元，升6%；桂香生活现报5.11元，升4%，大行给予目标价13元。",
            "分析指物管股受惠于内房股分拆，蓝筹股同步上扬，恒指收市升百点。")
        #expect(result.notAReport)
    }

    /// Session 11 (check17): a travel note on an old street speaks of its history and buildings in a
    /// visitor's words (food, local specialities, tasting): not a report.
    @Test func aTravelNoteOnAnOldStreetIsNotAReport() {
        let result = report(nil,
            "去青石旅游，除了看海、品尝本地美食外，逛老城区的桂香老街，也是一个不错的选择。",
            "桂香老街有近两百年历史，沿街全是中西合璧的骑楼式建筑，老街商铺林立，大多销售本地的特产。",
            "游客在老街里不仅能欣赏建筑的精华，还可以参观展馆，购买品尝最正宗的特产美食。")
        #expect(result.notAReport)
    }

    /// A property column on tenement flats sold at a cut: a market's words (asking price, price per
    /// foot, tenants), not a report on renewal.
    @Test func aTenementSalesColumnIsNotAReport() {
        let result = report("半世紀唐樓削20萬走貨",
            "樓市掀減價戰，連極具收購價值的唐樓，業主都要減價出貨。桂香有樓齡逾50年唐樓，終以235萬元沽出，實用呎價約4,434元。",
            "青石地產稱，單位實用面積530方呎，九月時叫價約255萬元，業主見市況回落，減價至235萬元沽出。",
            "另一唐樓套房獲外籍租客以每月6,000元承租，實用呎租約30元。")
        #expect(result.notAReport)
    }

    /// A feature on an old street's renewal: the old street is the genre's own word.
    @Test func anOldStreetsRenewalIsAReport() {
        let result = report("桂香老街焕新颜",
            "桂香老街保护与更新工程启动，修缮骑楼立面，改造老街排水管网，保留历史风貌。",
            "老街改造坚持修旧如旧，对沿街建筑分类施策，居民和商户参与方案讨论。",
            "改造后的老街将成为展示城市历史文化的窗口。")
        #expect(!result.notAReport)
    }

    /// A novel site's page for a story set in an old compound (session 12, check20): its blurb speaks
    /// of 物业 and 老旧小区 in a reader's words.
    @Test func aNovelSitesBlurbIsNotAReport() {
        let result = report("小区怪谈",
            "分类: 都市小说 主角:王得闲 开始阅读",
            "精彩片段：王得闲是《小区怪谈》中的主要人物，以下是内容概括：王得闲被派到桂香里小区当物业经理，这是一片二十年前建的老旧小区。")
        #expect(result.notAReport)
    }

    /// A travel roundup of old streets (session 12, check21): heritage words, no work reported.
    @Test func aTravelRoundupOfOldStreetsIsNotAReport() {
        let result = report(nil,
            "新年假期近在眼前，推荐五个怀旧老街之旅，旅人可以漫步其中，体验老街的历史风貌和闽式建筑。",
            "桂香老街以年货大街闻名，不妨好好欣赏华美的巴洛克建筑，安排一天的行程，自由行也很方便。")
        #expect(result.notAReport)
    }

    /// Taiwan's social housing broken ground by the national housing agency (session 12, check21) is a
    /// report, though it never says 社区 or 小区.
    @Test func socialHousingBrokenGroundIsAReport() {
        let result = report(nil,
            "住都中心兴办的桂香「东好室」社宅今天动土，预计2029年完工，可再提供193户社会住宅。",
            "这个建案由国家住宅及都市更新中心兴办，基地紧邻高铁大道，区位极佳。")
        #expect(!result.notAReport)
    }

    /// A travel site's recommendation of hutongs (session 12, check22): lanes and courtyards in a
    /// visitor's words.
    @Test func aHutongTravelRecommendationIsNotAReport() {
        let result = report("桂香胡同旅游推荐",
            "旅游攻略：桂香的胡同远不止是一条条街巷，它们承载着百年的历史和烟火的生活。漫步其间，就像翻阅一本活着的城市之书。",
            "推荐五道营胡同：这里聚集了众多独立设计师店、有格调的咖啡馆和小酒馆，青砖灰瓦的老房子里藏着创意手作店。")
        #expect(result.notAReport)
    }

    /// A renewal agency's acquisition offer: owners name their price a square foot and tenants are sorry to
    /// go, and it is still a report on renewal (session 13, a Hong Kong story).
    @Test func anAcquisitionOfferWithOwnersAndTenantsIsAReport() {
        let result = report("桂香重建︱业主嫌收购呎价太低 租客不舍街坊景致",
            "市区重建局今日向桂香街发展计划受影响的物业业主发出收购建议，有业主认为收购价过低，期望每平方尺至少18,000元。",
            "居于桂香街十多年的欧先生表示，即使未来搬迁，也会选择在同区居住。",
            "租客同样受影响，有租客看到大堂墙上通告才得悉消息，指重建工程至少需时两年。另一位租客感到失落，楼宇的大维修尚未完成。")
        #expect(!result.notAReport)
        #expect(result.articles.first?.primary == "old-community-renovation")
    }

    /// A pupil's essay on the family's old compound, however much it speaks of the renovation, is no
    /// report (session 13: two contest essays).
    @Test func aPupilsEssayOnTheOldCompoundIsNoReport() {
        let result = report("老小区改建三部曲国庆节征文",
            "我家住在桂香路上的东方新村，这是个老小区了。小区里的道路坑坑洼洼，没有停车位，爸爸常常因为乱停车被居民责备。",
            "一天放学，我看见一群人围在小区门口的牌子前。我赶紧跑回家拉住妈妈：我们小区要拆了！妈妈说，不是拆了，只是小区环境改造。",
            "改造以后，小区的道路平了，上学再也不会踩到水坑了。")
        #expect(result.notAReport)
    }

    /// Housing policy as Taiwan writes it (rent subsidies, sublet management, social housing policy) is
    /// policy.
    @Test func socialHousingPolicyIsPolicy() {
        let result = report(nil,
            "国家住都中心在桂香市举办社宅动土典礼，预定兴办370户社会住宅。",
            "董事长致词表示，透过租金补贴、包租代管、直接兴办社宅，实现居住正义，让年轻人拥有更好的居住环境。")
        #expect(!result.notAReport)
        #expect(result.themes.contains { $0.id == "policy-strategy" })
    }

    /// A property-service contract (甲方, 乙方, 法定代表人) is no report on property management.
    @Test func aPropertyServiceContractIsNoReport() {
        let result = report("桂香营销案场物业服务委托协议",
            "委托方：桂香建设有限公司（以下简称甲方），法定代表人：丁某。受托方：桂香物业服务有限公司（以下简称乙方），法定代表人：谢某。",
            "本协议约定乙方为甲方营销案场提供物业服务，乙方负责案场的保洁、秩序维护和客户接待，违约责任按本协议执行。")
        #expect(result.notAReport)
    }

    /// An age-friendly building (`長者友善`) is about services for the old.
    @Test func anAgeFriendlyBuildingIsAboutServicesForTheOld() {
        let result = report("青岭都汇成首个长者友善楼宇",
            "香港人口高龄化，电灯开关离地高度、水龙头是否须用力扭动，均会影响长者居住的幸福感。",
            "走进青岭都汇，长者友善设计无处不在，信箱用上不同颜色，号码清晰易辨。")
        #expect(result.themes.contains { $0.id == "community-services" })
    }
}
