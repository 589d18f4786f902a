import Normalize
import ReportModel
import Testing
@testable import Segment

/// Made-up pages in the shapes real web and news pages take: datelines, publish lines, bylines,
/// credits and sign-offs give `published`, `authors`, `source` and `editors`, and leave the text.
@Suite struct PageMetaTests {
    static let body = "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了。"

    func page(_ lines: [String], hints: LayoutHints = LayoutHints()) -> Page {
        Segmenter().segment(NormalizedText(lines: lines), hints: hints)
    }

    struct PublishCase: Sendable, CustomTestStringConvertible {
        let lines: [String]
        let published: String?
        let source: String?
        let authors: [String]
        init(_ lines: [String], _ published: String?, _ source: String?, _ authors: [String]) {
            self.lines = lines; self.published = published; self.source = source; self.authors = authors
        }
        var testDescription: String { lines[1] }
    }

    static let publishCases: [PublishCase] = [
        PublishCase(["桂香小区改造完工", "2022-12-03 11:00 来源：青石日报 作者：记者 韩书瑶", body], "2022-12-03", "青石日报", ["韩书瑶"]),
        PublishCase(["桂香小区改造完工", "发布日期：2020-05-12", "来源：青石区住建局", body], "2020-05-12", "青石区住建局", []),
        PublishCase(["桂香小区改造完工", "2022/04/27", body], "2022-04-27", nil, []),
        PublishCase(["桂香小区改造完工", "时间：2023-05-12 09:30 来源：青石网", body], "2023-05-12", "青石网", []),
        PublishCase(["桂香小区改造完工", "来源：青石晚报 作者：龚文澜", body], nil, "青石晚报", ["龚文澜"]),
        PublishCase(["桂香小区改造完工", "2023年05月12日 09:30　青石新闻网", body], "2023-05-12", "青石新闻网", []),
        PublishCase(["桂香小区改造完工", "2021-09-01 08:15韩书瑶龚文澜", body], "2021-09-01", nil, ["韩书瑶", "龚文澜"]),
        PublishCase(["桂香小区改造完工", "作者:吴一鸣 李志远, 罗晓来源:青石学报|2024年03月18日", body], "2024-03-18", "青石学报", ["吴一鸣", "李志远", "罗晓"]),
        PublishCase(["桂香小区改造完工", "2014-12-13 21:43:13 来源: 作者: 【 】 浏览:72次 评论:0", body], "2014-12-13", nil, []),
        PublishCase(["桂香小区改造完工", "青石研究 2024年3期", body], nil, "青石研究", []),
    ]

    @Test(arguments: publishCases)
    func publishLines(c: PublishCase) {
        let p = page(c.lines)
        #expect(p.published == c.published)
        #expect(p.articles.first?.title == "桂香小区改造完工")
        #expect(p.articles.first?.source == c.source)
        #expect(p.articles.first?.authors == c.authors)
        #expect(p.articles.first?.paragraphs == [Self.body])
    }

    @Test func aDateGluedToTheTitleLeavesIt() {
        let p = page(["桂香小区改造让居民住得更舒心2023-05-12 来源：青石网", Self.body])
        #expect(p.articles[0].title == "桂香小区改造让居民住得更舒心")
        #expect(p.published == "2023-05-12")
        #expect(p.articles[0].source == "青石网")
    }

    static let openings: [(String, [String], [String], String?)] = [
        ("青石社8月4日电（记者 韩书瑶 龚文澜）近日，桂香小区完工。", ["韩书瑶", "龚文澜"], [String](), "青石社"),
        ("青石网5月27日讯(记者 韩书瑶 编辑 罗一鸣)近日,桂香小区完工。", ["韩书瑶"], ["罗一鸣"], "青石网"),
        ("本报青石1月28日电 记者韩书瑶28日从青石区住建局获悉，桂香小区完工。", ["韩书瑶"], [], nil),
        ("【青石新聞韓書瑤/綜合報導】桂香小區近日完工。", ["韓書瑤"], [], "青石新聞"),
    ]

    @Test(arguments: openings)
    func newsOpenings(opening: String, authors: [String], editors: [String], source: String?) {
        let p = page(["桂香小区改造完工", opening, "居民都说好。"])
        #expect(p.articles[0].authors == authors)
        #expect(p.articles[0].editors == editors)
        #expect(p.articles[0].source == source)
    }

    static let credits: [([String], [String])] = [
        (["桂香小区改造完工", body, "（记者 韩书瑶 龚文澜）"], ["韩书瑶", "龚文澜"]),
        (["桂香小区改造完工", body, "图文：韩书瑶"], ["韩书瑶"]),
        (["桂香小区改造完工", "文/韩书瑶", body], ["韩书瑶"]),
        (["桂香小区改造完工", "撰文：韩书瑶　摄影：龚文澜", body], ["韩书瑶"]),
        (["桂香小区改造完工", body + " (韩书瑶)"], ["韩书瑶"]),
        (["桂香小区改造完工", body, "4月20日，居民在社区会客厅学习编织。青石社记者 韩书瑶 摄"], ["韩书瑶"]),
        (["桂香小区改造完工", "□ 韓 曦", body], ["韓曦"]),
        (["桂香小区改造完工", "韩书瑶、龚文澜、罗一鸣", body], ["韩书瑶", "龚文澜", "罗一鸣"]),
        (["摘要", body, "作者", "韩书瑶", "龚文澜", "出处"], ["韩书瑶", "龚文澜"]),
    ]

    @Test(arguments: credits)
    func bylinesAndCredits(lines: [String], authors: [String]) {
        #expect(page(lines).articles.first?.authors == authors)
    }

    @Test func editorsAreNeverAuthors() {
        let p = page(["桂香小区改造完工", "来源：青石日报", Self.body, "责任编辑：罗一鸣"])
        #expect(p.articles[0].editors == ["罗一鸣"])
        #expect(p.articles[0].authors.isEmpty)
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    @Test func aNoticeKeepsItsSignOffDate() {
        let p = page(["关于桂香小区改造的通知", "发布日期：2023-06-01", "各社区：", "现将有关事项通知如下。", "青石区住建局", "二〇二三年五月二十八日"])
        #expect(p.published == "2023-05-28")
    }

    @Test func webTextHasNoTailTitle() {
        let p = page([Self.body, "居民都说好。", "青石网简介", "联系我们"])
        #expect(p.articles[0].title == nil)
    }

    @Test func aMarkedTitleWinsOverChromeAbove() {
        let p = page(["青石网", "社区新闻频道", "桂香小区改造完工", Self.body], hints: LayoutHints(title: "桂香小区改造完工"))
        #expect(p.articles[0].title == "桂香小区改造完工")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    @Test func aPageTitleElementIsTheFallback() {
        let p = page([Self.body], hints: LayoutHints(fallbackTitle: "桂香小区改造完工_青石网"))
        #expect(p.articles[0].title == "桂香小区改造完工")
    }

    @Test func theTitleRepeatedUnderASiteTitleIsOneTitle() {
        let p = page(["桂香小区改造完工 青石网", "桂香小区改造完工", "——以青石区为例", Self.body])
        #expect(p.articles[0].title == "桂香小区改造完工")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    @Test func documentNumbersAreFound() {
        #expect(page(["青建发〔2024〕12号", "关于桂香小区改造的通知", Self.body]).documentNumber == "青建发〔2024〕12号")
        #expect(page(["文件编号 青区政办发〔2020〕11号", "关于桂香小区改造的通知", Self.body]).documentNumber == "青区政办发〔2020〕11号")
    }

    @Test func aTitleThatCannotEndGoesOn() {
        let p = page(["青石区住建局办公室关于印发", "桂香小区改造经验清单的通知", "各街道：", "现将清单印发给你们。"])
        #expect(p.articles[0].title == "青石区住建局办公室关于印发桂香小区改造经验清单的通知")
    }

    @Test func latinChromeAboveTheTitleAndGovernmentLabelsLeave() {
        let p = page(["China", "索引号123/2020-456", "桂香小区改造完工", Self.body])
        #expect(p.articles[0].title == "桂香小区改造完工")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    @Test func aTitleThatMentionsADateKeepsIt() {
        let p = page(["「桂香小区改造计划」于2018年8月14日起公开展览30天", Self.body])
        #expect(p.articles[0].title == "「桂香小区改造计划」于2018年8月14日起公开展览30天")
    }
}
