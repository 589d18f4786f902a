import Testing
@testable import Normalize

/// Page debris is recognised by its shape; sentences and metadata lines are never debris.
@Suite struct DebrisLineTests {
    @Test(arguments: [
        ("设为首页 加入收藏", "menu"),
        ("關於我們", "menu"),
        ("首页 | 要闻 | 城建动态 | 政务公开 | English", "menu"),
        ("【纠错】", "button"),
        ("[打印此页] [关闭窗口]", "button"),
        ("【字体：大 中 小】", "button"),
        ("浏览：72次 评论：0", "counter"),
        ("阅读 1.2万 点赞 36", "counter"),
        ("IMG_20230512_0931.JPG", "image"),
        ("微信图片_20220427153012.png", "image"),
        (#"{"articleId":"10086","channel":"城建","pv":72}"#, "script"),
        ("var pageConfig = {id: 12, type: 'news'};", "script"),
        ("扫一扫下载青石新闻APP", "share"),
        ("分享到：微信 微博 QQ", "share"),
        ("长按识别二维码关注我们", "share"),
        // Session 8, an e-paper page: font-size buttons, a share bar, the date picker's rows, the page list.
        ("A+", "button"),
        ("A-", "button"),
        ("微信 朋友圈 微博QQ空间", "menu"),   // as spacing repair leaves it
        ("1234", "calendar"),
        ("567891011", "calendar"),
        ("2627282930", "calendar"),
        ("03版:读桂·关注", "menu"),
        ("网站首页时政要闻党建动态基层党建干部工作公告公示", "menu"),
    ])
    func recognises(line: String, kind: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == kind)
    }

    @Test(arguments: [
        "张三 李四 王五",
        "本报记者 韩书瑶 龚文澜 罗晓",
        "記者 賴書瑤 龔文瀾 羅曉",
        "2023-05-12 09:30 来源：青石日报",
        "发布时间：2023-05-12 浏览次数：12",
        "老旧小区改造让居民住得更舒心",
        "社区在小区门口张贴了二维码，居民扫码即可报名参加议事会。",
        "【编者按】",
        "一、总体要求",
        "责任编辑：王小二",
        "附件：1.2024年城镇老旧小区改造项目申报汇总表",
        // Numbers that are no date picker's row, a grade, and a page reference inside a sentence.
        "2023",
        "10086",
        "A",
        "见03版：城建动态专题报道。",
        "网站首页改版上线",
    ])
    func keepsContent(line: String) {
        #expect(DebrisLine.kind(Array(line.unicodeScalars)) == nil)
    }

    /// A keyword line goes from a web page but stays in a research abstract.
    @Test func keywordLinesStayOnlyInAnAbstract() {
        func lines(_ texts: [String]) -> [PhysicalLine] {
            texts.map { PhysicalLine(scalars: Array($0.unicodeScalars), startsBlock: true) }
        }
        let web = WebLeftoverFilter.filter(lines(["老旧小区改造让居民住得更舒心", "关键词：老旧小区 改造 民生", "正文第一段。"]))
        #expect(web.removed == ["关键词：老旧小区 改造 民生"])
        let abstract = WebLeftoverFilter.filter(lines(["摘要：本文调查了十二个社区。", "关键词：社区规划；公众参与"]))
        #expect(abstract.removed.isEmpty)
    }

    @Test func warningListsTheDroppedLines() {
        let text = ["设为首页 加入收藏", "老旧小区改造让居民住得更舒心", "【纠错】", "正文第一段说的是改造。"].joined(separator: "\n")
        let result = Normalizer().normalize(text)
        #expect(result.lines == ["老旧小区改造让居民住得更舒心", "正文第一段说的是改造。"])
        #expect(result.warnings.contains("removed 2 web page lines: 设为首页 加入收藏 | 【纠错】"))
    }
}
