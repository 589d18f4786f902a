import Normalize
import ReportModel
import Testing
@testable import Segment

/// Session 12 (check19): a forum post's page, an e-paper reader's pop-ups, a breadcrumb's last crumb and
/// a wire's bracketed reporters, in the shapes unseen pages gave, on invented pages.
@Suite struct ForumAndEPaperHeadTests {
    static let body = "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了，停车位也比以前多了不少。"
    /// Enough paragraphs that the page's last lines are far from its head.
    static let bodies = (1...30).map { "第\($0)段，桂香小区的改造还在继续，居民们说楼道亮了，路也平了。" }

    func page(_ text: [String]) -> Page {
        Segmenter().segment(Normalizer().normalize(text.joined(separator: "\n")))
    }

    /// A forum post: its menu words run together, login links, counters, the post's controls and a
    /// login wall around a long exclaimed headline, the date after `发表于`.
    @Test func aForumPostsHeadlineAndDateAmongItsControls() {
        let title = "[青石说] 旧楼换新颜!桂香区32个老旧小区改造进行中，涉及居民6000户，计划投资约5.1亿元!"
        let p = page(["设为首页收藏本站", "", "青石网青石论坛", "", " 找回密码", " 马上注册", "", "QQ登录", "", "查看: 3120|回复: 16",
                      "打印 上一主题 下一主题", "", title, "", "  [复制链接]", "跳转到指定楼层", "#",
                      "发表于 2023-6-1 09:05:33 | 只看该作者 回帖奖励 |正序浏览 |阅读模式", "",
                      "亲,你还没有登录哦!如果还没有注册,那就更要快快行动", "", "您需要 登录 才可以下载或查看,没有帐号?马上注册", "", "x", "", Self.body]
                     + Self.bodies)
        #expect(p.articles[0].title == title)
        #expect(p.published == "2023-06-01")
        #expect(p.articles[0].paragraphs.first == Self.body)
        #expect(p.articles[0].paragraphs.count == 1 + Self.bodies.count)
    }

    /// An e-paper reader: its pop-up at the last issue and its button, the issue turner, the page's
    /// name with its number in Chinese numerals, the issue's date above the title.
    @Test func anEPaperReadersPopUpsAndNamedPageAboveTheTitle() {
        let p = page(["这已经是最后一期了哦!", "", "我知道了", "", "2025年10月10日", "", "上一期 下一期", "桂香月刊一版:要闻", "2025年10月10日", "",
                      "签约率过半!桂香村改造加速推进中", "", Self.body])
        #expect(p.articles[0].title == "签约率过半!桂香村改造加速推进中")
        #expect(p.published == "2025-10-10")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// `某某社某某分社正文`: a breadcrumb's last crumb glued to the site's name, above the title and its
    /// publish line; the wire's reporters in brackets after a space; a reporter whose name ends in 江
    /// is no place.
    @Test func aBreadcrumbsLastCrumbAndAWiresBracketedReporters() {
        let p = page(["青石社桂香分社正文", "", "首頁 > bwbd > 青石網桂香", "", "桂香老舊小區“煥”新顏 群眾生活再“升級”",
                      "2024年11月27日 13:07 來源:青石網桂香 編輯:曹某某", "",
                      "  青石網桂香新聞11月27日電 (吳平華 曾學江 劉昌盛)近日，在宜賓南溪區鳳翔街口袋公園看到，工人們正在種植綠植。"])
        #expect(p.articles[0].title == "桂香老舊小區“煥”新顏 群眾生活再“升級”")
        #expect(p.articles[0].authors == ["吳平華", "曾學江", "劉昌盛"])
        #expect(!p.articles[0].places.contains("曾學江"))
        #expect(p.articles[0].places.contains("南溪區"))
    }

    /// A notice forwarding a plan, printed without its own title: the plan's title under the sign-off.
    @Test func aForwardedPlansTitleUnderTheNoticesSignOff() {
        let p = page(["来源:规自局发布日期:2021-12-03", "各镇(街),区各部门:",
                      "《桂香区老旧小区住宅加装电梯工作方案》已经区政府同意,现印发给你们,请认真组织实施。", "桂香区住房和城乡建设局", "2021年12月3日",
                      "桂香区老旧小区住宅加装电梯工作方案", Self.body])
        #expect(p.articles[0].title == "桂香区老旧小区住宅加装电梯工作方案")
        #expect(p.articles[0].paragraphs.last == Self.body)
        #expect(!p.articles[0].paragraphs.contains("桂香区老旧小区住宅加装电梯工作方案"))
        // (A letter that only opens with its addressees keeps no title.)
        let letter = page(["各位居民：", "桂香小区加装电梯工程下周开工，请大家相互告知。", "桂香社区居委会", "2021年12月3日", Self.body])
        #expect(letter.articles[0].title == nil)
    }

    /// Session 12 (check20, check21): an e-paper's turner beside the issue's date; a standfirst between
    /// the title and a line of labelled fields; a spam copy's token, reading time, location and hotline
    /// above a wire lead filed from a province and a city.
    @Test func aTurnersDateAStandfirstsFieldsAndASpamCopysChrome() {
        let epaper = page(["第07版:地区新闻 上一版3  4下一版", "上一版3  4下一版 2011年1月10日 星期 放大 缩小 默认", "桂香棚户区改造见成效", "",
                           "本报讯 记者张某某报道:当寒流袭来的时候，桂香曾经的棚户区居民已经不必再受冻。"])
        #expect(epaper.published == "2011-01-10")
        #expect(epaper.articles[0].title == "桂香棚户区改造见成效")
        let magazine = page(["桂香破局:一场跨越15年的归家之旅", "", "15年，属于桂香的里程碑时刻终于来临。", "",
                             "作者:林小明 发自桂香 来源:青石窗 日期:2025-08-27", "", Self.body])
        #expect(magazine.published == "2025-08-27")
        #expect(magazine.articles[0].authors == ["林小明"])
        #expect(magazine.articles[0].source == "青石窗")
        let spam = page(["新疆吐鲁番:老旧小区改造换新颜", "", "3o4wb82w4ypc", "预计阅读时长 4 分钟", "位置: 首页 实时消息 正文", "",
                         "本站人工客服维修热线电话:", "400--117--9882(温馨提示:点击屏幕下方可直接拨打)", "",
                         "中新网新疆吐鲁番 11 月 1 日电 ( 苟某某 ) 白墙墨瓦，树木成荫，新铺的水泥路面平整宽阔。", "", "2024-01-09 12:45:41", Self.body])
        #expect(spam.articles[0].authors == ["苟某某"])
        #expect(spam.articles[0].source == "中新网")
        #expect(spam.articles[0].paragraphs.first?.hasPrefix("中新网新疆吐鲁番") == true)
    }

    /// ` date 2026-01-19 ` before a caption: a template's field, the page's date where it prints no other;
    /// where it does, that one.
    @Test func aTemplatesLeakedDateField() {
        let alone = page([" date 2026-01-19 桂香區的社宅今天動土。（記者吳某某攝）", "", Self.body])
        #expect(alone.published == "2026-01-19")
        #expect(alone.articles[0].paragraphs.first == "桂香區的社宅今天動土。（記者吳某某攝）")
        let other = page([" date 2024-12-07 青石网首页 新闻 县区 百姓呼声 电子报", "功能“颜值”双提升！青石着力建设完整社区", "来源: 青石网 2025.09.15 19:03",
                          Self.body])
        #expect(other.published == "2025-09-15")
        #expect(other.articles[0].title == "功能“颜值”双提升！青石着力建设完整社区")
    }

    /// A weather box above the title, font-size choices, a rail of video clips under the text.
    @Test func aWeatherBoxFontSizesAndAVideoRail() {
        let p = page(["03/12 週四 桂香縣|18°C - 22°C天氣圖標", "", "桂香212棟海砂屋 今拆除", "", "2020-01-16 13:07:00 / 綜合報導 /", "字級:", "  • 大字",
                      "  • 中字", "  • 小字", Self.body, "貨車車門未關妥就上路 途中撞斷燈桿!|👉小編推新聞 20260312#shorts", "青石新聞雜誌",
                      "⏰播出時間:CH52 青石新聞台 週六晚間8點。"])
        #expect(p.articles[0].title == "桂香212棟海砂屋 今拆除")
        #expect(p.published == "2020-01-16")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// `本报讯 记者张某某 苏某某报道:`: two reporters, the second glued to the credit's verb.
    @Test func twoReportersTheSecondGluedToTheVerb() {
        let p = page(["桂香棚户区改造见成效", "", "本报讯 记者张允强 苏大鹏报道:当寒流袭来的时候，桂香的居民已经不必再受冻。"])
        #expect(p.articles[0].authors == ["张允强", "苏大鹏"])
        let one = page(["桂香棚户区改造见成效", "", "本报北京1月28日电 记者邱玥 近日从有关部门获悉，桂香老旧小区改造。"])
        #expect(one.articles[0].authors == ["邱玥"])
    }

    /// A post's mirror with no title: its text, two related posts' titles, then its credits one a line.
    /// The text is never taken for a header above the last related title.
    @Test func aMirroredPostsTextAboveRelatedTitlesAndCredits() {
        let second = "在改造工程启动之初，桂香区住建局联合街道办事处、社区和施工单位召开了多次协调会议。"
        let p = page([Self.body, second, "焕新!桂香这个社区正在大改造", "桂香最新人事任免", "记者:周某某", "编辑:马 茜", "监制:王 蒙",
                      "出品:桂香区融媒体中心", "新闻线索报送邮箱:tips@example.com"])
        #expect(p.articles[0].title == nil)
        #expect(p.articles[0].authors == ["周某某"])
        #expect(Array(p.articles[0].paragraphs.prefix(2)) == [Self.body, second])
        #expect(!p.articles[0].paragraphs.contains { $0.hasPrefix("出品") || $0.hasPrefix("新闻线索") })
    }

    /// A hijacked mirror: a line of spam keywords first, the title twice, the editor's credit with the
    /// date; at the end the editor again followed by the title, whose words are no editors.
    @Test func aHijackedMirrorsSpamLineAndTheEditorBeforeTheTitleAgain() {
        let title = "市建局預防性維修資助計劃接8宗申請 涉及逾6000伙"
        let p = page(["亚洲精品无码中文字幕,欧美日韩一区二区精品视频在线观看,国产精品日韩欧美", "", title, "", title, "",
                      "責任編輯:鄭某某 2025-02-09 10:47:13 來源:青石商報網", "",
                      "局方至今接獲8宗申請，涵蓋單幢樓和大型屋苑，其中包括屯門兩個私人屋苑。", "", "責任編輯:鄭某某 " + title])
        #expect(p.articles[0].title == title)
        #expect(p.articles[0].editors == ["鄭某某"])
        #expect(p.published == "2025-02-09")
        #expect(p.articles[0].places == ["屯門"])
    }

    /// A paper's abstract mirrored without its labels: the author alone above the title and again under
    /// its `——以某市为例` subtitle.
    @Test func anAbstractsAuthorAboveAndUnderItsTitle() {
        let p = page(["于某某", "文化傳承導向下載體缺失型歷史街區規劃探討", "——以桂香市為例", "于某某",
                      "城市發展過程中，越來越多的歷史街區面臨載體破壞、歷史氛圍缺失的問題。"])
        #expect(p.articles[0].title == "文化傳承導向下載體缺失型歷史街區規劃探討")
        #expect(p.articles[0].authors == ["于某某"])
        #expect(p.articles[0].paragraphs == ["城市發展過程中，越來越多的歷史街區面臨載體破壞、歷史氛圍缺失的問題。"])
    }

    /// Session 12 (check22): an e-paper's list of the page's headlines above the story, whose headline
    /// is printed again above its text; the desk before the reporter in the opening's brackets.
    @Test func anEPapersHeadlineListAndTheStorysHeadlineAgain() {
        let title = "桂香区设助餐示范点 解决老人在家养老吃饭难题"
        let p = page(["第AA06版:县区 上一版3  4下一版", "AA06", "桂香班列开行量突破2000列", title, "青石区一幼到桂香开展帮扶活动", "广告",
                      "返回主页 | 青石晚报 | 标题导航 | 青石日报", "上一期  下一期", title, "",
                      "本报讯(青报融媒 谢某某 通讯员 刘某某)4月2日中午，桂香区中心路街道助餐示范点正式营业。"])
        #expect(p.articles[0].title == title)
        #expect(p.articles[0].authors == ["谢某某"])
    }

    /// A disclosure table's name field above the title; a site calling itself official; an empty
    /// author's label above the date; a headline cut short with `…`; a picture's note in traditional.
    @Test func aDisclosureNameFieldAnOfficialSiteAnEmptyLabelAndACutHeadline() {
        let reply = "对市人大会议第A20250015号建议《关于改善老旧小区停车难的提案》的答复"
        let p = page(["无障碍浏览", " 索 引 号  1438332361/zfw/2025-0000320  发布机构  桂香市住房和城乡建设局", " 公开日期  2025-09-15",
                      " 信息名称  " + reply, "", reply, "", "2025-09-15   作者: 点击数:  ", "", Self.body])
        #expect(p.articles[0].title == reply)
        let q = page(["中国某某规划学会官方网站", "", "可持续城市更新视角下我国城市类型划分与空间分异研究", "", "2024-08-09 09:34 来源:中国某某规划网", "", Self.body])
        #expect(q.articles[0].title == "可持续城市更新视角下我国城市类型划分与空间分异研究")
        let r = page(["全部", "", "桂香這個小區熱網的成功改造,帶動了整個片區…", "", "來源:青石壹點", "", "作者:", "", "2018-01-03 09:39:01", "",
                      "(資料圖片僅供參考)", Self.body])
        #expect(r.articles[0].title == "桂香這個小區熱網的成功改造，帶動了整個片區…")
        #expect(r.published == "2018-01-03")
        #expect(r.articles[0].paragraphs == [Self.body])
    }

    /// Short pages of every length, with repeated and labelled lines, are read without a fault.
    @Test(arguments: 1...7) func shortPagesOfEveryLength(_ n: Int) {
        let lines = ["桂香区设助餐示范点", "作者:", "桂香区设助餐示范点", "2018-01-03 09:39:01", "桂香区设助餐示范点", Self.body, "本报讯(青报融媒 谢某某)"]
        let p = page(Array(lines.prefix(n)))
        #expect(p.articles.count >= 1)
    }

    /// Session 12 (check23): reporters set apart by 、 in a Taiwanese lead; a video's credit roll with
    /// bars; a bracket its page never closed, each name with its role; a long publish line with its
    /// keyword list; a rule's metadata box whose dates are not the page's.
    @Test func creditsSeenInCheck23() {
        let tw = page(["桂香社宅動工", "", "〔記者黃某某、吳某某／綜合報導〕桂香區海天段社會住宅今天動工，預計興建500戶。"])
        #expect(tw.articles[0].authors == ["黃某某", "吳某某"])
        let roll = page(["桂香村改造", "", Self.body] + ["记者丨邓某某 陈某 李某某", "监制丨耿某某", "主编丨单某", "编导丨白某某 李某某", "策划丨兴某 宁某某",
                         "摄像丨丁某 李某某", "剪辑丨李某某", "视觉丨高某某 翟某某", "配音丨王某某", "音编丨刘某某 马某某", "合作丨总台桂香总站"].flatMap { ["", $0] })
        #expect(roll.articles[0].authors == ["邓某某", "陈某", "李某某"])
        #expect(roll.articles[0].paragraphs == [Self.body])
        let broken = page(["【好消息!】投资超1亿元!桂香19个老旧小区将集中改造", "",
                           "编辑:桂香买房参考2019-07-25 17:44:35 关键字:桂香,小区,居民,改造,青石区,皮鞋厂,生活,住户,年代,投资,桂香市,青石区,桂香市皮鞋厂,居民", "",
                           "桂香晚报讯(记者 凌某某/文 赖某某/图那边，高楼林立，流光溢彩；这边，老旧残破，黯淡无光。"])
        #expect(broken.articles[0].authors == ["凌某某", "赖某某"])
        #expect(broken.published == "2019-07-25")
        let rule = page(["聽全文", "基本信息", "  • 統一編號: ZC0220200006", "  • 實施日期: 2020年06月05日", "  • 失效日期: 2023年06月04日",
                         "", "桂香區人民政府辦公室關于印發桂香區舊村全面改造工作實施意見的通知", "", Self.body])
        #expect(rule.articles[0].title == "桂香區人民政府辦公室關于印發桂香區舊村全面改造工作實施意見的通知")
        #expect(rule.published == nil)
    }

    /// `2020-10-22新闻19`: a repost's date with its column and view count glued on.
    @Test func aDateWithItsColumnAndViewCountGluedOn() {
        let p = page(["ZKX's LAB", "", "桂香区老旧小区提质改造 居民幸福指数提升", "", "2020-10-22新闻19", "", Self.body])
        #expect(p.published == "2020-10-22")
        #expect(p.articles[0].title == "桂香区老旧小区提质改造 居民幸福指数提升")
        #expect(p.articles[0].paragraphs == [Self.body])
    }

    /// Bylines whose names came back with words that are none: an outlet's names joined by a middle
    /// dot, a division slash before where it was reported from, a photographer's credit word after the
    /// names, a brand glued to a Latin word after the writer.
    @Test(arguments: [
        ("□新天水·天水日报记者 蔚某某", ["蔚某某"]),
        ("記者吳某某∕新北報導", ["吳某某"]),
        ("記者莊某某/台南報導", ["莊某某"]),
        ("四川新聞網-首屏新聞記者 謝某某 余某某 攝影報道", ["謝某某", "余某某"]),
        ("文/林某某/MyGonews買購房地產新聞", ["林某某"]),
    ])
    func bylinesWithWordsThatAreNoNames(_ byline: String, _ names: [String]) {
        let p = page(["桂香老舊住宅加裝電梯見聞", "", byline, "", Self.body])
        #expect(p.articles[0].authors == names)
    }

    /// A table's cell rule left after the title (`标题 |`) is not part of it.
    @Test func aTableCellsRuleAfterTheTitle() {
        let p = page(["桂香区既有住宅启动加装电梯 |", "| | |", "2019-04-10 来源:青石日报", "", Self.body])
        #expect(p.articles[0].title == "桂香区既有住宅启动加装电梯")
    }
}
