import Normalize
import ReportModel
import Testing
@testable import Segment

/// Metadata in the shapes real pages gave (issue 12), on invented pages: chrome above the title,
/// a column name, the `<title>` line with the site's name, day-first and Taiwanese dates, a page
/// flattened into one line, author lines, closing and citation credits, verse openings.
@Suite struct RealPageMetaTests {
    static let body = "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了。"

    func page(_ lines: [String]) -> Page {
        Segmenter().segment(NormalizedText(lines: lines))
    }

    @Test func shortChromeAboveTheTitleAndItsPublishLineLeaves() {
        let p = page(["青石档案，记录城市记忆。", "新闻news", "桂香片区更新方案深度解读",
                      "来源: | 作者:编辑部 | 发布时间: 2025-12-22 | 35 次浏览 | 分享到:", Self.body])
        #expect(p.articles[0].title == "桂香片区更新方案深度解读")
        #expect(p.published == "2025-12-22")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// Session 10 (check12): an e-paper page whose headline list, date box, lunar date and edition line
    /// (with its view buttons) stand above the title and a continuation mark below it.
    @Test func anEPaperPageAboveATitleContinuedFromPageOne() {
        let text = ["首页 | 青石网 | 新闻 | 推荐 | 政务 | 视频 | 楼市", "  昨天 明天 上版 下版   版面概览", " A03版:要闻 新闻列表", "~~~——",
                    "~~~——青石镇桂香花园将于下月完工交付", "~~~——", "2023年11 08", "癸卯年九月廿五", "青石日报微博",
                    "  有奖新闻热线: 88886666 星期三", "  A03版 2023年11月08日 要闻 扩展 收缩 默认", "", "走进老街坊 看旧楼新颜",
                    "  》》》上接01版", "", Self.body, "来源:青石日报"].joined(separator: "\n")
        let p = Segmenter().segment(Normalizer().normalize(text))
        #expect(p.articles[0].title == "走进老街坊 看旧楼新颜")
        #expect(p.published == "2023-11-08")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// A news page's date and another story's headline above the title, the reporter's credit under it.
    @Test func theTitleAboveTheReportersCreditUnderOtherHeadlines() {
        let text = [" date 2025-12-31 快訊", "", "廣角鏡／跨年煙火璀璨登場 各地湧入人潮", "", "聽新聞", "0:00 / 0:00", "",
                    "桂香防災都更 首案招商成功", "", "青石報／ 記者林小明／桃園報導", "桂香里防災都更首案招商成功，預計投入58億元興建住宅大樓。"]
        let p = Segmenter().segment(Normalizer().normalize(text.joined(separator: "\n")))
        #expect(p.articles[0].title == "桂香防災都更 首案招商成功")
        #expect(p.articles[0].authors == ["林小明"])
        #expect(p.articles[0].source == "青石報")
        #expect(p.published == "2025-12-31")
    }

    /// The outlet where pages print it without a label: beside the date, after `本文转自`, before a
    /// dispatch's place and date, inside a bracketed dispatch.
    @Test(arguments: [
        (["桂香小区旧貌换新颜", "青石日报 2017-05-24 07:15 大字", Self.body], "青石日报"),
        (["桂香小区旧貌换新颜", "http://www.example.cn  2010年11月10日00:00  青石晚报", Self.body], "青石晚报"),
        (["桂香小区旧貌换新颜", "本文转自:青石日报", Self.body], "青石日报"),
        (["桂香小区旧貌换新颜", "新华社成都8月21日电（记者 张小明）" + Self.body], "新华社"),
        (["桂香里都更首案 今天動工", "（中央社記者劉小明台北29日電）桂香里公辦都更案今天動工。", "居民期待已久。"], "中央社"),
    ])
    func outletsWithoutALabel(lines: [String], outlet: String) {
        #expect(page(lines).articles[0].source == outlet)
    }

    /// A column's name and the site's names above the title and its publish line (the `当前位置:` between
    /// them goes as debris): the title is the line above the publish line.
    @Test func aColumnAndTheSitesNamesAboveTheTitle() {
        let text = ["地方联播政务动态", "青石网_青石客户端", "当前位置:", "每月一题督办 桂香今年177个老旧小区美丽蝶变(2)",
                    "时间:2021-12-27 10:23人气:来源: 青石新闻客户端", Self.body].joined(separator: "\n")
        let p = Segmenter().segment(Normalizer().normalize(text))
        #expect(p.articles[0].title == "每月一题督办 桂香今年177个老旧小区美丽蝶变(2)")
        #expect(p.published == "2021-12-27")
    }

    /// An e-paper page's index fields run together at its end, the date two or three times.
    @Test func anEPapersIndexLineAtTheEndGivesTheDate() {
        let text = ["青石日报 数字报纸", "00022版:今日桂香", "红色服务焕发小区生机", "徐小燕 叶小蕾", Self.body,
                    "青石日报 今日桂香 00022 红色服务焕发小区生机 2021-04-30 青石日报2021-04-3000010 2 2021年04月30日 星期五"]
        let p = Segmenter().segment(Normalizer().normalize(text.joined(separator: "\n")))
        #expect(p.articles[0].title == "红色服务焕发小区生机")
        #expect(p.published == "2021-04-30")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// A staff photographer credited under a picture is an author beside the writer the header names;
    /// a photographer without the reporter's label is not added to them.
    @Test func aStaffPhotographerBesideTheWriter() {
        let p = page(["桂香里新市政大樓採都更合建", "2025/10/12 10:09 記者林小明／青石報導", "桂香里舊修理廠將招商興建新大樓。（記者盧小秀攝）", Self.body])
        #expect(p.articles[0].authors == ["林小明", "盧小秀"])
        let q = page(["桂香里新市政大樓採都更合建", "2025/10/12 10:09 記者林小明／青石報導", "桂香里舊修理廠將招商興建新大樓。（盧小秀攝）", Self.body])
        #expect(q.articles[0].authors == ["林小明"])
    }

    /// A lead that opens with when it happened, wrapped over two short lines, is no title.
    @Test func aWrappedLeadIsNoTitle() {
        let p = page(["近日有居民在区长信箱咨询", "桂香小区加装电梯问题", "区住建局回复：我区按年度分批推进加装电梯工作。"])
        #expect(p.articles[0].title == nil)
    }

    /// `(某某周刊采编 袁小冲 摄影报道)` closing the last paragraph names the reporter.
    @Test func aDesksCreditClosingTheText() {
        let p = page([Self.body, "社区将推出小区开放日，畅通居民诉求渠道。(青石周刊采编 袁小冲 摄影报道)"])
        #expect(p.articles[0].authors == ["袁小冲"])
    }

    @Test func aTitleWithItsSubtitleAboveTheDatelineStays() {
        let p = page(["桂香片区的微更新实践", "——以青石市为例", "2023-05-12 来源：青石网", Self.body])
        #expect(p.articles[0].title == "桂香片区的微更新实践")
    }

    @Test func aColumnNameAboveTheTitleIsNoTitle() {
        let p = page(["焦點政治", "桂香里都更講堂登場 居民踴躍提問交流熱烈", "桂香里都更講堂昨日登場，居民踴躍提問。", "下一場講堂將在月底舉行。"])
        #expect(p.articles[0].title == "桂香里都更講堂登場 居民踴躍提問交流熱烈")
    }

    @Test func theTitleLineWithTheSiteNameGivesWayToTheTitle() {
        let p = page(["桂香小区2024年将改造12栋楼-青石网", "2024 02/07 11:22:34", "来源:青石日报", "桂香小区2024年将改造12栋楼", "字体:", Self.body])
        #expect(p.articles[0].title == "桂香小区2024年将改造12栋楼")
        #expect(p.published == "2024-02-07")
        #expect(p.articles[0].source == "青石日报")
    }

    @Test(arguments: [
        ("文章來源︰青石報   21-8-2009", "2009-08-21"),
        ("04.12.2019  16:44", "2019-12-04"),
        ("發佈日期：民國113年5月1日", "2024-05-01"),
        ("發佈日期：113年3月24日", "2024-03-24"),
    ])
    func dayFirstAndTaiwaneseDates(line: String, iso: String) {
        let p = page(["桂香里都更說明會登場", line, "桂香里都更說明會昨日登場，居民踴躍提問。"])
        #expect(p.published == iso)
    }

    @Test(arguments: [
        ("民國 102 年 05 月 15 日", "2013-05-15"),
        ("民國99年12月25日", "2010-12-25"),
        ("中華民國 99 年 1 月 5 日", "2010-01-05"),
        ("113年3月24日", "2024-03-24"),
        ("21-8-2009", "2009-08-21"),
        ("2024年03 16", "2024-03-16"),
        ("8/21/2009", "2009-08-21"),
    ])
    func dateForms(text: String, iso: String) {
        #expect(DateScanner.dates(in: Array(text.unicodeScalars)).first?.iso == iso)
    }

    @Test(arguments: ["公元500年3月1日", "99年12月25日", "2.2024年项目表", "13-13-2009", "2024 02/07 起实施"])
    func notDates(text: String) {
        #expect(DateScanner.dates(in: Array(text.unicodeScalars)).isEmpty)
    }

    @Test func aPageFlattenedIntoOneLineGetsItsTitleAndDateBack() {
        let line = "观点 | 桂香论坛秋季研讨会发表时间:2023-10-27 09:09 桂香论坛于10月14日召开，来自各地的专家学者围绕老旧小区改造展开讨论，会议以线上线下结合的方式进行。"
        let p = page([line])
        #expect(p.articles[0].title == "观点 | 桂香论坛秋季研讨会")
        #expect(p.published == "2023-10-27")
    }

    @Test func aLineOfNamesIsTheAuthorsNotATitle() {
        let p = page(["韩书瑶 龚文澜 罗晓 吴一鸣", "（1.青石大学建筑学院，青石 100000）", Self.body])
        #expect(p.articles[0].title == nil)
        #expect(p.articles[0].authors == ["韩书瑶", "龚文澜", "罗晓", "吴一鸣"])
    }

    @Test func aNameAloneBeforeTheAbstractIsTheAuthor() {
        let p = page(["龔文瀾", "摘 要：本文以青石市為例，分析黨建引領社區治理的做法。", "關鍵詞：青石市；黨建引領"])
        #expect(p.articles[0].authors == ["龔文瀾"])
    }

    @Test(arguments: [
        ("聯絡電話：04-1234567(記者：韓書瑤/青石報導)", ["韓書瑤"]),
        ("工程预计年底前完工。(记者韩书瑶 青石记者站龚文澜 通讯员罗晓)", ["韩书瑶", "龚文澜"]),
    ])
    func closingCredits(line: String, authors: [String]) {
        let p = page(["桂香片区改造有序推进", Self.body, line, "青石新闻网址：www.example.com"])
        #expect(p.articles[0].authors == authors)
    }

    @Test func aCitationLineNamesTheAuthors() {
        let p = page(["为落实城市体检工作要求，本文构建了城中村专项体检指标体系。",
                      "[引文格式] 韩书瑶,龚文澜.青石市城中村体检指标体系[J].规划研究,2025(6):12-20.", Self.body])
        #expect(p.articles[0].authors == ["韩书瑶", "龚文澜"])
    }

    @Test func authorAccountAndDateUnderARepost() {
        let p = page(["口袋公园——城市里的绿洲", "韩书瑶 青石设计集团 2022-12-08", Self.body])
        #expect(p.articles[0].authors == ["韩书瑶"])
        #expect(p.published == "2022-12-08")
    }

    @Test func namesGluedToTheDateWithALessCommonSurname() {
        let p = page(["桂香小区改造完工", "2022-03-14相晓宁罗晓", Self.body])
        #expect(p.articles[0].authors == ["相晓宁", "罗晓"])
    }

    @Test func aBylineOfThreeReportersOpeningThePage() {
        let p = Segmenter().segment(Normalizer().normalize(["本报记者 韩书瑶 龚文澜 罗晓", Self.body, "居民都说好。"].joined(separator: "\n")))
        #expect(p.articles[0].authors == ["韩书瑶", "龚文澜", "罗晓"])
    }

    @Test func photographersCreditedAtTheEndOfTheCaption() {
        let p = page(["长者食堂敬老助老", "近日，桂香社区的长者食堂内饭菜飘香，老人们正一边用餐一边拉家常。食堂面向全龄居民开放。青石媒体记者 韩书瑶 罗晓 摄"])
        #expect(p.articles[0].authors == ["韩书瑶", "罗晓"])
        #expect(p.articles[0].source == "青石媒体")
    }

    /// Session 8: a photographer's name and 摄 alone on the line under a picture.
    @Test func aPhotographersCreditAloneUnderThePicture() {
        let p = page(["青石社区入选完整社区试点", Self.body, "巴晓宁 摄"])
        #expect(p.articles[0].authors == ["巴晓宁"])
        // Two characters and 摄 with no space make no credit (`航拍摄` is no name).
        #expect(page(["青石社区入选完整社区试点", Self.body, "航拍摄"]).articles[0].authors.isEmpty)
    }

    /// Session 8: an e-paper's headline set in two short lines above its paper-and-date line.
    @Test func aTwoLineHeadlineAboveThePapersDateLine() {
        let p = page(["青石将开展社区", "嵌入式服务设施建设", "青石晚报      2023年11月27日", Self.body])
        #expect(p.articles[0].title == "青石将开展社区嵌入式服务设施建设")
        #expect(p.published == "2023-11-27")
        // Without a metadata line under it, web text keeps one title line.
        #expect(page(["青石将开展社区", "嵌入式服务设施建设", Self.body]).articles[0].title == "青石将开展社区")
    }

    /// Session 8: a reposting site's own lines above the lead, and a reporter glued to a 通讯员.
    @Test func aLeadBelowARepostersLines() {
        let p = page(["我们正处于一个信息大暴发的时代，每天都能产生数以百万计的新闻资讯！", "头条新闻资讯订阅，旨在帮助您收集感兴趣的资讯内容。",
                      "本文转自:青石日报", "本报讯 (全媒体记者韩一通讯员罗晓)“我们这个小区出门就是桂香街，外来车辆多。”居民说。", Self.body])
        #expect(p.articles[0].authors == ["韩一"])
    }

    /// Session 9 (check10): a column name above the page's date line, then the title and a caption.
    @Test func aColumnNameAboveTheDateLine() {
        let p = page(["本地", "2023-05-21 23:14:32", "市建局青石推小區復修 兩月促成三無大廈組法團", "青石大廈",
                      "青石大廈一直沒有成立法團，公共渠管淤塞時只能靠個別業主墊支。"])
        #expect(p.articles[0].title == "市建局青石推小區復修 兩月促成三無大廈組法團")
    }

    /// Session 9 (check10): a site's slogan (two halves of one length) above the title and its publish line.
    @Test func aSloganAboveTheTitle() {
        let p = page(["看家乡事，品故乡情", "居民小区有了“红色物业”", "青石日报 2017-05-24 07:15", Self.body])
        #expect(p.articles[0].title == "居民小区有了“红色物业”")
    }

    /// Session 9 (check10): `文 / 名(职务)`, spaces around the slash and the writer's post after the name.
    @Test func aBylineWithASpacedSlashAndAPost() {
        let p = page(["文 / 刘昌明(青石物业服务有限公司党支部书记)", "在城市发展进程中，老旧小区往往面临诸多治理难题。", Self.body])
        #expect(p.articles[0].authors == ["刘昌明"])
        #expect(p.articles[0].title == nil)
        // A caption under a byline's mark is no byline: no names come from it.
        #expect(page(["桂香小区旧貌换新颜", "△焕然一新的桂香小区代表展示改造前后照片", Self.body]).articles[0].authors.isEmpty)
        #expect(page(["桂香小区旧貌换新颜", Self.body, "△焕然一新的桂香巷(受访者供图)", Self.body]).articles[0].authors.isEmpty)
    }

    /// Session 9 (check10): a portal's line with its address, the date and clock time glued to the paper's
    /// name; a byline with another field's empty label after the names.
    @Test func aPortalsDateLineAndAnEmptyFieldAfterTheByline() {
        let p = page(["千余户居民迁新居", "http://www.example.com  2010年11月10日00:00兰州晚报", "记者 王万盈  稿件来源:", Self.body])
        #expect(p.published == "2010-11-10")
        #expect(p.articles[0].authors == ["王万盈"])
    }

    /// Session 9 (check11): a prompt in English above a Taiwanese page, a dateline with the dispatch's
    /// place and date after the reporter's name.
    @Test func anEnglishPromptAboveATaiwaneseDispatch() {
        let p = page(["Your browser does not appear to support Traditional Chinese. Would you like to go to our English website?",
                      "老宅延壽5月開放申請 預計補助3000棟以上建物", "2026/2/5 19:16(2/5 21:01 更新)",
                      "(青石社記者林志明台北5日電)內政部今天說，政院預計下週核定老宅延壽計畫。"])
        #expect(p.articles[0].title == "老宅延壽5月開放申請 預計補助3000棟以上建物")
        #expect(p.published == "2026-02-05")
        #expect(p.articles[0].authors == ["林志明"])
    }

    /// Session 9 (check11): a reporter's name in brackets closing the text above empty editor fields and
    /// a copyright notice; a byline under its mark glued after the last sentence.
    @Test func closingCreditsAboveFurnitureOrGluedToTheText() {
        let closing = page(["桂香社区网格化治理见成效", Self.body, "形成了社区统筹、网格员具体抓的治理格局。(林晓峰)", "编辑: 审编:王芳",
                            "青石公益新闻网版权及免责声明:"])
        #expect(closing.articles[0].authors == ["林晓峰"])
        let glued = page(["桂香小区改造惠及居民", Self.body, "改造工程將使7.76萬人受益。□楊明/本報記者/張輝"])
        #expect(glued.articles[0].authors == ["楊明", "張輝"])
    }

    /// Session 9 (check10): an e-paper's turner line carries the issue date and is no title.
    @Test func anEPapersTurnerLineWithTheDate() {
        let p = page(["3上一篇  下一篇4 2020年9月21日 放大 缩小 默认", "青石海绵城市建设走访见闻", Self.body])
        #expect(p.published == "2020-09-21")
        #expect(p.articles[0].title == "青石海绵城市建设走访见闻")
    }

    /// Session 9 (check9): a news site's `正在阅读:` line names the title printed again below it.
    @Test func aNowReadingLineAboveTheTitle() {
        let p = page(["正在阅读:桂香小区改造工程综述", "桂香小区改造工程综述", "来源:青石日报2022-05-18 13:21", Self.body])
        #expect(p.articles[0].title == "桂香小区改造工程综述")
        #expect(p.published == "2022-05-18")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// Session 9 (check9): a TV station's reporters, and its reviewers' credit lines.
    @Test func aStationsReportersAboveItsReviewers() {
        let p = page([Self.body, "本台记者:张晓红 李建国", "【青石电视】一审:王芳", "【青石电视】二审:赵刚"])
        #expect(p.articles[0].authors == ["张晓红", "李建国"])
    }

    /// Session 9 (check8): an e-paper's date box writes the year apart from month and day.
    @Test func anEPapersDateBoxWithTheYearApart() {
        let p = page(["當前報紙日期 2024 9月8日 星期", "桂香邨重建待申規劃圖", "桂香邨七棟舊樓將改建為高層樓宇，居民期待已久。"])
        #expect(p.published == "2024-09-08")
    }

    /// Session 9: metadata labels each on a line of their own, the value on the next.
    @Test func labelsAndValuesOnLinesOfTheirOwn() {
        let p = page(["桂香小区改造启动", "来源:", "青石日报", "2024-01-09 12:45:41", "责编:", "王晓霞", Self.body])
        #expect(p.articles[0].title == "桂香小区改造启动")
        #expect(p.articles[0].source == "青石日报")
        #expect(p.articles[0].editors == ["王晓霞"])
        #expect(p.published == "2024-01-09")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// Session 9: a headline may exclaim right above its publish line.
    @Test func anExclaimedHeadlineAboveItsPublishLine() {
        let p = page(["桂香小区改造惠及三千户人家!", "2021年08月23日 15:26:37 来源:青石日报", Self.body])
        #expect(p.articles[0].title == "桂香小区改造惠及三千户人家!")
        #expect(p.articles[0].paragraphs == [Self.body])
        // Without the publish line under it, an exclamation opening the text is its first sentence.
        #expect(page(["桂香小区改造惠及三千户人家!", Self.body]).articles[0].title == nil)
    }

    /// Session 9: `□文/摄 …全媒体记者 A B` below the photo captions between the title and the text.
    @Test func aBylineBelowThePhotoCaptions() {
        let p = page(["桂香小区旧貌换新颜", "改造后的桂香小区。", "新建的口袋公园。", "□文/摄 青石日报全媒体记者 张晓红 李建国",
                      Self.body, "下一步将继续推进。"])
        #expect(p.articles[0].authors == ["张晓红", "李建国"])
        #expect(p.articles[0].paragraphs == ["改造后的桂香小区。", "新建的口袋公园。", Self.body, "下一步将继续推进。"])
    }

    /// Session 9: an e-paper's property comment, its markup stripped, gives the date and leaves the text.
    @Test func anEPapersPropertyCommentGivesTheDate() {
        let p = page(["桂香小区焕新貌", Self.body, "--> 2023-08-12 1 1 青石日报 content_1011.html 1 桂香小区焕新貌 /enpproperty-->"])
        #expect(p.published == "2023-08-12")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// Session 9: a forum's print view labels its title and puts a print button after it.
    @Test func aLabelledTitleWithAPrintButton() {
        let p = page(["標題: 市建局宣布青石重建項目 [打印本頁]", "作者: user01    時間: 2013-3-9 04:30 AM", "青石街的舊樓將重建，涉及十三個街號。"])
        #expect(p.articles[0].title == "市建局宣布青石重建項目")
    }

    /// Session 9: `【記者X/Y報導】` opening the story below a page's tag lines.
    @Test func aTaiwaneseLeadBelowTagLines() {
        let tags = ["青石燈會", "國慶焰火", "青石嚴選米", "藝術宅急便"]
        let p = page(tags + ["【記者林志明/青石報導】青石市都發局盤點全市老舊社區，提出十處重建需求。", "市府將加碼補助。"])
        #expect(p.articles[0].authors == ["林志明"])
    }

    @Test func aDateStampedBeforeATaiwaneseDateline() {
        let p = page([" date 2026-01-04 〔記者賴書瑤／青石報導〕青石市推動危險建築物專案計畫，首件公辦都市更新案已完成簽約。", "另有兩處社區都更案近日公告招商。"])
        #expect(p.published == "2026-01-04")
        #expect(p.articles[0].authors == ["賴書瑤"])
        #expect(p.articles[0].source == nil)
        #expect(p.articles[0].paragraphs.first?.hasPrefix("〔記者賴書瑤") == true)
    }

    @Test(arguments: ["2026-01-04", "2026/01/04 10:20", "2026-01-04 10:20:05"])
    func aDateAloneAboveTheStoryIsThePages(line: String) {
        let p = page([line, "桂香社区推动危险建筑物专案计划，首件公办都市更新案已完成签约。", "居民都说好。"])
        #expect(p.published == "2026-01-04")
    }

    @Test func aDateWithSiteChromeAboveTheStoryIsNot() {
        let p = page(["30.01.2014 Views", "桂香社区推动危险建筑物专案计划，首件公办都市更新案已完成签约。", "居民都说好。"])
        #expect(p.published == nil)
    }

    @Test(arguments: ["2023年5月12日，桂香社区召开居民议事会，讨论加装电梯的方案和费用分摊办法。",
                      "2023-05-12，桂香社区召开居民议事会，讨论加装电梯的方案和费用分摊办法。"])
    func aDateOpeningTheFirstSentenceIsTheStorys(line: String) {
        let p = page(["桂香社区议事会", line, "居民都说好。"])
        #expect(p.published == nil)
    }

    @Test func traditionalSurnamesSplitRunTogetherNames() {
        for surname in "陳張劉黃趙吳楊鄭謝馮鄧蕭葉蘇盧蔣許韓錢孫馬羅陸魏賈湯莊鍾譚龔賴顏歐藍鄒閆".unicodeScalars {
            #expect(Bylines.isSurname(surname), "\(surname)")
        }
        #expect(Bylines.splitRun(Array("蕭書瑤賴曉寧".unicodeScalars)) == ["蕭書瑤", "賴曉寧"])
    }

    @Test func aSimplifiedTaiwaneseLeadStillNamesTheReporter() {
        let p = page(["桂香小区改造完工", "【青石新闻韩书瑶/综合报导】桂香小区近日完工。", "居民都说好。"])
        #expect(p.articles[0].authors == ["韩书瑶"])
    }

    @Test(arguments: ["《青石通讯社26日专讯》住建部网站公布，根据各地统计上报数据，", "中国青石网讯 青石新南站开通在即", "新华社青石8月21日电 (记者韩书瑶)"])
    func aDispatchOpeningIsNoTitle(line: String) {
        #expect(!Line(line).isTitleCandidate)
    }

    @Test func aPostOpeningInVerseHasNoTitle() {
        let p = page(["城镇老旧小区改造", "既是城市更新的重要内容", "更承载着美好生活的向往", "2025年", "青石计划新开工改造",
                      "走进桂香片区改造项目现场，施工人员正在紧锣密鼓地施工。"])
        #expect(p.articles[0].title == nil)
    }
}
