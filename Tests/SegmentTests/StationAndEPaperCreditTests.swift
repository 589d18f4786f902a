import Normalize
import ReportModel
import Testing
@testable import Segment

/// Session 13 (check24, check25): a TV station's byline, lists of outlets and headlines above and below a
/// story, an e-paper's article view, reporters named bare, an article's length beside its date, in the
/// shapes unseen pages gave, on invented pages.
@Suite struct StationAndEPaperCreditTests {
    static let body = "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了，停车位也比以前多了不少。"

    func page(_ text: [String]) -> Page {
        Segmenter().segment(Normalizer().normalize(text.joined(separator: "\n")))
    }

    /// `名 名 報導  / 城市`: a station's reporters, `報導`, and after a slash the city they reported from.
    @Test func aStationsReportersBeforeWhereTheyReportedFrom() {
        let p = page(["青石更新 誰是贏家", "", "陳立人 李宇明 報導  / 青石市", "", "  青石市寸土寸金，老舊社區都市更新一談就是十年以上。", "",
                      "新聞來源:青石新聞", "", "新聞關鍵字", "", "青石新聞 Facebook", "", "加入Line好友"])
        #expect(p.articles[0].title == "青石更新 誰是贏家")
        #expect(p.articles[0].authors == ["陳立人", "李宇明"])
        #expect(p.articles[0].paragraphs == ["青石市寸土寸金，老舊社區都市更新一談就是十年以上。"])
    }

    /// The same shape is not read into a line that only mentions a report.
    @Test func aSlashLineWithoutReportIsNoByline() {
        #expect(Bylines.withoutReportedFrom(Array("陳立人 李宇明 / 青石市".unicodeScalars)) == Array("陳立人 李宇明 / 青石市".unicodeScalars))
        #expect(Bylines.withoutReportedFrom(Array("陳立人 李宇明 報導  / 青石市".unicodeScalars)) == Array("陳立人 李宇明 ".unicodeScalars))
        #expect(Bylines.names(inAuthorLine: Line("陳立人 李宇明 報導")) == ["陳立人", "李宇明"])
        #expect(Bylines.names(inAuthorLine: Line("新聞報導")) == nil)
    }

    /// A site's bulleted lists of outlets, sections and other headlines above the story (a short heading
    /// between them), then the title and its date.
    @Test func bulletedListsOfOutletsAndHeadlinesAboveTheStory() {
        let outlets = ["青石日報", "桂香晚報", "東林電視", "西河廣播", "南山時報", "北嶺新聞", "中洲快報", "MediaWire"].map { "  • \($0)" }
        let headlines = ["青石發生4.5級地震 近一個月已震14次", "桂香大橋合龍", "東林舉辦新生家長會", "西河民署發食品預警要求停售",
                         "南山立法工作健康成熟", "北嶺經屋年底落成"].map { "  • \($0)" }
        let p = page(["媒體"] + outlets + ["分類", "  • 本地新聞", "  • 國際新聞", "新聞"] + headlines
                     + ["", "桂香舊樓住戶冀加快都市更新進程", "", "2020-06-28 01:23", "", Self.body])
        #expect(p.articles[0].title == "桂香舊樓住戶冀加快都市更新進程")
        #expect(p.published == "2020-06-28")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// A bulleted list inside the story (between its sentences) is the story's.
    @Test func aBulletedListInsideTheStoryStays() {
        let items = (1...8).map { "• 第\($0)批改造小区桂香\($0)号院" }
        let p = page(["桂香区公布改造名单", "", Self.body] + items + ["以上小区将在年底前完成改造，请居民配合施工。"])
        #expect(p.articles[0].paragraphs.contains { $0.contains("第8批改造小区") })
    }

    /// An e-paper's article view: the page's name without 版, the turners, the font buttons, the page
    /// list and the page's headlines (this story's among them) after it, the reporter named bare after
    /// the last full stop.
    @Test func anEPaperArticleViewAndItsReporterAfterTheLastFullStop() {
        let title = "老小区改造工程全面启动"
        let p = page(["第02:综合新闻", "上一版3   4下一版  ", " ", "     标题导航", "2013年09月26日 星期四 出版 上一期  下一期 返回首页 | 版面概览 | 版面导航 | 标题导航",
                      "3 上一篇   下一篇 4  ", "放大 缩小 默认   ", title, "  本报讯 日前，记者在市区桂香新村看到，施工单位正在疏通小区污水管道。 ", "",
                      "  今年改造主要对奎星新村、桂香新村等老小区进行统一改造，以缓解居民“停车难”的问题。周林", "",
                      "3 上一篇   下一篇 4  ", "放大 缩小 默认   ", "   第01版:一版要闻", "   第02版:综合新闻", "   第03版:特别报道",
                      "桂香镇税源管理不因小而不为", "工商局四项措施服务行政区划调整", title, "信息短波", "第十届社科普及宣传周开幕"])
        #expect(p.articles[0].title == title)
        #expect(p.articles[0].authors == ["周林"])
        #expect(p.published == "2013-09-26")
        #expect(p.articles[0].paragraphs.count == 2)
        #expect(!p.articles[0].paragraphs.contains { $0.contains("上一篇") || $0.contains("信息短波") || $0.contains("综合新闻") })
    }

    /// A closing sentence's last words are no reporter: a place, a word that is no name.
    @Test func wordsAfterTheLastFullStopThatAreNoName() {
        #expect(Bylines.gluedClosingName(Line("居民出行更方便了。周林")) == "周林")
        #expect(Bylines.gluedClosingName(Line("居民出行更方便了。北京")) == nil)
        #expect(Bylines.gluedClosingName(Line("居民出行更方便了。记者")) == nil)
        #expect(Bylines.gluedClosingName(Line("居民出行更方便了。目前")) == nil)
        #expect(Bylines.gluedClosingName(Line("居民出行更方便了。据了解")) == nil)
    }

    /// `(崔某某)` alone under the last paragraph, above the proof-reader's and the editor's credits.
    @Test func aReporterInBracketsAloneUnderTheLastParagraph() {
        let p = page([Self.body, "“口袋公园”虽小，却兜住了居民的“微幸福”。", "(崔寿林)", "校对 陶某某", "编辑 : 潘某", "更多内容请打开青石新闻，或点击链接"])
        #expect(p.articles[0].authors == ["崔寿林"])
        #expect(Bylines.trailingAuthor(Line("(待续)")) == nil)
    }

    /// `發佈日期:2024/10/30` ⏎ `蕭某某` ⏎ the story: the reporter named alone under the publish line.
    @Test func aReporterNamedAloneUnderThePublishLine() {
        let p = page(["發佈日期:2024/10/30 ", "蕭又平", "國家住都中心於青石市中壢區舉辦社宅動土典禮，預定興辦370戶社會住宅。", " ", "內政部次長致詞表示，社會住宅政策支持民眾追尋合理的居住環境。"])
        #expect(p.articles[0].authors == ["蕭又平"])
        #expect(p.published == "2024-10-30")
        #expect(p.articles[0].paragraphs.count == 2)
    }

    /// An abstract page: its menu of many bars (each item padded with spaces), the length of the article
    /// beside its date.
    @Test func anAbstractPagesMenuAndTheArticlesLengthBesideItsDate() {
        let menu = "学术堂首页 | 文献求助论文范文 | 论文题目 | 参考文献 | 开题报告 | 论文格式 | 摘要提纲 | 论文致谢 | 论文查重 | 论文答辩 | 论文发表 | 期刊杂志 | 论文写作 | 论文PPT"
        let p = page([menu, "", "老旧城区综合改造后居民满意度调查分析", "", "来源:青石建筑大学学报 作者:李勤;于光明", "发布于:2020-04-07 共6981字", "",
                      "  摘    要: 旧城改造工作是提升老旧城区居民生活幸福感的一项重要举措。"])
        #expect(p.articles[0].title == "老旧城区综合改造后居民满意度调查分析")
        #expect(p.published == "2020-04-07")
        #expect(p.articles[0].authors == ["李勤", "于光明"])
        #expect(MetaLine.isWordCount(Array("共6981字".unicodeScalars)))
        #expect(!MetaLine.isWordCount(Array("共有字".unicodeScalars)))
    }

    /// A dispatch's place after its date (`10月14日郴州讯`), which a bare smaller city's name needs as its
    /// left edge.
    @Test func aDispatchsPlaceAfterItsDate() {
        let p = page(["桂香新闻10月14日郴州讯(记者 王某某)近日，桂香社区老年食堂正式开张，居民吃上了热乎饭。"])
        #expect(p.articles[0].places.contains("郴州"))
    }

    /// County-level units written bare in a list (`七星关—威宁、水城—盘州`) are places; one alone in a
    /// sentence is an ordinary word.
    @Test func countiesWrittenBareInAList() {
        let listed = page(["记者深入“七星关—威宁、水城—盘州、仁怀—赤水、独山—荔波”等经济带采访，走进老旧小区。"])
        for name in ["七星关", "威宁", "水城", "盘州", "仁怀", "赤水", "独山", "荔波"] { #expect(listed.articles[0].places.contains(name)) }
        let alone = page(["这座水城的老旧小区改造完成后，赤水河畔的步道也亮了起来。"])
        #expect(!alone.articles[0].places.contains("水城"))
        #expect(!alone.articles[0].places.contains("赤水"))
    }

    /// `記者:名 / 高雄市 報導 發佈時間:…`: the city after the slash is where the reporter filed from.
    @Test func theCityAfterTheReportersSlashIsNoAuthor() {
        let p = page(["青石大樓修繕補助即日起開始受理", "", "青石報.tw 記者:林家安 / 高雄市 報導 發佈時間:2025-02-26 18:34:50", "",
                      "高雄市政府都市發展局推動老舊大樓修繕補助，社區管委會可申請。"])
        #expect(p.articles[0].authors == ["林家安"])
        #expect(p.published == "2025-02-26")
    }

    /// An e-paper's date, `首页` and page label above a series' name (`“…”续`) and the story's own title.
    @Test func aSeriesNameAboveTheStorysTitle() {
        let p = page(["2020年12月21日", "首页", "第A03版:[都市]", "", "“桂香老旧小区加装电梯”续", "", "桂林街道举行加装电梯项目签约仪式", "",
                      "    近日，桂香市桂林街道科技花园社区举行加装电梯项目签约仪式，居民们纷纷签字。"])
        #expect(p.articles[0].title == "桂林街道举行加装电梯项目签约仪式")
        #expect(PageMetaReader.isSeriesKicker(Array("“城市更新进行时”之三".unicodeScalars)))
        #expect(!PageMetaReader.isSeriesKicker(Array("“桂香老旧小区加装电梯”".unicodeScalars)))
    }

    /// A pen name in brackets after the last full stop (`。 (挥戈)`), which need not start with a surname;
    /// `(待续)` names nobody.
    @Test func aPenNameInBracketsAfterTheLastFullStop() {
        #expect(Bylines.trailingAuthor(Line("配置基本的生活辅具和火灾报警器等安保设备。 (挥戈)")) == "挥戈")
        #expect(Bylines.trailingAuthor(Line("配置基本的生活辅具和火灾报警器等安保设备。(待续)")) == nil)
        #expect(Bylines.trailingAuthor(Line("配置基本的生活辅具和火灾报警器等安保设备。(新华社)")) == nil)
    }

    /// A Hong Kong page: its trending searches under their label, ad slots, a picture's number,
    /// screenshots' names, `返回`, and a date with the month in English.
    @Test func aHongKongPagesTrendingSearchesAdSlotsAndEnglishMonth() {
        let title = "房協青嶺都匯成香港首個「長者友善樓宇」　信箱到浴室設計滿載貼心安排(多圖)"
        let p = page([" 熱門搜尋:", "安全帶 二手樓 農曆新年2026 東林 網上熱話 新店關注組", "dadblk3 madblk3", "adblk3", "返回", "出版：2026-Feb-22 22:58", "",
                      title, "", "分享：", "20260216150806205", "", "香港人口高齡化，電燈開關離地高度會影響長者居住時的幸福感。", "adblk4", "",
                      "螢幕擷取畫面 2026 02 22 224826 螢幕擷取畫面 2026 02 22 224757", "", "踏入單位，浴室鋪設防滑地板，長者能輕鬆使用。"])
        #expect(p.articles[0].title == title)
        #expect(p.published == "2026-02-22")
        #expect(p.articles[0].paragraphs.count == 2)
        #expect(!p.articles[0].places.contains("東林"))
    }

    /// A share bar one item a line (`微博`, `Qzone`, `評論`) above a wire's lead: its reporter is read.
    @Test func aShareBarOneItemALineAboveAWiresLead() {
        let p = page(["青石網 正文", "    老城“新”事——桂香老舊小區改造走訪見聞", "    2020-01-14 09:05:52 來源: 青石網", "    關注青石網", "    微博",
                      "    Qzone", "    評論", "    圖集", "", "      青石社西安1月14日電(記者李華)進入臘月，古城西安小東門里年味漸濃。"])
        #expect(p.articles[0].authors == ["李華"])
        #expect(p.articles[0].paragraphs.count == 2)
    }

    /// Verbs and pronouns before 小区 or 社区 (`改善小区环境`, `他们小区`) start no name.
    @Test func verbsAndPronounsBeforeACompoundStartNoName() {
        let p = page(["桂香街道积极改善小区环境，他们小区的停车难题得到解决，首批老新村完成改造，激活社区活力。"])
        #expect(!p.articles[0].places.contains { $0.hasSuffix("小区") || $0.hasSuffix("社区") && $0 != "桂香街道" })
        #expect(p.articles[0].places.contains("桂香街道"))
    }

    /// `尋找貓咪~…` (a sidebar's lost-pet notice) ⏎ the title ⏎ `原標題:` the title again: the reprint's
    /// original title names which line is the title.
    @Test func theTitleARepostNamesAsOriginal() {
        let title = "城中村改造爛尾8年 居民在工地釣魚"
        let p = page(["search", "尋找貓咪~QQ 地點 桃園市桃園區 Taoyuan , Taoyuan", "", title, "", "原標題:" + title, "",
                      "近日，被擱置8年的桂香村城中村改造項目重新啟動。據了解，項目涉及居民300戶。"])
        #expect(p.articles[0].title == title)
        #expect(p.articles[0].paragraphs.count == 1)
    }

    /// A spam copy's page skeleton: HTML tags with nothing inside, a list number before them.
    @Test func emptyMarkupLinesAreDebris() {
        #expect(DebrisLine.isEmptyMarkup(Array("1. <i id=\"wo86o\"><bdo id=\"wo86o\"></bdo></i>".unicodeScalars)))
        #expect(DebrisLine.isEmptyMarkup(Array("<thead id=\"wo86o\"></thead>".unicodeScalars)))
        #expect(!DebrisLine.isEmptyMarkup(Array("<b>桂香小区</b>".unicodeScalars)))
        #expect(!DebrisLine.isEmptyMarkup(Array("3.5万平方米".unicodeScalars)))
    }

    /// `只要社区`, `缓解小区`: a conjunction or a verb before a compound starts no name.
    @Test func aConjunctionOrVerbBeforeACompoundStartsNoName() {
        let p = page(["只要社区居民同意就能加装电梯，规划停车位可缓解小区停车难，桂香街道已完成改造。"])
        #expect(!p.articles[0].places.contains { $0.hasSuffix("小区") || $0.hasSuffix("社区") })
    }

    /// A post's first line printed again three or more times where its pictures were is its title; twice
    /// is not enough.
    @Test func aPostsFirstLinePrintedForEachPicture() {
        let title = "这条小巷你知道吗?"
        let body = ["在桂香街道", "有这样一条小巷", "背街小巷整治提升让居民出行更方便，老旧小区改造同步推进。"]
        let three = page([title] + body.flatMap { [$0, title] })
        #expect(three.articles[0].title == title)
        #expect(three.articles[0].paragraphs == body)
        let twice = page([title] + body.prefix(2).flatMap { [$0, title] } + [body[2]])
        #expect(twice.articles[0].paragraphs.joined().filter { $0 == "?" }.count == 3)
    }
}
