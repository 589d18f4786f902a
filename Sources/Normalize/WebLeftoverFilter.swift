import Characters

/// Drops what a saved web page or Word export leaves around the article in plain text: navigation,
/// breadcrumbs, share and print buttons, sidebars of other headlines, copyright, ICP and licence lines,
/// editor credits.
///
/// Conservative by design: a line goes only when it matches a boilerplate form outright, or, for
/// navigation and sidebars, when the text also carries page furniture elsewhere. Metadata lines such as
/// `成都日报　2023年5月12日　第03版　城事` or `2023-09-20 07:45　来源：杭州日报` are content and stay.
enum WebLeftoverFilter {
    static func filter(_ lines: [PhysicalLine]) -> (lines: [PhysicalLine], removed: [String], pictureTitle: String?) {
        var boilerplate = lines.map { isBoilerplate($0.scalars) }
        var keep = boilerplate.map { !$0 }
        var inAbstract = false
        for (i, line) in lines.enumerated() where keep[i] {
            let s = line.scalars
            if !inAbstract, DebrisLine.abstractLabels.contains(where: { s.hasPrefix($0) }) { inAbstract = true }
            if DebrisLine.kind(s) != nil || (!inAbstract && DebrisLine.isKeywordLine(s)) {
                keep[i] = false
                boilerplate[i] = true
                // `熱門搜尋:` ⏎ `安全帶 二手樓 農曆新年2026 …`: the trending searches under their label.
                if DebrisLine.isHotSearchLabel(s), i + 1 < lines.count, case let next = lines[i + 1].scalars, next.count <= 120,
                   !next.contains(where: { $0 == "。" || $0 == "，" || $0 == "," }) {
                    keep[i + 1] = false
                    boilerplate[i + 1] = true
                }
            }
        }
        markAgedHeadlines(lines, &keep)
        let pictureTitle = markPictureTitles(lines, &keep)
        markInfobox(lines, &keep)
        // Editor credits are page furniture too, but stay for the segmenter, which reads the names.
        let furniture = boilerplate.filter { $0 }.count + lines.filter { isCredit($0.scalars) }.count
        markNavigation(lines, &keep, furnished: furniture >= 2)
        markBulletedLists(lines, &keep)
        markPageHeadlines(lines, &keep)
        if furniture >= 2 { markSidebars(lines, boilerplate, &keep) }
        let removedLines = zip(lines, keep).filter { !$0.1 }.map { $0.0.scalars }
        let removed = removedLines.map { String(String.UnicodeScalarView($0)) }
        guard !removed.isEmpty else { return (lines, [], pictureTitle) }
        var out: [PhysicalLine] = []
        out.reserveCapacity(lines.count - removed.count)
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
        return (out, removed, pictureTitle)
    }

    static let creditStarts = Needles.of(["责任编辑", "责编：", "编辑：", "值班编辑"])

    /// `责任编辑：李四`: furniture the segmenter still reads.
    static func isCredit(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 60, let first = line.first, first == "责" || first == "编" || first == "值" else { return false }
        return creditStarts.contains { line.hasPrefix($0) }
    }

    private static let boilerplateMarks = Needles.of([
        "版权所有", "Copyright", "copyright", "COPYRIGHT", "©", "All Rights Reserved", "ICP备", "ICP证",
        "互联网新闻信息服务许可证", "网络传播视听节目许可证", "公网安备", "违法和不良信息举报",
        "未经授权禁止转载", "转载请注明",
    ])
    private static let boilerplateStarts = Needles.of([
        "校对：", "审核：", "审校：", "监制：", "终审：", "初审：", "值班编辑",
        "分享到", "分享：", "当前位置", "您的位置", "你的位置", "所在位置", "首页 >", "首页>", "首页 ›", "首页»",
        "上一篇", "下一篇", "【打印", "【关闭", "【字体", "打印本页", "关闭窗口", "返回顶部",
        "字号：", "字体：", "【大 中 小】", "阅读量", "浏览次数", "点击数", "客户端下载", "登录 |", "登录|",
        "分享:", "跳转到路径导航", "跳转到正文", "跳转到主要内容", "无障碍浏览", "无障碍阅读", "站内检索", "站内搜索",
    ])

    // First scalars of the patterns: a line without any of them is skipped in one pass.
    private static let startFirsts = Set(boilerplateStarts.compactMap(\.first))
    /// A BMP bitmap of the marks' first scalars: one array lookup per scalar, no hashing.
    private static let markFirsts: [Bool] = {
        var map = [Bool](repeating: false, count: 0x10000)
        for m in boilerplateMarks { if let f = m.first, f.value < 0x10000 { map[Int(f.value)] = true } }
        return map
    }()

    /// A line that is page furniture wherever it appears.
    static func isBoilerplate(_ line: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty, line.count <= 80 || isRegionBar(line), !DebrisLine.isPropertyComment(line) else { return false }
        // A sentence that merely mentions such words is content.
        if line.contains("。" as Unicode.Scalar) { return false }
        if startFirsts.contains(line[0]), boilerplateStarts.contains(where: { line.hasPrefix($0) }) { return true }
        let firsts = markFirsts
        if line.contains(where: { $0.value < 0x10000 && firsts[Int($0.value)] }), boilerplateMarks.contains(where: { line.contains($0) }) {
            return true
        }
        // `首页 > 理论 > 社区治理 > 正文`
        var arrows = 0
        var bars = 0
        var slashes = 0
        for s in line {
            if s == ">" || s == "›" || s == "»" { arrows += 1 } else if s == "|" { bars += 1 } else if s == "/" || s == "／" { slashes += 1 }
        }
        if arrows >= 2, !line.contains("，" as Unicode.Scalar) { return true }
        // `某某网 / 新闻频道 / 天下 / 正文`: slashes between the sections, down to the article.
        if slashes >= 2, line.hasSuffix(articleMark) { return true }
        // `登录 | 注册 | 客户端`
        if bars >= 2, line.count <= 40, !line.contains("，" as Unicode.Scalar) { return true }
        return isRegionBar(line)
    }

    private static let articleMark = Array("正文".unicodeScalars)

    /// `安徽|北京|重庆|…|浙江`: a site's list of regions on one line, however long: eight or more bars
    /// between short items, no sentence.
    static func isRegionBar(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 400 else { return false }
        var bars = 0
        for c in line where c == "|" || c == "｜" { bars += 1 }
        guard bars >= 8 else { return false }
        let items = line.split { $0 == "|" || $0 == "｜" }
        return items.count >= 9 && items.allSatisfy {
            $0.count(where: { !CharacterClass.isSpace($0) }) <= 8 && !$0.contains("，") && !$0.contains("。")
        }
    }

    private static let sidebarHeads: Set<[Unicode.Scalar]> = Set(Needles.of([
        "热点新闻", "推荐阅读", "相关新闻", "相关阅读", "相关链接", "相关文章", "猜你喜欢", "热门文章", "最新文章",
        "延伸阅读", "排行榜", "热门推荐", "精彩推荐", "热点推荐", "图片新闻", "新闻排行", "点击排行", "友情链接",
        "微信", "微博", "QQ空间", "QQ好友", "朋友圈",
        "本版标题导航", "本版標題導航", "标题导航", "標題導航",
    ]))

    private static let separators: Set<Unicode.Scalar> = ["|", ">", "›", "»", "/", "·", "•"]

    /// Runs of four or more menu items (1-4 characters, no punctuation) in a row are a navigation bar.
    /// Runs of four or more menu items where the page shows furniture elsewhere; without it, a run of
    /// eight or more bulleted items (`• 北京`, `• 天津` …: a site's list of regions), which no article
    /// writes one short word to a line.
    private static func markNavigation(_ lines: [PhysicalLine], _ keep: inout [Bool], furnished: Bool) {
        var i = 0
        while i < lines.count {
            var j = i
            var bulleted = 0
            while j < lines.count, isMenuItem(lines[j].scalars) {
                if let first = lines[j].scalars.first, separators.contains(first) { bulleted += 1 }
                j += 1
            }
            if furnished ? j - i >= 4 : bulleted >= 8 { for k in i..<j { keep[k] = false } }
            i = max(j, i + 1)
        }
    }

    /// A post's first line printed again three or more times further down, where its pictures were (a
    /// content farm's copy of a WeChat post gives each picture the title as its text): the copies go, the
    /// first line stays, and is the post's title (returned: it may read like a sentence, `…小巷?`).
    private static func markPictureTitles(_ lines: [PhysicalLine], _ keep: inout [Bool]) -> String? {
        guard let first = lines.firstIndex(where: { !$0.scalars.isEmpty }), lines[first].scalars.count <= 60 else { return nil }
        let title = lines[first].scalars
        let copies = lines.indices.filter { $0 > first && lines[$0].scalars == title }
        guard copies.count >= 3 else { return nil }
        for k in copies { keep[k] = false }
        keep[first] = true
        return title.string
    }

    private static let bullets: Set<Unicode.Scalar> = ["•", "·", "▪", "◦", "‣", "・"]

    /// `• 某地发生地震` ⏎ `• 某某会议召开` …: a page's lists of outlets, sections and other headlines, eight or
    /// more bulleted lines in a row (a short heading such as `新聞` may stand between two lists), above the
    /// article's first sentence or below its last. A bulleted list inside the article stays.
    private static func markBulletedLists(_ lines: [PhysicalLine], _ keep: inout [Bool]) {
        func endsSentence(_ s: [Unicode.Scalar]) -> Bool { s.contains { $0 == "。" || $0 == "！" || $0 == "？" } }
        func isBulleted(_ s: [Unicode.Scalar]) -> Bool {
            guard let first = s.first, bullets.contains(first), s.count >= 2, s.count <= 60 else { return false }
            return !endsSentence(s)
        }
        // (Most pages have no such list: the sentences are looked for only when one is found.)
        lazy var firstSentence = lines.firstIndex { endsSentence($0.scalars) } ?? lines.count
        lazy var lastSentence = lines.lastIndex { endsSentence($0.scalars) } ?? -1
        var i = 0
        while i < lines.count {
            guard isBulleted(lines[i].scalars) else {
                i += 1
                continue
            }
            var j = i, bulleted = 0
            while j < lines.count {
                if isBulleted(lines[j].scalars) {
                    bulleted += 1
                } else if !(lines[j].scalars.count <= 6 && !lines[j].scalars.contains(where: ScalarClass.isPunctuation)
                    && j + 1 < lines.count && isBulleted(lines[j + 1].scalars)) {
                    break
                }
                j += 1
            }
            if bulleted >= 8, j <= firstSentence || i > lastSentence { for k in i..<j { keep[k] = false } }
            i = j
        }
    }

    /// `某镇税源管理不因小而不为` ⏎ `老小区改造工程全面启动` ⏎ `信息短波` …: an e-paper's list of the page's
    /// headlines after the story, four or more short lines without a sentence, one of them the story's own
    /// title as printed above it.
    private static func markPageHeadlines(_ lines: [PhysicalLine], _ keep: inout [Bool]) {
        func isHeadline(_ s: [Unicode.Scalar]) -> Bool {
            !s.isEmpty && s.count <= 30 && !s.contains { $0 == "。" || $0 == "，" || $0 == "！" || $0 == "？" || $0 == "," }
        }
        guard let lastSentence = lines.lastIndex(where: { $0.scalars.contains("。" as Unicode.Scalar) }) else { return }
        var i = lastSentence + 1
        while i < lines.count {
            var j = i
            while j < lines.count, !keep[j] || isHeadline(lines[j].scalars) { j += 1 }
            let listed = (i..<j).filter { keep[$0] }
            if listed.count >= 4, listed.contains(where: { k in lines[..<lastSentence].contains { $0.scalars == lines[k].scalars } }) {
                for k in listed { keep[k] = false }
            }
            i = j + 1
        }
    }

    private static func isMenuItem(_ line: [Unicode.Scalar]) -> Bool {
        // Separators left between menu items when the markup is stripped: `|`, `>`, `> 正文`.
        if let first = line.first, separators.contains(first), line.count <= 6 { return true }
        guard line.count <= 4 else { return false }
        return !line.contains { ScalarClass.isPunctuation($0) || CharacterClass.isASCIIDigit($0) }
    }

    /// A sidebar heading and the short unpunctuated headlines listed under it, when the list runs into
    /// more furniture or the end of the page (a list followed by text could be the article's own title).
    private static func markSidebars(_ lines: [PhysicalLine], _ boilerplate: [Bool], _ keep: inout [Bool]) {
        var i = 0
        while i < lines.count {
            guard lines[i].scalars.count <= 6, sidebarHeads.contains(lines[i].scalars) else {
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

    /// A list of other pages' headlines, each followed by its age (`1小時前`, `13分鐘前`) and often
    /// printed twice (the link and its text): with two or more ages on the page, the one or two short
    /// unpunctuated lines above each age go with it.
    private static func markAgedHeadlines(_ lines: [PhysicalLine], _ keep: inout [Bool]) {
        let ages = lines.indices.filter { DebrisLine.isAge(lines[$0].scalars) }
        guard ages.count >= 2 else { return }
        for age in ages {
            var k = age - 1
            while k >= 0, age - k <= 2, keep[k], isListedHeadline(lines[k].scalars, longest: 40) {
                keep[k] = false
                k -= 1
            }
        }
    }

    /// An encyclopedia infobox copied above the article (`中文名` ⏎ `某某日报` ⏎ `创刊` ⏎ `1945年12月1日` …):
    /// three or more of its field names each alone on a line with its value on the next, and the
    /// department phone lines (`广告部电话:0451-…`) that follow it. Its name and founding date are
    /// not the article's title or date.
    private static func markInfobox(_ lines: [PhysicalLine], _ keep: inout [Bool]) {
        var i = 0
        while i < lines.count {
            var j = i
            var fields = 0
            while j + 1 < lines.count, keep[j], keep[j + 1], lines[j].scalars.count <= 5, infoboxFields.contains(lines[j].scalars),
                  lines[j + 1].scalars.count <= 40, !lines[j + 1].scalars.endsSentence {
                fields += 1
                j += 2
            }
            guard fields >= 3 else {
                i = max(j, i + 1)
                continue
            }
            while j < lines.count, isPhoneLine(lines[j].scalars) { j += 1 }
            for k in i..<j { keep[k] = false }
            i = j
        }
    }

    private static let infoboxFields: Set<[Unicode.Scalar]> = Set(Needles.of([
        "中文名", "中文名称", "外文名", "外文名称", "别名", "簡稱", "简称", "创刊", "创刊时间", "创办时间", "成立时间", "創刊", "創刊時間",
        "归属", "歸屬", "主管单位", "主办单位", "主管單位", "主辦單位", "主管", "主办", "地区", "地區", "所属地区", "地理位置",
        "类别", "類別", "类型", "性质", "出版周期", "刊期", "语种", "語種", "语言", "国内刊号", "国际刊号", "邮发代号", "行政区类别",
        "面积", "人口", "电话区号", "邮政编码", "政府驻地", "总部地点", "现任社长", "社长", "总编辑", "发行范围", "发行量",
    ]))

    /// `广告部电话:0451-84655043`: a department's phone number and nothing else.
    static func isPhoneLine(_ line: [Unicode.Scalar]) -> Bool {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }), colon >= 2, colon <= 10,
              Array(line[(colon - 2)..<colon]) == phone else { return false }
        let number = line[(colon + 1)...]
        return number.count >= 7 && number.allSatisfy { CharacterClass.isASCIIDigit($0) || $0 == "-" || $0 == " " }
    }

    private static let phone = Array("电话".unicodeScalars)

    private static func isListedHeadline(_ line: [Unicode.Scalar], longest: Int = 30) -> Bool {
        guard line.count <= longest, !line.endsSentence else { return false }
        if line.count <= 5, sidebarHeads.contains(line) { return true }
        return !line.contains { $0 == "，" || $0 == "；" || $0 == "：" }
    }
}
