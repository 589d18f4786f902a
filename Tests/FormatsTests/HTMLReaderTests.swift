import Decode
import ReportModel
import TestSupport
import Testing
@testable import Formats

/// Saved pages made at test time: page furniture goes, the article stays, charsets are honoured.
@Suite struct HTMLReaderTests {
    let page = """
        <!DOCTYPE html><html><head><meta charset="%CHARSET%"><title>标题_示例网</title>
        <style>p { color: red }</style><script>var s = "<p>不是正文</p>";</script></head>
        <body><div class="topbar"><a href="/">登录</a></div>
        <ul class="nav"><li><a href="/">首页</a></li><li><a href="/x">城建</a></li></ul>
        <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 正文</div>
        <div class="main"><div class="article">
        <h1>青石巷微更新启动</h1>
        <p class="doc-meta">示范日报　2024年3月5日　第02版</p>
        <div class="info"><span>来源：示例网</span> <span>责任编辑：王某</span></div>
        <div class="content">
        <p style="text-indent: 2em;">本报讯　青石巷
        社区昨日启动微更新，改造面积约1200平方米。</p>
        <p style="text-align: center;"><strong>居民议事会</strong></p>
        <p>　　议事会共收集意见&#x34;6条&hellip;</p>
        </div>
        <div class="share">分享到：<a href="#">微信</a></div></div>
        <div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/1">别的新闻</a></li></ul></div></div>
        <div class="footer"><p>版权所有 &copy; 示例网</p><p><a href="#">京ICP备00000000号</a></p></div>
        </body></html>
        """

    @Test func keepsTheArticleAndDropsTheFurniture() throws {
        let doc = try DocumentReader().readHTML(Array(page.replacingOccurrences("%CHARSET%", "utf-8").utf8))
        #expect(doc.format == .html && doc.encoding == .utf8)
        #expect(doc.lines == [
            DocumentLine("示范日报　2024年3月5日　第02版"),
            DocumentLine("青石巷微更新启动", role: .heading(1)),
            DocumentLine("本报讯　青石巷社区昨日启动微更新，改造面积约1200平方米。"),
            DocumentLine("居民议事会", role: .centered),
            DocumentLine("议事会共收集意见46条…"),
        ])
    }

    @Test func aGB18030PageIsDecodedByItsMetaCharset() throws {
        let bytes = LegacyEncoding.gb18030(page.replacingOccurrences("%CHARSET%", "gb2312"))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let doc = try DocumentReader().readHTML(bytes)
        #expect(doc.encoding == .gb18030)
        #expect(doc.lines.map(\.text).contains("本报讯　青石巷社区昨日启动微更新，改造面积约1200平方米。"))
    }

    @Test(arguments: [
        ("<meta charset=\"GBK\">", "gbk"),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "gb2312"),
        ("<meta charset='utf-8'/>", "utf-8"),
        ("<p>no declaration</p>", nil),
    ] as [(String, String?)])
    func findsTheDeclaredCharset(head: String, expected: String?) {
        #expect(HTMLCharset.declared(Array(head.utf8)) == expected)
    }

    @Test func aBodyOfBrSeparatedTextWinsOverALinkList() {
        let html = """
            <body><div id="links"><a href="/1">其他新闻一</a><br><a href="/2">其他新闻二</a></div>
            <div class="TRS_Editor">各社区：<br>　　为推进老旧小区改造，现将有关事项通知如下。<br>　　一、改造范围为2000年以前建成的小区。<br></div>
            <div class="bottom">主办单位：某某区人民政府办公室</div></body>
            """
        let lines = HTMLReader().read(html).map(\.text)
        #expect(lines == ["各社区：", "为推进老旧小区改造，现将有关事项通知如下。", "一、改造范围为2000年以前建成的小区。"])
    }

    @Test func toleratesBrokenMarkup() {
        let lines = HTMLReader().read("<div><p>第一段<p>第二段<br>第三行</div></span><p>末段 &unknown; &amp; <b>粗体").map(\.text)
        #expect(lines == ["第一段", "第二段", "第三行", "末段 &unknown; & 粗体"])
    }
}
