/// Drops what a saved web page or Word export leaves around the article in plain text: navigation,
/// breadcrumbs, share and print buttons, sidebars of other headlines, copyright, ICP and licence lines,
/// editor credits.
///
/// Conservative by design: a line goes only when it matches a boilerplate form outright, or, for
/// navigation and sidebars, when the text also carries page furniture elsewhere. Metadata lines such as
/// `成都日报　2023年5月12日　第03版　城事` or `2023-09-20 07:45　来源：杭州日报` are content and stay.
enum WebLeftoverFilter {
    static func filter(_ lines: [PhysicalLine]) -> (lines: [PhysicalLine], removed: Int) {
        let boilerplate = lines.map { isBoilerplate($0.scalars) }
        let furniture = boilerplate.filter { $0 }.count
        var keep = boilerplate.map { !$0 }
        if furniture >= 2 {
            markNavigation(lines, &keep)
            markSidebars(lines, boilerplate, &keep)
        }
        let removed = keep.filter { !$0 }.count
        guard removed > 0 else { return (lines, 0) }
        var out: [PhysicalLine] = []
        out.reserveCapacity(lines.count - removed)
        var pendingBlock = false
        for (line, k) in zip(lines, keep) {
            if k {
                var l = line
                if pendingBlock { l.startsBlock = true }
                out.append(l)
                pendingBlock = false
            } else {
                pendingBlock = true
            }
        }
        return (out, removed)
    }

    private static let boilerplateMarks = [
        "版权所有", "Copyright", "copyright", "COPYRIGHT", "©", "All Rights Reserved", "ICP备", "ICP证",
        "互联网新闻信息服务许可证", "网络传播视听节目许可证", "公网安备", "违法和不良信息举报",
        "未经授权禁止转载", "转载请注明",
    ]
    private static let boilerplateStarts = [
        "责任编辑", "责编：", "编辑：", "校对：", "审核：", "审校：", "监制：", "终审：", "初审：", "值班编辑",
        "分享到", "分享：", "当前位置", "您的位置", "你的位置", "所在位置", "首页 >", "首页>", "首页 ›", "首页»",
        "上一篇", "下一篇", "【打印", "【关闭", "【字体", "打印本页", "关闭窗口", "返回顶部",
        "字号：", "字体：", "【大 中 小】", "阅读量", "浏览次数", "点击数", "客户端下载", "登录 |", "登录|",
    ]

    /// A line that is page furniture wherever it appears.
    static func isBoilerplate(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 80 else { return false }
        // A sentence that merely mentions such words is content.
        if line.contains("。") { return false }
        if boilerplateStarts.contains(where: { line.hasPrefix($0) }) { return true }
        if boilerplateMarks.contains(where: { line.contains($0) }) { return true }
        // `首页 > 理论 > 社区治理 > 正文`
        if line.filter({ $0 == ">" || $0 == "›" || $0 == "»" }).count >= 2, !line.contains("，") { return true }
        // `登录 | 注册 | 客户端`
        if line.filter({ $0 == "|" }).count >= 2, line.count <= 40, !line.contains("，") { return true }
        return false
    }

    private static let sidebarHeads: Set<String> = [
        "热点新闻", "推荐阅读", "相关新闻", "相关阅读", "相关链接", "相关文章", "猜你喜欢", "热门文章", "最新文章",
        "延伸阅读", "排行榜", "热门推荐", "精彩推荐", "热点推荐", "图片新闻", "新闻排行", "点击排行", "友情链接",
        "微信", "微博", "QQ空间", "QQ好友", "朋友圈",
    ]

    /// Runs of four or more menu items (1-4 characters, no punctuation) in a row are a navigation bar.
    private static func markNavigation(_ lines: [PhysicalLine], _ keep: inout [Bool]) {
        var i = 0
        while i < lines.count {
            var j = i
            while j < lines.count, isMenuItem(lines[j].scalars) { j += 1 }
            if j - i >= 4 { for k in i..<j { keep[k] = false } }
            i = max(j, i + 1)
        }
    }

    private static func isMenuItem(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 4 else { return false }
        return !line.contains { ScalarClass.isPunctuation($0) || ScalarClass.isASCIIDigit($0) }
    }

    /// A sidebar heading and the short unpunctuated headlines listed under it, when the list runs into
    /// more furniture or the end of the page (a list followed by text could be the article's own title).
    private static func markSidebars(_ lines: [PhysicalLine], _ boilerplate: [Bool], _ keep: inout [Bool]) {
        var i = 0
        while i < lines.count {
            guard sidebarHeads.contains(lines[i].scalars.string) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < lines.count, !boilerplate[j], isListedHeadline(lines[j].scalars) { j += 1 }
            if j == lines.count || boilerplate[j] || !keep[j] {
                for k in i..<j { keep[k] = false }
            } else {
                keep[i] = false
            }
            i = j
        }
    }

    private static func isListedHeadline(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 30, !line.endsSentence else { return false }
        if sidebarHeads.contains(line.string) { return true }
        return !line.contains { $0 == "，" || $0 == "；" || $0 == "：" }
    }
}
