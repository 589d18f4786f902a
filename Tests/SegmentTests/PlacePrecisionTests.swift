import Normalize
import ReportModel
import Segment
import Testing

/// Place boundaries and figure units on invented sentences: names never swallow a neighbouring
/// word, ordinary phrases ending like a place are not places, dates and decades are not figures.
@Suite struct PlacePrecisionTests {
    private func article(_ body: String) -> Article {
        Segmenter().segment(NormalizedText(lines: ["微更新简讯", body])).articles[0]
    }

    private func figures(_ body: String) -> [String] {
        article(body).figures.map { "\($0.value)|\($0.unit)" }
    }

    @Test(arguments: [
        // A known city name ends the stem: the verb before it is not part of the street.
        ("改造范围包含威海路沿线的三个院落。", ["威海路"]),
        ("在桂香街道召开议事会。", ["桂香街道"]),
        // Full division names from the gazetteer, at every level, whatever precedes them.
        ("推进武侯区老旧院落改造。", ["武侯区"]),
        ("调研组走访了黔东南苗族侗族自治州的村寨。", ["黔东南苗族侗族自治州"]),
        ("来到四川省成都市锦江区。", ["四川省", "成都市", "锦江区"]),
        // A bare prefecture name with a clean left edge.
        ("调研组赴绵阳、泸州学习。", ["绵阳", "泸州"]),
        // Traditional script matches the same tables and is reported as written.
        ("重慶市渝中區完成改造。", ["重慶市", "渝中區"]),
        ("借鉴德国和新加坡的经验。", ["德国", "新加坡"]),
        // Right after a district a street's name may begin with a function word.
        ("望江区自由街改造完成。", ["望江区", "自由街"]),
        ("各街道办事处、青城镇人民政府：", ["青城镇"]),
        ("枫林居民区党总支牵头。", ["枫林居民区"]),
        ("桂香未来社区建成开放。", ["桂香未来社区"]),
        // 和 between two names with the same suffix joins them.
        ("在学习社区和枫林社区试点。", ["枫林社区"]),
    ])
    func boundaries(body: String, expected: [String]) {
        #expect(article(body).places == expected)
    }

    // Issue 12, from reading real pages: names that read as ordinary words in a list, a street named
    // `…正街` or after a date, a street before its city's bureau, a park named after a lake in a city,
    // a work unit's housing compound, Taipei's abbreviation.
    @Test(arguments: [
        ("抽取了桂香街道的枫林社区、建设社区和环保社区。", ["桂香街道", "枫林社区", "建设社区", "环保社区"]),
        ("施工点位于兴隆街与白鹤山正街交汇处。", ["兴隆街", "白鹤山正街"]),
        ("八一街市民政局宿舍楼正在改造。", ["八一街"]),
        ("游客在绵阳翠湖湿地公园散步。", ["翠湖湿地公园", "绵阳"]),
        ("桂香医院家属院将启动改造。", ["桂香医院家属院"]),
        ("有鉴于北市于2000年起划定更新地区，", ["北市"]),
        ("漓江路社区完成改造。", ["漓江路社区"]),
        ("计划对向阳小区等老旧小区分类改造。", ["向阳小区"]),
        ("研究范围包括灣仔、觀塘和油尖旺的舊樓。", ["灣仔", "觀塘", "油尖旺"]),
        // Session 8: a company named after a province after a street office is the province's, not the office's.
        ("桂香区青石街道四川印刷有限公司宿舍改造。", ["桂香区", "青石街道"]),
        // A staff compound named after a street office, and one after a former repair works.
        ("桂香街道家属院和原汽修厂家属院将改造。", ["桂香街道", "桂香街道家属院", "原汽修厂家属院"]),
        // Session 9 (check8): a street office opening a headline, glued to its community; an estate in
        // Macau; avenues bounded by 东起/南起; a deputy head is no district.
        ("~~~前山街道桂石社区整合资源为民解忧", ["前山街道", "桂石社区"]),
        ("都更公司將青石新邨七棟舊樓改建。", ["青石新邨"]),
        ("西至人民大街，南起自由大路，北至桂林大路的小区。", ["人民大街", "自由大路", "桂林大路"]),
        ("刘广野副区长出席会议。", []),
        // Session 9 (check9): compounds named after a holiday.
        ("在五一小区和八一村开展活动。", ["五一小区", "八一村"]),
        // Session 9: a work unit's staff building.
        ("她居住的林业局家属楼去年完成改造。", ["林业局家属楼"]),
        // Session 9: a lane glued to the road before it.
        ("工人在青石路桂花巷施工。", ["青石路", "桂花巷"]),
        // `这次` before a one-character village name leaves no name to take (村 needs two).
        ("这次丁村改造，成为丁村居民的大事。", []),
        // A determiner listed after a compound, and the shorter suffix inside the longer one.
        ("联合桂香小区、相关小区物业开展巡查。", ["桂香小区"]),
        ("联合桂香社区、有关小区物业开展巡查。", ["桂香社区"]),
        // Verbs and nouns before 小区/社区.
        ("重新布局小区空间，汇集社区力量。", []),
        ("提出重建需求社区十处，陪伴社区发起人。", []),
    ])
    func realPageNames(body: String, expected: [String]) {
        #expect(article(body).places == expected)
    }

    /// A compound keeps the river it is named after (the lane rule above cuts only street from street).
    /// Session 10 (check12): a district named by its direction before 街道, and the community after the
    /// street office, not a compound cut across the two; a time word before a compound's name.
    @Test func aStreetOfficeNamedByDirectionAndItsCommunity() {
        #expect(article("他说，东区街道竹苑社区党委书记一一解答。").places == ["东区街道", "竹苑社区"])
        #expect(!article("此时竹苑社区的饭堂热闹了起来。").places.contains("时竹苑"))
    }

    /// A bureau of a region names the region; staff dormitories of work units are compounds.
    @Test func aRegionsBureauAndWorkUnitDormitories() {
        #expect(article("来源：广西壮族自治区新闻出版局").places == ["广西壮族自治区"])
        #expect(article("对供销社宿舍、水泥厂宿舍进行改造。").places == ["供销社宿舍", "水泥厂宿舍"])
    }

    /// Session 11: an estate named as a garden and a named block are places; a roof garden, a pocket
    /// garden, skyscrapers and Hong Kong's `三無大廈` (buildings without owners' bodies) are not.
    @Test func anEstateNamedAsAGardenAndANamedBlock() {
        #expect(article("桂香街道元光花园、青石大厦两个小区完成改造。").places == ["桂香街道", "元光花园", "青石大厦"])
        #expect(article("楼顶建起屋顶花园，空地变身口袋花园，周边高楼大厦林立。").places.isEmpty)
        #expect(article("市建局协助三无大厦的业主成立法团。").places.isEmpty)
        #expect(article("昔日的荒地摇身一变成花园。").places.isEmpty)
    }

    @Test func aCompoundNamedAfterARiverStaysWhole() {
        let places = article("桂江明珠小区完成改造。").places
        #expect(places.contains("桂江明珠小区"))
        #expect(!places.contains("明珠小区"))
    }

    @Test(arguments: [
        "确保节日期间小区安全有序。",
        "不少单位家属楼年久失修。",
        "这些微改造充分调动社区居民参与。",
        "着力解决老旧街道商户外立面风格不一的问题。",
        "前期小区改造已经完成。",
        "破解社区难题，打造一站式社区服务。",
        "辅导社区成立更新会，此案市府已核定，说服整合社区居民。",
        "改造三小区和十二小区。",
        "要维护城市南区域的稳定。",
        "居民反映江南通道拥堵。",
        "开展节假日期间社区巡查。",
        // A verb before 市/省 is no city or province outside the gazetteer.
        "专家建议市里统筹资金。",
        "方案经审议稿获省里批复。",
        "曲阜师范大学的学生参与调研。",
        "打造未来社区和现代化社区。",
        "推进城镇老旧小区改造。",
        "推广一村一品经验。",
        // Issue 12: a function word inside the stem, a conjunction or a verb before 社区, `这种城市`, a
        // description before 大道, a verb before a kind of park, the words around an idiom.
        "昨日于西区活动中心举办讲堂。",
        "拨款用于西区海滨规划。",
        "尽管社区助餐取得进展，仍需努力。",
        "对这种城市风貌进行讨论。",
        "打通了12米宽的大道。",
        // A verb before 街道 or 小区 (they assign, assess, discuss), and a road that is a figure of speech.
        "区里安排街道落实整改。",
        "住建部门研判小区改造需求。",
        "党员群众讨论小区停车方案。",
        "这是城市更新的必经之路。",
        "专家探讨口袋公园的作用。",
        "寻常巷陌添了新景。",
        // Session 5: speech (`要是咱街道…`), a verb before 社区, 仅 before a lane's count.
        "要是咱街道也有这样的食堂就好了。",
        "由专业团队协助社区整合意愿。",
        "园区与「桂香公办都更案」仅一巷之隔。",
        // Session 8: a kind of future community, a level or a group before 社区, verbs before 小区 (a banner
        // the gazetteer does not know, then 共有),
        // a housing type and residential areas before 区 (平房区 stays: it is a district of Harbin), an old road.
        "培育引领型未来社区和友好型未来社区。",
        "建立五级社区治理体系，提升街道社区服务。",
        "建设老年人社区食堂。",
        "桂香旗共有小区四十个。",
        "重新规划小区道路。",
        "楼房区分别施策，旧住区同步整治。",
        "沿线先清理旧路再铺新面。",
        // An approximate count, a comparison and verbs before 社区; a newspaper named after its city.
        "每个城市选择100个左右社区试点，向更多社区推开。",
        "要做好社区服务，提高社区管理的透明度。",
        "文/北京青年报记者 韩一",
        // A quality before 社区 in a column tag, and a verb before it.
        "【党旗领航 品质社区】多方联动积极协商",
        "与居民面对面共同探讨社区建设。",
        // Session 10 (check12): towns and streets together, a verb or a conjunction before a unit,
        // new and old, counted units and streets in a slogan, dormitories of a kind.
        "还吸引不少其他镇街的老人前来用餐。",
        "由相关属地镇街集中提报。",
        "召开年终总结会暨小区治理解读会。",
        "荣获街道先进基层党组织称号。",
        "针对新旧小区特点提供服务。",
        "采用多点两区布局。",
        "九街十八巷，七十二胡同，说不尽老城故事。",
        "周边警察宿舍改建完成，学生宿舍也在翻新。",
        // check13: a verb or a day before a unit.
        "红色服务焕发小区生机，把居民联结起小区共同体。",
        "局长今日出席市建局的活动。",
    ])
    func notPlaces(body: String) {
        #expect(article(body).places.isEmpty)
    }

    @Test(arguments: [
        ("改造面积达12.5万㎡。", ["12.5|万㎡"]),
        ("补助标准为1.5万元/户。", ["1.5|万元/户"]),
        ("新增绿地3000m²。", ["3000|m²"]),
        ("公示期7日，期满无异议后施工。", ["7|日"]),
        ("电梯每15日维护一次。", ["15|日"]),
        ("改造面積1.95萬平方米。", ["1.95|萬平方米"]),
    ])
    func compoundUnits(body: String, expected: [String]) {
        #expect(figures(body) == expected)
    }

    @Test(arguments: [
        "24日，议事会在活动中心召开。",
        "这批住宅建于80年代。",
        "第3页",
        "1/5",
        "3日上午，施工队进场。",
    ])
    func notFigures(body: String) {
        #expect(figures(body).isEmpty)
    }
}

/// Session 12 (check19): a province written right before its city.
@Suite struct ProvinceBeforeCityTests {
    private func places(_ body: String) -> [String] {
        Segmenter().segment(NormalizedText(lines: ["微更新简讯", body])).articles[0].places
    }

    @Test func aProvinceBeforeACityThatBeginsWith大() {
        let found = places("在辽宁大连甘井子区，这里的老楼正在改造。")
        #expect(found.contains("辽宁"))
        #expect(found.contains("大连"))
        // (A university named after the province is still no place.)
        #expect(!places("辽宁大学的学生来到社区。").contains("辽宁"))
    }

    /// A residents' committee, a road's section, a district named by its direction and a neighbourhood
    /// right after it; an ordinal area and a verb before a committee are no names.
    @Test func committeesSectionsDirectionDistrictsAndNeighbourhoods() {
        #expect(places("桂香县中山居委会旗岭路第九片区完成改造。") == ["桂香县", "中山居委会", "旗岭路"])
        #expect(places("采取居委会征集业主意见的方式。").isEmpty)
        #expect(places("他住在新北市板橋區文化路一段。").contains("文化路一段"))
        #expect(places("文化路1段的店面正在改造。") == ["文化路1段"])
        #expect(places("沿建设路走了一段的时候。") == ["建设路"])
        #expect(places("位於台南市東區建國里的老屋。") == ["台南市", "東區", "建國里"])
        // (里 elsewhere is only "in": `小区里`, `家里`.)
        #expect(places("武侯区小区里的居民说家里很暖和。") == ["武侯区"])
    }

    /// `某某街道办锦江社区`: the street office's 办 or 办事处 is no part of the community's name.
    @Test func aCommunityAfterAStreetOfficesWord() {
        #expect(places("新阳路街道办锦江社区居民反映。") == ["新阳路街道", "锦江社区"])
        #expect(places("新阳路街道办事处锦江社区居民反映。") == ["新阳路街道", "锦江社区"])
        #expect(places("道里區新陽路街道辦錦江社區黨委書記說。") == ["道里區", "新陽路街道", "錦江社區"])
    }

    /// Historic districts, old cities, stations and airports with names of their own; a community
    /// named apart from the road it lies on; the commonest street names (建设路, 人民街).
    @Test func districtsStationsAirportsAndCommonStreets() {
        #expect(places("长乐区和平街历史文化街区完成修缮。") == ["长乐区", "和平街", "和平街历史文化街区"])
        #expect(places("分析历史文化街区的保护模式。").isEmpty)
        #expect(places("长乐吴航古城的改造").contains("吴航古城"))
        #expect(places("这座千年古城焕发新貌。").isEmpty)
        #expect(places("金城車站與翔安機場之間").contains("翔安機場"))
        #expect(places("坐火车站到了汽车站附近。").isEmpty)
        #expect(places("走进解放西路海宝社区福地苑小区，").contains("海宝社区"))
        #expect(places("团结路社区的居民").contains("团结路社区"))
        #expect(places("在位于秦州区建设路的家属院").contains("建设路"))
        #expect(places("加强建设路网规划，走好建设路子。").isEmpty)
    }

    /// Hong Kong's areas and Taiwan's cities written bare; a mainland 九龙 name stays whole.
    @Test func hongKongAreasAndTaiwanCitiesWrittenBare() {
        #expect(places("市建局在大角咀及深水埗啟動重建。") == ["大角咀", "深水埗"])
        #expect(places("宜蘭縣政府表示，花蓮與台東也有類似需求。").contains("花蓮"))
        #expect(places("黄石九龙洞社区的食堂开业。").contains("九龙洞社区"))
    }
}
