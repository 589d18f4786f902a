import Normalize
import ReportModel
import Segment
import Testing

/// Invented fixtures for each rule; none of these sentences comes from the corpus.
enum Fixture {
    static let headline = "以微更新绘就宜居街巷新图景"
    static let lead = "编者按　老街巷连着千家万户。本期约请三位作者，围绕微更新谈体会，以飨读者。"
    static let first = [
        "小切口撬动大民生",
        "□韩书瑶",
        "枫林街道把微更新做进了楼道里，青石巷社区的居民说楼道亮了、心也亮了。",
        "我们先问需于民，再定改造清单，共梳理出楼道照明等事项42项。",
        "（作者系枫林街道党工委书记）",
    ]
    static let second = [
        "让停车位从“抢”到“让”",
        "□龚文澜",
        "停车难是老旧小区的心病。去年，望江区在桂香小区试行错时共享停车，新增车位120个。",
        "共享车位按月收费，每月80元，居民普遍认可错时共享的停车办法。",
        "（作者系望江区城市管理局副局长）",
    ]
    static let third = [
        "养老服务要近一点再近一点",
        "□葛蔚然",
        "社区食堂开到了家门口，老人们吃饭不用再跑远路，养老服务站也就近办了起来。",
        "目前全区建成养老服务站36个，服务老人约5000人次，老人吃饭和服务都方便了。",
        "（作者系江城大学公共管理学院副教授）",
    ]

    /// Reading order: banner, lead, then title / byline / body / footer for each article.
    static var readingOrder: [String] { [headline, lead] + first + second + third }

    /// Content-stream order: each title after its footer, the banner last.
    static var pdfOrder: [String] {
        func moved(_ a: [String]) -> [String] { Array(a.dropFirst()) + [a[0]] }
        return [lead] + moved(first) + moved(second) + moved(third) + [headline]
    }
}

@Suite struct PageStructureTests {
    @Test(arguments: [false, true]) func multiArticlePageInBothOrders(pdf: Bool) {
        let page = Segmenter().segment(NormalizedText(lines: pdf ? Fixture.pdfOrder : Fixture.readingOrder))
        #expect(page.headline == Fixture.headline)
        try? #require(page.articles.count == 4)
        guard page.articles.count == 4 else { return }
        let lead = page.articles[0]
        #expect(lead.title == nil && lead.author == nil && lead.affiliation == nil)
        #expect(lead.paragraphs == [Fixture.lead])
        #expect(page.articles.map(\.title) == [nil, Fixture.first[0], Fixture.second[0], Fixture.third[0]])
        #expect(page.articles.map(\.author) == [nil, "韩书瑶", "龚文澜", "葛蔚然"])
        #expect(page.articles[1].affiliation == "枫林街道党工委书记")
        #expect(page.articles[3].affiliation == "江城大学公共管理学院副教授")
        #expect(page.articles.dropFirst().allSatisfy { $0.paragraphs.count == 2 })
        #expect(page.articles.map(\.index) == [0, 1, 2, 3])
    }

    @Test func titleBrokenOverTwoLinesIsOneTitle() {
        let lines = [Fixture.lead] + Array(Fixture.first.dropFirst()) + ["小切口撬动", "大民生"]
            + Array(Fixture.second.dropFirst()) + ["让停车位从“抢”", "到“让”"] + [Fixture.headline]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles.compactMap(\.title) == ["小切口撬动大民生", "让停车位从“抢”到“让”"])
        #expect(page.headline == Fixture.headline)
    }

    /// With one title between two articles and none before the first or after the last, layout
    /// says nothing: the title's overlap with each neighbouring article decides, and the page says
    /// the placement was guessed.
    @Test(arguments: [("共享停车让车位不难找", 0), ("养老服务站开到家门口", 1)])
    func overlapDecidesWhenLayoutIsSilent(title: String, owner: Int) {
        let a = ["□韩书瑶", "桂香小区的共享停车让车位不再难找，共享停车的车位每天都有人用。", "（作者系望江区城市管理局副局长）"]
        let b = ["□龚文澜", "养老服务站开到了家门口，助餐和助浴服务也一并上门。", "（作者系枫林街道党工委书记）"]
        let page = Segmenter().segment(NormalizedText(lines: a + [title] + b))
        #expect(page.articles.count == 2)
        #expect(page.articles.map(\.title) == (owner == 0 ? [title, nil] : [nil, title]))
        #expect(page.warnings == ["title placement guessed for 1 article"])
    }

    /// An article running on to the next PDF page has its title, and the page banner, drawn at the
    /// end of the first page: in the middle of its body.
    @Test func titleAndBannerAtPageBreakInsideBody() {
        let second = [
            "□龚文澜",
            "停车难是老旧小区的心病。去年，望江区在桂香小区试行错时共享停车，新增车位120个，居民",
            "让停车位从“抢”到“让”",
            Fixture.headline,
            "共享车位按月收费，每月80元，居民普遍认可错时共享的停车办法。",
            "（作者系望江区城市管理局副局长）",
        ]
        let lines = [Fixture.lead] + Array(Fixture.first.dropFirst()) + [Fixture.first[0]] + second
            + Array(Fixture.third.dropFirst()) + [Fixture.third[0]]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles.map(\.title) == [nil, Fixture.first[0], "让停车位从“抢”到“让”", Fixture.third[0]])
        #expect(page.headline == Fixture.headline)
        #expect(page.articles[2].paragraphs.count == 2)
    }

    @Test func singleNewsArticleWithMetadataAndNewsOpening() {
        let lines = [
            "江城晚报　2024年4月3日　第06版　社区",
            "桂香小区加装电梯全部完工",
            "本报讯（记者 龚文澜 通讯员 韩书瑶）4月2日，望江区桂香小区最后一部加装电梯投用。",
            "据介绍，该小区共加装电梯8部，惠及居民196户。",
        ]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.published == "2024-04-03")
        #expect(page.headline == nil)
        #expect(page.articles.count == 1)
        #expect(page.articles[0].title == "桂香小区加装电梯全部完工")
        #expect(page.articles[0].author == "龚文澜")
        #expect(page.articles[0].paragraphs.count == 2)
    }

    @Test func singleArticleTitleAfterEverythingInPdfOrder() {
        let lines = [
            "□葛蔚然",
            "社区食堂开到了家门口，老人们吃饭方便多了。",
            "（作者系江城大学公共管理学院副教授）",
            "养老服务要近一点",
        ]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles.count == 1)
        #expect(page.articles[0].title == "养老服务要近一点")
        #expect(page.articles[0].author == "葛蔚然")
        #expect(page.articles[0].paragraphs == ["社区食堂开到了家门口，老人们吃饭方便多了。"])
    }

    @Test func noticeWithSignoffAttachmentsAndDocumentNumber() {
        let lines = [
            "望建发〔2024〕12号",
            "望江区住房和城乡建设局关于开展楼道微更新的通知",
            "各街道办事处：",
            "为改善居住环境，现就有关事项通知如下。",
            "一、工作目标",
            "年内完成楼道微更新30个。",
            "联系人：韩工　联系电话：027-8×××××××",
            "附件：1.2024年楼道微更新项目表",
            "2.2024年楼道微更新申报表",
            "望江区住房和城乡建设局",
            "2024年3月1日",
        ]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.published == "2024-03-01")
        #expect(page.articles.count == 1)
        let article = page.articles[0]
        #expect(article.title == "望江区住房和城乡建设局关于开展楼道微更新的通知")
        #expect(article.author == nil)
        // Addressee and section heading count; document number, sign-off, contacts and attachments do not.
        #expect(article.paragraphs.count == 4)
        #expect(article.figures.map { "\($0.value)\($0.unit)" } == ["30个"])
    }

    @Test func minutesHeaderLinesAreParagraphsNotMetadata() {
        let lines = [
            "桂香小区停车议事会会议纪要",
            "时间：2024年5月6日14:00",
            "地点：桂香小区议事厅",
            "会议议定增设临时车位20个。",
            "桂香社区居民委员会",
            "2024年5月7日",
        ]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.published == "2024-05-07")
        #expect(page.articles[0].title == "桂香小区停车议事会会议纪要")
        #expect(page.articles[0].paragraphs.count == 3)
        #expect(page.articles[0].author == nil)
    }

    @Test func researchAbstractAuthorsAndInstitution() {
        let lines = [
            "老旧街区更新中的居民参与研究",
            "韩书瑶　龚文澜",
            "（江城大学建筑学院，湖北江城430000）",
            "摘要：本文调查了12个街区。",
            "关键词：街区更新；居民参与",
        ]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        let article = page.articles[0]
        #expect(article.author == "韩书瑶、龚文澜")
        #expect(article.affiliation == "江城大学建筑学院")
        #expect(article.paragraphs.count == 2)
        #expect(page.published == nil)
    }

    @Test func emptyInputGivesNoArticles() {
        #expect(Segmenter().segment(NormalizedText(lines: [])).articles.isEmpty)
        #expect(Segmenter().segment(NormalizedText(lines: ["　", ""])).articles.isEmpty)
    }

    @Test func normaliserWarningsArePassedOn() {
        let page = Segmenter().segment(NormalizedText(lines: ["标题", "正文。"], warnings: ["undid doubled text in 1 line"]))
        #expect(page.warnings == ["undid doubled text in 1 line"])
    }
}

@Suite struct BylineTests {
    /// A byline in each accepted form, on a one-article page.
    @Test(arguments: [
        ("□韩书瑶", "韩书瑶"),
        ("■ 龚文澜", "龚文澜"),
        ("本报记者 葛蔚然", "葛蔚然"),
        ("记者 韩书瑶 龚文澜", "韩书瑶、龚文澜"),
        ("文/葛蔚然", "葛蔚然"),
        ("作者：韩书瑶", "韩书瑶"),
        ("□韩书瑶、龚文澜", "韩书瑶、龚文澜"),
        ("□本报记者 葛蔚然 通讯员 韩书瑶", "葛蔚然"),
    ])
    func bylineForms(byline: String, author: String) {
        let page = Segmenter().segment(NormalizedText(lines: ["街巷微更新的温度", byline, "正文说的是楼道改造。"]))
        #expect(page.articles.first?.author == author)
        #expect(page.articles.first?.paragraphs == ["正文说的是楼道改造。"])
    }

    @Test(arguments: [
        ("本报讯（记者 韩书瑶 龚文澜）近日，桂香小区完工。", "韩书瑶、龚文澜"),
        ("本报讯（记者 韩书瑶 通讯员 龚文澜）近日，桂香小区完工。", "韩书瑶"),
        ("本报讯（记者 韩书瑶龚文澜）近日，桂香小区完工。", "韩书瑶、龚文澜"),
        ("本报讯　近日，桂香小区完工。", nil),
    ])
    func newsOpening(opening: String, author: String?) {
        let page = Segmenter().segment(NormalizedText(lines: ["桂香小区改造完工", opening]))
        #expect(page.articles.first?.author == author)
    }

    @Test func letterSignedByAPerson() {
        let lines = ["关于楼道照明的建议信", "望江区住建局：", "我们楼道的灯坏了很久，希望尽快修好。", "此致", "敬礼！", "韩书瑶", "2024年2月3日"]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles[0].author == "韩书瑶")
        #expect(page.articles[0].paragraphs.count == 2)
        #expect(page.published == "2024-02-03")
    }

    @Test func letterSignedByResidentsHasNoAuthor() {
        let lines = ["关于小区停车的投诉信", "望江区住建局：", "小区停车位不够，希望统筹解决。", "此致", "敬礼！", "桂香小区部分业主（联名36户）", "2024年2月3日"]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles[0].author == nil)
        #expect(page.articles[0].figures.map { "\($0.value)\($0.unit)" } == ["36户"])
    }

    @Test func footerBrokenOverTwoLinesIsOneAffiliation() {
        let lines = ["□韩书瑶", "正文一段。", "（作者系望江区住房和城乡建设局", "副局长）", "街巷里的烟火气"]
        let page = Segmenter().segment(NormalizedText(lines: lines))
        #expect(page.articles[0].affiliation == "望江区住房和城乡建设局副局长")
        #expect(page.articles[0].title == "街巷里的烟火气")
    }
}
