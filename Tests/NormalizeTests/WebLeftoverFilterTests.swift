import Testing
@testable import Normalize

@Suite struct WebLeftoverFilterTests {
    /// A news page saved as plain text: furniture around an invented article.
    static let page = [
        "客户端下载 | 登录 | 注册",
        "首页", "|", "时政", "|", "城建", "社区", "理论", "评论", "> 正文",
        "当前位置：首页 > 社区 > 正文",
        "以微更新绣出老街区新面貌",
        "青石日报　2023年6月8日　第02版",
        "责任编辑：王小二",
        Fixtures.paragraphs1[0],
        Fixtures.paragraphs1[1],
        "分享到：",
        "微信", "微博", "QQ空间",
        "【打印本页】【关闭窗口】",
        "热点新闻",
        "老旧小区加装电梯提速",
        "社区食堂让老人吃上热饭",
        "版权所有 © 2023 青石日报社",
        "互联网新闻信息服务许可证：12345678",
        "京ICP备12345678号-1",
    ]

    @Test func dropsPageFurnitureAndKeepsTheArticle() {
        let result = Normalizer().normalize(Self.page.joined(separator: "\n"))
        #expect(result.lines == [
            "以微更新绣出老街区新面貌",
            "青石日报　2023年6月8日　第02版",
            // The editor's credit stays for the segmenter, which reads the name and drops the line.
            "责任编辑：王小二",
            Fixtures.paragraphs1[0],
            Fixtures.paragraphs1[1],
        ])
        #expect(result.warnings.contains { $0.hasPrefix("removed") && $0.contains("web page lines: ") && $0.contains("当前位置：首页 > 社区 > 正文") })
    }

    /// A news site's list of latest headlines under the article, each with its age and printed twice
    /// (link and text), goes; the article stays.
    @Test func aListOfAgedHeadlinesGoes() {
        let page = [Fixtures.paragraphs1[0], Fixtures.paragraphs1[1], "更多",
                    "1. 某路口货车失控撞上护栏", "某路口货车失控撞上护栏", "1小時前",
                    "2. 某地机场系统一度故障", "某地机场系统一度故障", "13分钟前",
                    "3. 高峰会第二日 两地签署合作备忘录", "高峰会第二日 两地签署合作备忘录", "刚刚"]
        let result = Normalizer().normalize(page.joined(separator: "\n"))
        #expect(result.lines.prefix(2) == [Fixtures.paragraphs1[0], Fixtures.paragraphs1[1]][...])
        #expect(!result.lines.contains { $0.contains("货车") || $0.contains("机场") || $0.contains("备忘录") || $0.hasSuffix("前") })
    }

    /// A site's list of regions, one bulleted word a line, goes with no other furniture on the page;
    /// a short bulleted list inside an article stays.
    @Test func aBulletedListOfRegionsGoes() {
        let regions = ["东区", "西区", "南区", "北区", "青石", "桂香", "石榴", "灯笼", "北关"].map { "  • \($0)" }
        let result = Normalizer().normalize((["全部"] + regions + [Fixtures.paragraphs1[0]]).joined(separator: "\n"))
        #expect(result.lines == [Fixtures.paragraphs1[0]])
        let short = ["• 东区", "• 西区", "• 南区", "• 北区"]
        let kept = Normalizer().normalize(([Fixtures.paragraphs1[0]] + short).joined(separator: "\n"))
        #expect(kept.lines.contains { $0.contains("东区") })
    }

    /// One age alone proves no list: the line above it stays.
    @Test func oneAgeAloneRemovesNoHeadline() {
        let page = [Fixtures.paragraphs1[0], "社区议事会本周召开", "3天前"]
        let result = Normalizer().normalize(page.joined(separator: "\n"))
        #expect(result.lines.contains("社区议事会本周召开"))
    }

    @Test(arguments: [("13分钟前", true), ("1 小時前", true), ("３天前", true), ("剛剛", true), ("两天前", false),
                      ("1000天前", false), ("10分钟前完成", false), ("前", false)])
    func agesOnTheirOwnLine(line: String, isAge: Bool) {
        #expect(DebrisLine.isAge(Array(line.unicodeScalars)) == isAge)
    }

    /// Without any furniture, short lines are content (a menu's words, a sign-off) and stay. (`首页` alone
    /// is itself a page control, gone wherever it stands: see `StationAndEPaperCreditTests`.)
    @Test(arguments: [
        ["要闻", "时政", "城建", "社区", "理论"],
        ["热点新闻", "老旧小区加装电梯提速"],
        ["本文版权所有问题，由街道法律顾问解答。", "2023-09-20 07:45　来源：青石日报"],
    ])
    func keepsContentWithoutFurniture(lines: [String]) {
        let physical = lines.map { PhysicalLine(scalars: Array($0.unicodeScalars), startsBlock: false) }
        #expect(WebLeftoverFilter.filter(physical).removed.isEmpty)
    }
}
