import Testing
@testable import Normalize

/// Page debris met on real web pages (issue 12): share-widget instructions and site greetings are
/// written as sentences, empty-list placeholders and a row of other pages' headlines sit above the
/// article. Invented lines in those shapes.
@Suite struct RealPageDebrisTests {
    @Test(arguments: [
        ("打开微信，点击底部的“发现”，", "share"),
        ("使用“扫一扫”即可将网页分享至朋友圈。", "share"),
        ("欢迎访问青石社科网 今天是", "greeting"),
        ("• 暂无相关记录！", "notice"),
        ("暂无评论", "notice"),
        // Session 10 (check12): an e-paper's headline list, page label, continuation mark, lunar date,
        // social link and hotline with the weekday; an audio player; spam titles joined by underscores.
        ("~~~——青石镇桂香花园将于下月完工交付，计划年内完成", "menu"),
        ("~~~——", "separator"),
        ("A03版:要闻 新闻列表", "menu"),
        ("》》》上接01版", "jump"),
        ("(下转A3版)", "jump"),
        ("癸卯年九月廿五", "calendar"),
        ("青石日报微博", "share"),
        ("有奖新闻热线: 88886666 星期三", "hotline"),
        ("0:00 / 0:00", "player"),
        ("聽新聞", "menu"),
        ("青石某某标题一号_桂香另一个标题_第三个无关标题_第四个无关标题", "menu"),
        // check13: an e-paper's name plate and five-digit page label, a portal's app prompts, a menu row of
        // ten two-character sections.
        ("青石日报 数字报纸", "masthead"),
        ("00022版:今日桂香", "menu"),
        ("打开网易新闻 查看更多图片", "share"),
        ("(点击查看大图)", "share"),
        ("即時 熱門 政治 軍武 社會 生活 健康 國際 地方 蒐奇", "menu"),
    ])
    func recognises(line: String, kind: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == kind)
    }

    @Test(arguments: [
        "居民打开微信小程序即可报名，社区工作人员会在发现问题后上门。",
        "欢迎居民朋友踊跃参加议事会。",
        "暂无物业的小区由社区兜底管理。",
        "上接前期工作，居民议事会继续讨论。",
        "甲辰年春节前，桂香小区完成改造。",
        "桂香社区微博",
        "记者 张三 李四 王五",
        "青石日报报道",
        "——记青石社区党委书记",
    ])
    func keepsSentences(line: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == nil)
    }

    @Test func aRowOfOtherHeadlinesAboveTheArticleGoes() {
        let links = "《青石探险》将于9月上市  夏季音乐节门票开售啦!  新款降噪耳机评测：安静了许多  青石城市漫步路线推荐  秋季旅行清单"
        let text = [links, "桂香小区改造完工", "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了。"].joined(separator: "\n")
        let result = Normalizer().normalize(text)
        #expect(result.lines == ["桂香小区改造完工", "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了。"])
    }

    /// Session 9: an encyclopedia infobox about the paper, with its department phones, above the article.
    @Test func anInfoboxAboveTheArticleGoes() {
        let infobox = ["中文名", "青石日报", "创刊", "1950年1月1日", "归属", "中共青石市委机关报", "地理位置", "青石市桂香路1号",
                       "广告部电话:0123-84655043"]
        let article = ["桂香小区改造完工", "桂香小区楼道照明和外墙改造近日完工，居民出行更方便了。"]
        #expect(Normalizer().normalize((infobox + article).joined(separator: "\n")).lines == article)
        // Two field names are no infobox: a table or a list may name a region and a date.
        let two = ["地区", "青石", "创刊", "1950年"] + article
        #expect(Normalizer().normalize(two.joined(separator: "\n")).lines == two)
    }

    /// Session 9: an e-paper's masthead with its serial number, and its property comment, which stays for the segmenter.
    @Test func anEPaperMastheadGoesItsPropertyCommentStays() {
        #expect(DebrisLine.kind(Array("青石日报报刊社 青石日报当代融媒体集团 出版 国内统一刊号:CN52-0013代号65-1".unicodeScalars)) == "masthead")
        #expect(DebrisLine.kind(Array("全市统一刊号后，社区报将按月出版。".unicodeScalars)) == nil)
        let comment = "--> 2023-08-12 1 1 青石日报 content_101185.html 1 标题 /enpproperty-->"
        #expect(DebrisLine.kind(Array(comment.unicodeScalars)) == nil)
        #expect(!WebLeftoverFilter.isBoilerplate(Array(comment.unicodeScalars)))
    }

    /// Session 9 (check8): an e-paper's page turner and page tools, a site's hotline, a share widget's
    /// configuration however long, and an e-paper's list of the page's headlines under its heading.
    @Test(arguments: [
        ("当前版: 02版 上一版  下一版", "menu"),
        ("第A01版:澳聞 4下一版", "menu"),
        ("今日日期:     版面導航", "menu"),
        ("新闻热线 0891-6325020", "hotline"),
        ("{\"appId\":\"wx0\",\"nonceStr\":\"a\",\"timestamp\":1,\"desc\":\"" + String(repeating: "\\u8001", count: 40) + "\"}", "script"),
    ])
    func ePaperAndHeaderFurniture(line: String, kind: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == kind)
    }

    @Test(arguments: [
        "下一版规划方案将于年底公布。",
        "市民热线12345接到居民反映后，街道立即派人核查。",
    ])
    func keepsSentencesNamingEditionsAndHotlines(line: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == nil)
    }

    /// Session 9 (check10): a site's regions on one barred line, an e-paper's turner and page index,
    /// accessibility and search links.
    @Test func regionBarTurnerAndLinksGo() {
        let regions = "安徽|北京|重庆|福建|甘肃|贵州|广东|广西|海南|河北|河南|湖北|湖南|黑龙江|江苏|江西|吉林|辽宁|内蒙古|宁夏"
        #expect(WebLeftoverFilter.isBoilerplate(Array(regions.unicodeScalars)))
        #expect(!WebLeftoverFilter.isBoilerplate(Array("北京|上海两地的经验，值得借鉴。".unicodeScalars)))
        #expect(DebrisLine.kind(Array("3上一版".unicodeScalars)) == "menu")
        #expect(DebrisLine.kind(Array("第04版:国内新闻".unicodeScalars)) == "menu")
        for line in ["跳转到路径导航栏", "站内检索", "分享:"] { #expect(WebLeftoverFilter.isBoilerplate(Array(line.unicodeScalars))) }
    }

    /// Session 9 (check11): a privacy banner, a prompt in Japanese, an app's icon line and a lone download link.
    @Test(arguments: [
        ("本網站使用相關技術提供更好的閱讀體驗，同時尊重使用者隱私，當您關閉此視窗，代表您同意上述規範。", "notice"),
        ("こちらのページは繁体字版です。日本語版のページに移動しますか。", "foreign"),
        ("青石新聞APP Icon青石新聞APP", "share"),
        ("下載", "menu"),
    ])
    func bannersAbovePortalPages(line: String, kind: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == kind)
    }

    @Test func aSentenceOnPrivacyStays() {
        #expect(DebrisLine.kind(Array("居民担心隐私泄露，社区承诺数据只用于服务，多数居民表示同意。".unicodeScalars)) == nil)
    }

    /// Session 9 (check9): a share widget's prompts above a news page.
    @Test(arguments: ["点击右上角微信好友", "请使用浏览器分享功能进行分享"])
    func shareWidgetPrompts(line: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == "share")
    }

    /// Session 9 (check9): a short item whose credit lines are as short as its wraps would be: the
    /// bracketed station and a reviewer's label keep each credit on its own line.
    @Test func bracketedCreditsAreNotWrappedText() {
        let body = "目前，青石市共有2000年前建成的老旧小区844个，今年年底前将基本完成改造。"
        let credits = ["本台记者:张晓红 李建国", "【青石电视】一审:王芳", "【青石电视】二审:赵刚", "【青石电视】三审:孙丽 周强"]
        let lines = Normalizer().normalize(([body] + credits + [body] + credits).joined(separator: "\n")).lines
        #expect(lines.contains("【青石电视】一审:王芳"))
        #expect(lines.contains("本台记者:张晓红 李建国"))
    }

    /// check13: a page written one phrase a line ends with its source and credits, ASCII colons: they
    /// stay lines of their own when the phrases are rejoined.
    @Test func creditFieldsAreNotRejoined() {
        let text = ["据此前省住建厅发布的", "通知，2021年", "青石计划改造老旧小区12个", "来源:综合青石市人民政府网", "编辑:周小丽/审核:蔡小娟", "审签:徐小飞"]
        let lines = Normalizer().normalize(text.joined(separator: "\n\n")).lines
        #expect(lines.contains("来源:综合青石市人民政府网"))
        #expect(lines.contains("编辑:周小丽/审核:蔡小娟"))
    }

    /// check13: a web page written one phrase a paragraph is rejoined across its blank lines, but it was
    /// never laid out on a page: only breaks inside a block count as a PDF's hard wraps (which let the
    /// segmenter look for a title after the text).
    @Test func phrasesAcrossBlankLinesAreNoHardWraps() {
        let phrases = ["4月30日,青石政府网站发布", "关于青石市2021年老旧小区改造", "(基础配套设施建设工程)项目可行性研究报告的批复。",
                       "打开网易新闻 查看更多图片", "内容如下:", "项目建设内容:涉及12个改造项目,", "其中改造小区7个,改造独栋楼5个。",
                       "改造建筑面积约69500平方米。", "项目估算总投资约2240万元;", "资金来源为政府投资。", "据此前省住建厅发布的",
                       "《关于做好2021年度城镇老旧小区改造工作的通知》", "2021年", "青石计划改造老旧小区12个", "分别是:", "今年",
                       "桂香市城镇老旧小区改造", "涉及53个老旧小区", "来源:综合青石市人民政府网"]
        let web = Normalizer().normalize(phrases.joined(separator: "\n\n"))
        #expect(web.warnings.contains { $0.hasPrefix("rejoined") })
        #expect(web.rejoinedWraps == 0)
        let block = ["桂香小区改造工作自今年三月启动以来各项工程有序推进居民反映", "良好社区党委多次召开协调会议解决了加装电梯和停车难等问题下",
                     "一步将继续做好后续管理工作确保改造成果长期发挥效益同时街道", "还将组织居民议事会讨论楼道照明和外墙修缮的方案并听取各方意",
                     "见目前第一批十二栋楼的外墙已经完工第二批将在年底前全部开工", "建设完成后小区的面貌将焕然一新。"].joined(separator: "\n")
        let page = Normalizer().normalize(block)
        #expect(page.lines.count == 1)
        #expect(page.rejoinedWraps == 5)
    }

    @Test func anEPapersHeadlineListGoes() {
        let text = ["[ 設為首頁 ] | | [ 返回主頁 ] |", "本版標題導航", "桂香邨重建待申規劃圖", "二千八暫住房料年底竣工", "[ 設為首頁 ] | | [ 返回主頁 ] |",
                    "桂香邨重建待申規劃圖", "桂香邨七棟舊樓將改建為高層樓宇，居民期待已久。"]
        #expect(Normalizer().normalize(text.joined(separator: "\n")).lines == ["桂香邨重建待申規劃圖", "桂香邨七棟舊樓將改建為高層樓宇，居民期待已久。"])
    }

    @Test func aTableRowFurtherDownStays() {
        var lines = ["桂香片区改造项目表", "改造项目逐项列出如下。", "项目按计划推进。", "资金已经到位。", "施工单位已进场。"]
        lines.append("桂香街道桂香社区楼道改造工程  涉及居民楼栋十二栋  计划于年底前全部完工  由区住建局统一组织")
        let result = Normalizer().normalize(lines.joined(separator: "\n"))
        #expect(result.lines.contains { $0.hasPrefix("桂香街道桂香社区楼道改造工程") })
    }
}
