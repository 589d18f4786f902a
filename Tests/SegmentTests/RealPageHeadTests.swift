import Normalize
import ReportModel
import Testing
@testable import Segment

/// Session 11 (check14): heads and credits in the shapes unseen pages gave, on invented pages.
@Suite struct RealPageHeadTests {
    static let body = "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了，停车位也比以前多了不少。"

    func page(_ text: [String]) -> Page {
        Segmenter().segment(Normalizer().normalize(text.joined(separator: "\n")))
    }

    /// An e-paper's paper, page code, column and date box above the title; a category word before the
    /// publish line's fields.
    @Test func theTitleUnderAnEPapersDateBoxAndAbovePublishFields() {
        let p = page(["青石都市报 -ZE03-桂香新声", "", "青石都市报", "", "桂香新声", "2023年09月08日", "", "焕新改造，旧楼幸福升温", "",
                      "新闻    时间:2023年09月08日    来源:青石都市报", "", "  青石全媒体记者 韩书瑶", " 通讯员 林小明", Self.body])
        #expect(p.articles[0].title == "焕新改造，旧楼幸福升温")
        #expect(p.articles[0].authors == ["韩书瑶"])
        #expect(p.published == "2023-09-08")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// An app's banner with its steps bulleted above the title, the date, clock and outlet under it.
    @Test func theTitleUnderAnAppBannersBulletedSteps() {
        let p = page(["打开APP", "小贴士", "2步打开 青石云APP", "  • 点击右上角“…” 按钮", "  • 使用浏览器/Safari打开", "",
                      "新开工88个 惠及居民3万户 青石提前完成改造任务", "", "2022-11-23 17:12 青石广电·融媒体新闻中心  ", "", Self.body])
        #expect(p.articles[0].title == "新开工88个 惠及居民3万户 青石提前完成改造任务")
        #expect(p.published == "2022-11-23")
    }

    /// The title printed twice, a deck line between the copies, a `●` byline under a picture's caption
    /// naming a writer, then an outlet's reporter: the title is one line, both are authors.
    @Test func aTitlePrintedTwiceAndABulletBylineUnderACaption() {
        let p = page(["搜索", "首页 > 时政 > 正文", "桂香“点单式改造”让旧小区换新颜", "", "来源:    综合作者:     2025-05-16 09:27:41    浏览量:", "",
                      "改造方案由居民自主选定，参与率均达100%", "", "桂香“点单式改造”让旧小区换新颜", "", "今年该区预计改造老旧小区93个",
                      "", "2025-05-16 09:15  来源:青石新闻网", "", "桂香巷16号院通过改造，解决了楼顶漏雨问题。", "",
                      "●何书瑶 青石市融媒体中心记者 林小明 文/图", "", Self.body])
        #expect(p.articles[0].title == "桂香“点单式改造”让旧小区换新颜")
        #expect(p.articles[0].authors == ["何书瑶", "林小明"])
    }

    /// An e-paper's page tools above the title, a `——` deck, a caption, then the writer's name alone.
    @Test func aWriterNamedAloneUnderTheCaption() {
        let p = page(["通版阅读请点击:", "展开通版", "收缩通版", "当前版:01版", "本期发布:", "构筑宜居幸福城", "——我市城市更新工作综述",
                      "    2023年9月，桂香生态停车场竣工。(资料图)", "", "  董书瑶", Self.body])
        #expect(p.articles[0].title == "构筑宜居幸福城")
        #expect(p.articles[0].authors == ["董书瑶"])
        #expect(p.articles[0].paragraphs == ["2023年9月，桂香生态停车场竣工。(资料图)", Self.body])
    }

    /// A word alone right under a title is its column, not its writer.
    @Test func aColumnWordUnderTheTitleIsNoWriter() {
        let p = page(["桂香片区活化更新", "", "商業", "", Self.body])
        #expect(p.articles[0].title == "桂香片区活化更新")
        #expect(p.articles[0].authors.isEmpty)
    }

    /// A wire's reporters in brackets after 电 without the 记者 label.
    @Test func aWiresReportersWithoutTheirLabel() {
        let p = page(["好城不怕巷子深 青石老街巷改造", "  新华网南京9月24日电(韩书瑶 林小明)" + Self.body])
        #expect(p.articles[0].authors == ["韩书瑶", "林小明"])
    }

    /// The lead's reporter, and a staff photographer credited `记者某某/摄` under a picture beside them.
    @Test func aStaffPhotographerBesideTheLeadsReporter() {
        let p = page(["“稳稳的幸福”!桂香首批小区旧梯换新", "", "青石新闻网2月2日讯(记者韩书瑶)" + Self.body, "", "桂香小区的新电梯。记者林小明/摄", "",
                      "旧梯换新，居民享受“稳稳的幸福”", Self.body])
        #expect(p.articles[0].authors == ["韩书瑶", "林小明"])
    }

    /// A Taiwanese wire's editor and its Republic-of-China stamp close the story, above further reading.
    @Test func aWiresEditorStampDatesTheStory() {
        let p = page(["桂香首件公辦都更 重建動工", "桂香里災後重建首案動工，預計興建一棟五層住宅。",
                      "此案為災後重建首案，也是首件公辦都更。(編輯:郭書瑤)1140401", "延伸閱讀", "- 青石港迎媽祖駐駕2025/04/11", "- 青石長者照護參訪2025/04/11"])
        #expect(p.published == "2025-04-01")
        #expect(PageMetaReader.editorStamp(Array("完工。(記者:郭書瑤)1140401".unicodeScalars)) == nil)
        #expect(PageMetaReader.editorStamp(Array("完工。(編輯:郭書瑤)1141301".unicodeScalars)) == nil)
    }

    /// `某某在線河北消息(名)`: a channel's dispatch names its reporter in brackets; a caption's `攝影 名`
    /// credits the photographer beside them.
    @Test func aChannelsDispatchAndALabelledPhotographer() {
        let p = page(["桂香區:讓老人們享受幸福晚年", "2023-05-06 16:38:07來源: 青石國際在線", "",
                      "  青石在線河北消息(張書瑤):近年來，桂香區探索形成了養老服務模式，社區食堂覆蓋全區。", "",
                      "老人們在桂香養老服務中心社區大食堂選購餐食 攝影 馬小明", "", Self.body])
        #expect(p.articles[0].authors == ["張書瑤", "馬小明"])
        #expect(Bylines.labelledPhotographer(Line("摄影师正在拍摄社区食堂")) == nil)
        #expect(Bylines.labelledPhotographer(Line("居民学习摄影 王老师")) == nil)
    }

    /// `某某新闻网讯 名 名 记者名报道:`: correspondents named before the reporter.
    @Test func correspondentsNamedBeforeTheReporter() {
        let p = page(["青石市6个老旧小区改造项目获得补助", "发布时间:2019-12-11 作者:", "",
                      "青石新闻网讯 陈书瑶 郑小明 记者何亮报道:近日，记者从有关部门获悉，青石市获得补助资金。"])
        #expect(p.articles[0].authors == ["陈书瑶", "郑小明", "何亮"])
    }

    /// A repost written one phrase a line: the line its publish line follows is still its title.
    @Test func theTitleAboveThePublishLineOfAPageInShortPhrases() {
        let p = page(["官方发布!青石214个老旧小区将改造", "", "更新时间:2023-10-24 21:03:28作者:青石百科", "", "10月19日", "",
                      "青石省住房和城乡建设厅网站", "", "公布2024年城镇老旧小区改造计划", "", "其中青石市共计划改造", "", "老旧小区214个", "", Self.body])
        #expect(p.articles[0].title == "官方发布!青石214个老旧小区将改造")
    }

    /// A portal's name, its quick links and three column names above the title and its publish line.
    @Test func theTitleUnderAPortalsColumnNames() {
        let p = page(["青石新媒体", "快捷导航 青石新媒体", "", "经济", "", "热点追踪", "", "自媒体", "", "主页 > 热点 >", "",
                      "有“面子”更有“里子” 青石老旧小区改造惠及3244户居民", "", "时间:2020-10-01 03:11:25来源:青石网", "", Self.body])
        #expect(p.articles[0].title == "有“面子”更有“里子”青石老旧小区改造惠及3244户居民")
        #expect(p.published == "2020-10-01")
    }

    /// An e-paper reader's own name and today's date above the paper's name, the title, and the story's
    /// date without its year: the title is the story's, and no date is the story's.
    @Test func anEPaperReadersChromeAndADateWithoutItsYear() {
        let p = page(["电子报阅读机", "2025-12-11", "星期四", "当前报纸名称:青石日报", "", "256个老旧小区完成微改造", "", "日期:01-16",
                      "字号:", "版面:桂香视窗·综合       上一篇    下一篇", "", "    " + Self.body])
        #expect(p.articles[0].title == "256个老旧小区完成微改造")
        #expect(p.published == nil)
    }

    /// A title with a comma is whole: the account's name under it is no second half.
    @Test func aTitleWithACommaTakesNoSecondLine() {
        let p = page(["“面子”新了,“里子”实了", "创始人", "2025-11-25 17:21:19", "0", "", "转自:青石发布", "", Self.body])
        #expect(p.articles[0].title == "“面子”新了,“里子”实了")
    }

    /// Session 11 (check16): a breadcrumb of slashes ending at `正文` above the title.
    @Test func aSlashedBreadcrumbIsNoTitle() {
        let p = page(["简繁互换", "设为首页", "青石网 / 新闻频道 / 天下 / 社会(即时新闻) / 正文", "高原小城青石:老旧小区更新与传统村落保护",
                      "2021-12-14 作者:张书瑶 青石新闻网 责任编辑:吴小明", "", Self.body])
        #expect(p.articles[0].title == "高原小城青石:老旧小区更新与传统村落保护")
    }

    /// An e-paper's byline with its correspondent after the reporter.
    @Test func aBylineWithItsCorrespondent() {
        let p = page(["老巷子成为“打卡点”", "", "  □记者欧书瑶 通讯员陈小明", "", "  " + Self.body])
        #expect(p.articles[0].authors == ["欧书瑶"])
    }

    /// `(某某時報/名報導)` opening the first paragraph: the outlet before the slash, the reporter after it.
    @Test func anOutletThenItsReporterInBrackets() {
        let p = page(["桂香都更危老展新局 好宅獲肯定", "(焦點時報/鄒書瑤報導) 為落實宜居城市的願景，市府推動都市再生與社會住宅。"])
        #expect(p.articles[0].authors == ["鄒書瑤"])
        #expect(p.articles[0].source == "焦點時報")
    }

    /// A news site's browser advice, its name, an age gate, then the title, two captions and the date line.
    @Test func aNewsPageUnderItsBrowserAdviceAndAgeGate() {
        let p = page(["為達最佳瀏覽效果，建議使用 Chrome、Firefox 或 Microsoft Edge 的瀏覽器。", "", "關閉此視窗 請至Edge官網下載 請至FireFox官網下載",
                      "青石電子報", "    限制級", "    您即將進入之新聞內容 需滿18歲 方可瀏覽。", "    未滿18歲", "    或不同意本條款離開離開",
                      "    我已年滿18歲進入進入", "    首頁 > 生活", "", "    桂香二村市地重劃完工 居民：這是塊寶地", "",
                      "    桂香二村市地重劃工程完工。（記者王書瑤攝）", "", "    2025/08/29 14:18", "",
                      "    〔記者王書瑤／青石報導〕桂香市政府辦理市地重劃工程，歷時2年完成道路與排水工程。"])
        #expect(p.articles[0].title == "桂香二村市地重劃完工 居民：這是塊寶地")
        #expect(p.published == "2025-08-29")
        #expect(p.articles[0].authors == ["王書瑤"])
    }

    /// Session 11 (check17): a two-character name set out to three with a space in a closing credit.
    @Test func aSpacedTwoCharacterNameInAClosingCredit() {
        let p = page(["青石：口袋公园添绿意", Self.body, "居民在公园里散步休闲。(本报记者 胡书瑶 王 洋)"])
        #expect(p.articles[0].authors == ["胡书瑶", "王洋"])
        #expect(MetaLine.personNames(in: Array("李 四、王小明".unicodeScalars)) == ["李四", "王小明"])
    }

    /// Bulleted debris and a kicker above the title, the writer's name alone between the title and the
    /// publish line.
    @Test func theWriterAloneBetweenTheTitleAndItsPublishLine() {
        let p = page(["  • 114個小區將變樣", "", "    桂香區2021年老舊小區改造啟動 ", "", "    胡書瑤", "",
                      "    2021年05月12日14:11  來源:青石日報", "     ", "    原標題:114個小區將變樣", "", "      " + Self.body])
        #expect(p.articles[0].title == "桂香區2021年老舊小區改造啟動")
        #expect(p.articles[0].authors == ["胡書瑤"])
        #expect(p.published == "2021-05-12")
    }

    /// `某某日报 · 名 | 日期`: the outlet, then its writer, on the publish line (a place there is no writer).
    @Test func theOutletThenItsWriterOnThePublishLine() {
        let p = page(["青石博山区:城市向新 幸福升级", "青石日报 · 董书瑶 | 2024-06-19 15:17:08", "", "  " + Self.body])
        #expect(p.articles[0].authors == ["董书瑶"])
        #expect(p.articles[0].source == "青石日报")
        #expect(MetaLine.parse(Array("青石日报 · 南宁 | 2024-06-19".unicodeScalars))?.authors == [])
    }
}
