import Characters
/// Reads a page's metadata lines: datelines and publish lines (`2022-12-03 11:00 来源：新华网`,
/// `发布日期：2020-05-12`, `时间：… 来源：…`), bylines and credits (`记者：张三`, `文/李四`,
/// `图文：王五`, `（记者 张三 李四）`), editor credits (`责任编辑：赵六`) and page counters
/// (`浏览：72次 评论：0`).
///
/// A line is parsed into labelled values, dates and leftover free text; it is *wholly* metadata when
/// what is left over is at most a short outlet name or edition mark next to a date or label. The
/// rules go by shape (a label word and a colon, a date, a counter), so any outlet or name is read.
enum MetaLine {
    /// What one line says.
    struct Parsed {
        /// ISO dates, in line order.
        var dates: [String] = []
        var source: String?
        var authors: [String] = []
        var editors: [String] = []
        /// Whether nothing but metadata (and a short outlet or edition mark) is on the line.
        var isMeta = false
        /// Whether the line had a label (`来源：`, `记者`) rather than only a date.
        var labelled = false
        /// Whether a journal issue (`2024年3期`, `2019年第4期`) was on the line.
        var issue = false
    }

    /// What a label introduces.
    enum Kind { case date, source, author, helper, editor, ignored, counter }

    struct Label {
        var word: [Unicode.Scalar]
        var kind: Kind
        /// Whether the label may run straight into its value with no colon or space (`记者张三`).
        var bare: Bool
    }

    /// Simplified only: `parse` looks them up in the text's simplified fold (`記者` is matched as `记者`).
    static let labels: [Label] = {
        func make(_ words: [String], _ kind: Kind, bare: Bool = false) -> [Label] {
            words.map { Label(word: Array($0.unicodeScalars), kind: kind, bare: bare) }
        }
        var all: [Label] = []
        all += make(["发布日期", "发布时间", "发表时间", "发表日期", "更新时间", "更新日期", "发稿时间", "成文日期", "发文日期",
                     "印发日期", "生成日期", "日期", "时间", "发布于", "发表于"], .date)
        all += make(["本文转自", "本文转载自", "信息来源", "消息来源", "文章来源", "本文来源", "稿件来源", "新闻来源", "来源", "稿源", "出处", "转自", "转载自", "发布机构",
                     "文章出处"], .source)
        all += make(["本报记者", "特约记者", "全媒体记者", "记者"], .author, bare: true)
        all += make(["作者", "撰文", "撰稿人", "撰稿", "文字", "图文", "文"], .author)
        all += make(["实习记者", "实习生", "通讯员", "本报通讯员", "见习记者"], .helper, bare: true)
        all += make(["责任编辑", "值班编辑", "网络编辑", "编辑", "责编", "主编", "编审", "选稿"], .editor)
        all += make(["文件编号", "发文字号", "文号", "索引号", "组配分类", "主题分类", "公开方式", "公开范围", "文件有效性", "有效性",
                     "实施日期", "施行日期", "生效日期", "失效日期", "废止日期", "统一编号", "发布机关", "文件状态",
                     "收集编辑", "上传者", "体裁分类"], .ignored)
        all += make(["审核", "审签", "审校", "校对", "终审", "初审", "复审", "监制", "美编", "策划", "统筹", "制作", "设计", "摄影", "摄像",
                     "图片", "图", "视频", "原标题", "分类", "栏目", "所属栏目", "发布单位", "出品"], .ignored)
        all += make(["浏览次数", "浏览量", "浏览", "阅读次数", "阅读量", "阅读数", "阅读", "点击数", "点击量", "点击率", "点击",
                     "访问量", "访问次数", "评论数", "评论", "点赞", "收藏", "转发", "分享到", "分享", "字号", "字体", "打印",
                     "只看该作者", "回帖奖励", "正序浏览", "倒序浏览", "阅读模式", "电梯直达"], .counter)
        return all.sorted { $0.word.count > $1.word.count }
    }()

    /// `labels` grouped by first character, longest first within each group.
    static let labelsByFirst = ScalarMap(Dictionary(grouping: labels, by: { $0.word[0] }).map { ($0.key, $0.value) })

    static let keywordLabels: [[Unicode.Scalar]] = ["关键字:", "关键字：", "关键词:", "关键词："].map { Array($0.unicodeScalars) }

    static let separators = ScalarSet("：:|｜/／︰丨")
    static let punctuation = ScalarSet("【】[]［］（）()〔〕<>《》「」『』·•|｜/／—-_,，、;；:： \t\u{3000}\u{A0}")

    /// Parses a line of at most 120 scalars; nil for longer lines and sentences.
    static func parse(_ written: [Unicode.Scalar]) -> Parsed? {
        guard !written.isEmpty, written.count <= 120 else { return nil }
        // Labels are looked up in the simplified fold (`記者`, `來源`, `責任編輯`); values are cut from
        // the text as written. Folding never moves a position.
        let s = TraditionalFold.fold(written)
        var out = Parsed()
        var free: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var gluedFree = false
        func endFree() {
            if !current.isEmpty { free.append(current); current = [] }
        }
        var i = 0
        var freeAfterDate: Int?
        var afterClock = false
        while i < s.count {
            if let end = issueEnd(s, at: i) {
                out.issue = true
                endFree()
                i = end
                continue
            }
            if let end = dateEnd(s, at: i) {
                if let iso = DateScanner.date(in: s, at: i)?.iso { out.dates.append(iso) }
                // `第一财经2023-05-04` is an outlet glued to its date; a longer run is a title with its date.
                if current.count > 8 { gluedFree = gluedFree || !CharacterClass.isSpace(s[i - 1]) && !punctuation.contains(s[i - 1]) }
                endFree()
                i = end
                if i < s.count, CharacterClass.isHan(s[i]) {
                    freeAfterDate = free.count
                    afterClock = i >= 3 && s[i - 3] == ":"
                }
                continue
            }
            // `编辑:某某 2019-07-25 17:44:35 关键字:某某,某某,…`: the page's keywords after its publish fields.
            if i > 0, s[i] == "关", keywordLabels.contains(where: { Scalars.has(s, $0, at: i) }) {
                endFree()
                break
            }
            if atTokenStart(s, i), let (label, valueStart) = label(in: s, at: i) {
                endFree()
                out.labelled = true
                // `實施日期: 2020年06月05日`: a date that is not the page's (when a rule takes effect or lapses).
                if label.kind == .ignored, label.word.last == "期", let end = dateEnd(s, at: valueStart) {
                    i = end
                    continue
                }
                let valueEnd = self.valueEnd(s, from: valueStart)
                let value = Array(written[valueStart..<valueEnd])
                take(value, as: label.kind, into: &out)
                i = valueEnd
                continue
            }
            if punctuation.contains(s[i]) {
                endFree()
            } else {
                current.append(written[i])
            }
            i += 1
        }
        endFree()
        // `2021-09-01 08:15王小明李华`: names glued after the date.
        if let k = freeAfterDate, k < free.count, out.authors.isEmpty, free[k].count >= 4, free[k].count <= 12,
           case let names = Bylines.splitRun(free[k]), names.count >= 2,
           names.allSatisfy({ $0.unicodeScalars.count >= 2 && Bylines.isSurname($0.unicodeScalars.first!) }) {
            out.authors = names
            free.remove(at: k)
        }
        // `张文英 棕榈设计集团 2022-12-08` under a reposted article: the author, the account, the date;
        // `淄博日报 · 董某 | 2024-06-19 15:17:08`: the outlet, its writer, the date.
        if !out.labelled, !out.dates.isEmpty, out.authors.isEmpty, freeAfterDate == nil, free.count == 2,
           let k = [0, 1].first(where: { creditsWriter(free, at: $0) }) {
            out.authors = [Scalars.string(free[k])]
            out.source = Scalars.string(free[1 - k])
            free.removeAll()
        }
        // `…于2018年8月14日起公开展览`: a sentence runs on from its date (after a clock time,
        // `2010年11月10日00:00兰州晚报`, what follows is the outlet).
        if let k = freeAfterDate, k < free.count, free[k].count >= 4, out.authors.isEmpty, !afterClock { gluedFree = true }
        // `上海党史与党建 2024年3期`: the journal is the source.
        if out.issue, out.source == nil, let name = free.first(where: { $0.count >= 2 }) { out.source = Scalars.string(name) }
        // `广西日报 2017-05-24 07:15 大字`, `…2010年11月10日00:00  兰州晚报`: an outlet beside the date.
        if out.source == nil, !out.labelled, !out.dates.isEmpty, !gluedFree,
           let name = free.first(where: { isOutletName(TraditionalFold.fold($0)) }) {
            out.source = Scalars.string(name)
        }
        // `聯合報／ 記者某某／桃園報導`: the outlet before its reporter's label.
        if out.source == nil, !out.authors.isEmpty, let name = free.first, isOutletName(TraditionalFold.fold(name)) {
            out.source = Scalars.string(name)
        }
        // `A02版 2024年03月16日 要闻 扩展 收缩 默认`: an e-paper's view buttons beside its edition.
        free.removeAll { viewControls.contains($0) }
        // `2020-10-22新闻19`: the column and the view count glued after the date.
        if let k = freeAfterDate, k == free.count - 1, isColumnAndCount(free[k]) { free.removeLast() }
        // `发布于:2020-04-07 共6981字`: the article's length.
        free.removeAll(where: isWordCount)
        out.isMeta = judge(s, free: free, out: out, glued: gluedFree)
        return out
    }

    /// `共6981字`: how long the article is.
    static func isWordCount(_ t: [Unicode.Scalar]) -> Bool {
        t.count >= 3 && t.first == "共" && t.last == "字" && t.dropFirst().dropLast().allSatisfy(CharacterClass.isASCIIDigit)
    }

    /// `新闻19`: two to four Han characters and a number.
    static func isColumnAndCount(_ t: [Unicode.Scalar]) -> Bool {
        let word = t.prefix(while: CharacterClass.isHan)
        return (2...4).contains(word.count) && (1...6).contains(t.count - word.count) && t[word.count...].allSatisfy(CharacterClass.isASCIIDigit)
    }

    static let outletEnds = ScalarSet("报网社台")

    /// `广西日报`, `兰州晚报`, `新华社`: a name of three to eight Han characters ending as outlets do.
    static func isOutletName(_ t: [Unicode.Scalar]) -> Bool {
        guard (3...8).contains(t.count), t.allSatisfy(CharacterClass.isHan), let last = t.last else { return false }
        return outletEnds.contains(last) && !Scalars.has(t, "本报".scalars)
    }

    /// Buttons that change how a page is shown (its width, its font size), not words of the page.
    static let viewControls: Set<[Unicode.Scalar]> = Set(["扩展", "收缩", "默认", "放大", "缩小", "大字", "中字", "小字", "大", "中", "小"].map(\.scalars))

    /// `2024年3期`, `2019年第4期`: the index after a journal issue starting at `i`.
    static func issueEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 6 < s.count, i == 0 || !CharacterClass.isASCIIDigit(s[i - 1]) else { return nil }
        for k in 0..<4 where !CharacterClass.isASCIIDigit(s[i + k]) { return nil }
        guard s[i + 4] == "年" else { return nil }
        var j = i + 5
        if s[j] == "第" { j += 1 }
        var digits = 0
        while j < s.count, CharacterClass.isASCIIDigit(s[j]), digits < 3 { j += 1; digits += 1 }
        guard digits > 0, j < s.count, s[j] == "期" else { return nil }
        return j + 1
    }

    /// Whether leftover text is small enough for the line to be metadata.
    private static func judge(_ s: [Unicode.Scalar], free: [[Unicode.Scalar]], out: Parsed, glued: Bool) -> Bool {
        guard out.labelled || !out.dates.isEmpty || out.issue else { return false }
        if s.contains("。") || s.contains("！") || s.contains("？") { return false }
        let total = free.reduce(0) { $0 + $1.count }
        if total == 0 { return true }
        // `成都日报　2023年5月12日　第03版　城事`, `新华社 2022-12-03 11:00`: an outlet and an edition.
        guard !glued, free.count <= 4, free.allSatisfy({ $0.count <= 16 }), total <= 24 else { return false }
        if s.contains("，") { return false }
        return true
    }

    /// A date here, with an optional clock time and weekday after it: the index after them.
    static func dateEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard CharacterClass.isASCIIDigit(s[i]) || ChineseDate.isNumeral(s[i]), i == 0 || !CharacterClass.isASCIIDigit(s[i - 1]) else { return nil }
        var end: Int
        if let found = DateScanner.date(in: s, at: i) {
            end = found.range.upperBound
        } else if let clock = clockEnd(s, at: i) {
            return clock
        } else {
            return nil
        }
        var j = end
        while j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
        if let clock = clockEnd(s, at: j) { end = clock; j = end }
        while j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
        if j + 1 < s.count, s[j] == "星" && s[j + 1] == "期" { end = min(s.count, j + 3) }
        else if j + 1 < s.count, s[j] == "周", "一二三四五六日天".unicodeScalars.contains(s[j + 1]) { end = j + 2 }
        return end
    }

    /// `11:00`, `09:30:15`: the index after a clock time starting at `i`.
    static func clockEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        var groups = 0
        while true {
            var digits = 0
            while j < s.count, CharacterClass.isASCIIDigit(s[j]), digits < 3 { j += 1; digits += 1 }
            guard digits == 1 || digits == 2 else { return nil }
            groups += 1
            if groups < 3, j + 1 < s.count, s[j] == ":" || s[j] == "：", CharacterClass.isASCIIDigit(s[j + 1]) { j += 1; continue }
            break
        }
        guard groups >= 2, j >= s.count || !CharacterClass.isASCIIDigit(s[j]) else { return nil }
        return j
    }

    /// Labels start a line or follow a space or mark: `本报记者` inside a sentence is no label.
    private static func atTokenStart(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        if i == 0 || punctuation.contains(s[i - 1]) || !CharacterClass.isHan(s[i - 1]) { return true }
        // Glued to the word before (`吴闽来源:`, `全媒体记者`): only labels that are no common word.
        return !genericStarts.contains(s[i])
    }

    /// First characters of labels that are also everyday words (`时间`, `编辑`, `文`, `图`, `阅读`…).
    static let genericStarts = ScalarSet("时日编图文阅点评收转打字设制策统分栏视出浏审校监美终初复摄主公有")

    /// A label at `i` followed by its separator: the label and where its value starts.
    private static func label(in s: [Unicode.Scalar], at i: Int) -> (Label, Int)? {
        // Only the labels that start with this character: every position of every header line asks.
        guard let candidates = labelsByFirst[s[i]] else { return nil }
        for label in candidates where Scalars.has(s, label.word, at: i) {
            var j = i + label.word.count
            if j < s.count, separators.contains(s[j]) {
                j += 1
            } else if label.word == ["文"] || label.word == ["图"] {
                continue // `文` and `图` need their slash or colon: `文化`, `图书`.
            } else if j < s.count, CharacterClass.isSpace(s[j]) {
                // `记者 张三`, `编辑 李四`.
            } else if !(label.bare && j < s.count && CharacterClass.isHan(s[j])),
                      !((label.kind == .counter || label.kind == .ignored) && label.word.count >= 3 && j < s.count && CharacterClass.isASCIIDigit(s[j])) {
                // `发布日期2020-05-12` keeps going only before a digit.
                if !(label.kind == .date && j < s.count && CharacterClass.isASCIIDigit(s[j])) { continue }
            }
            while j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
            return (label, j)
        }
        return nil
    }

    /// A value runs to the next label or date.
    private static func valueEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count {
            if dateEnd(s, at: j) != nil, j == start || CharacterClass.isSpace(s[j - 1]) || !CharacterClass.isASCIIDigit(s[j - 1]) { return j }
            if atTokenStart(s, j), label(in: s, at: j) != nil, j == start || !CharacterClass.isHan(s[j - 1]) || !genericStarts.contains(s[j]) { return j }
            if s[j] == "【" || s[j] == "[" || s[j] == "［" { return j }
            j += 1
        }
        return j
    }

    private static func take(_ value: [Unicode.Scalar], as kind: Kind, into out: inout Parsed) {
        switch kind {
        case .date, .ignored, .counter:
            break
        case .source:
            let outlet = trimmedValue(value)
            if out.source == nil, !outlet.isEmpty, outlet.count <= 30 { out.source = Scalars.string(outlet) }
        case .author:
            out.authors += personNames(in: value)
        case .helper:
            break
        case .editor:
            out.editors += personNames(in: value)
        }
    }

    static func trimmedValue(_ value: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var lo = 0, hi = value.count
        while lo < hi, punctuation.contains(value[lo]) { lo += 1 }
        while hi > lo, punctuation.contains(value[hi - 1]) || value[hi - 1] == "）" { hi -= 1 }
        // `来源：新华网 作者：…` has stopped at the label; a trailing `北京报道` is not the outlet.
        if let space = value[lo..<hi].firstIndex(where: { CharacterClass.isSpace($0) }) { hi = space }
        return Array(value[lo..<hi])
    }

    /// Whether `pair[at]` is a writer's name and the other an account's (after the name) or an outlet's
    /// (before it): `张文英 棕榈设计集团`, `淄博日报 董某`.
    private static func creditsWriter(_ pair: [[Unicode.Scalar]], at k: Int) -> Bool {
        let name = pair[k], other = pair[1 - k]
        guard name.count <= 3, Bylines.isPersonalName(name), case let folded = TraditionalFold.fold(name), !isNotAName(folded) else { return false }
        return k == 0 ? other.count >= 3 && other.count <= 16 : isOutletName(TraditionalFold.fold(other)) && !Gazetteer.contains(folded)
    }

    /// Personal names in a credit's value: `张三 李四`, `张三、李四`, `赵一鸣孙蕾`, not `北京报道`.
    /// `胡晓军 王 洋` → `胡晓军 王洋`: a two-character name set out with a space to the width of three, as
    /// papers print bylines (a surname alone, a space, one more character alone).
    static func joiningSpacedNames(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains(where: CharacterClass.isSpace) else { return s }
        var out: [Unicode.Scalar] = []
        var i = 0
        func aloneHan(_ k: Int) -> Bool {
            k < s.count && CharacterClass.isHan(s[k]) && (k == 0 || !CharacterClass.isHan(s[k - 1])) && (k + 1 == s.count || !CharacterClass.isHan(s[k + 1]))
        }
        while i < s.count {
            if aloneHan(i), Bylines.isSurname(s[i]) {
                var j = i + 1
                while j < s.count, s[j] == " " || s[j] == "\u{3000}" { j += 1 }
                if j > i + 1, aloneHan(j) {
                    out += [s[i], s[j]]
                    i = j + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    static func personNames(in written: [Unicode.Scalar]) -> [String] {
        let value = joiningSpacedNames(written)
        var names: [String] = []
        var token: [Unicode.Scalar] = []
        var afterSlash = false
        func flush() {
            defer { token.removeAll() }
            var t = token
            for tail in nameTails where t.count > tail.count + 1 && Scalars.hasSuffix(TraditionalFold.fold(t), tail, before: t.count) {
                t.removeLast(tail.count)
                // `記者某某／桃園報導`: where the story was reported from, not who reported it.
                if tail.first == "报", case let place = TraditionalFold.fold(t), afterSlash || Gazetteer.contains(place)
                    || "市县区".unicodeScalars.contains(where: { Gazetteer.contains(place + [$0]) }) { return }
                break
            }
            guard t.count >= 2, !isNotAName(TraditionalFold.fold(t)) else { return }
            // `記者:某某 / 高雄市 報導`: the city after the slash, its `報導` set apart by a space.
            if afterSlash, case let place = TraditionalFold.fold(t), Gazetteer.contains(place)
                || "市县区".unicodeScalars.contains(place[place.count - 1]) && Gazetteer.contains(Array(place.dropLast())) { return }
            if t.count <= 4 {
                names.append(Scalars.string(t))
            } else if Bylines.isSurname(t[0]) {
                names += Bylines.splitRun(t)
            }
        }
        for scalar in value {
            if CharacterClass.isHan(scalar) || scalar == "·" {
                token.append(scalar)
            } else if scalar == "（" || scalar == "(" {
                break
            } else {
                // `責任編輯:某某 某某標題接8宗申請 涉及逾6000伙`: after the names, a run of text that is none
                // ends them (a page's footer repeats the title after its editor).
                let before = names.count
                let long = token.count > 4 && !Bylines.isSurname(token[0])
                let hadToken = !token.isEmpty
                flush()
                if long, before > 0, names.count == before { break }
                // (`某某 / 高雄市`: the spaces around the slash do not end what it introduces.)
                if scalar == "/" || scalar == "／" { afterSlash = true } else if hadToken { afterSlash = false }
            }
        }
        flush()
        return names
    }

    /// Words that follow a name in a credit (`张三报道`, `李四摄`).
    static let nameTails: [[Unicode.Scalar]] = ["报道", "报导", "整理", "摄影", "摄", "供图", "综合", "编译", "发自"].map(\.scalars)

    /// Tokens that are places, institutions or reporting words, not people.
    static func isNotAName(_ t: [Unicode.Scalar]) -> Bool {
        if let last = t.last, "报道局委会部办社网台院校所站处组团队室厅心司".unicodeScalars.contains(last) { return true }
        for word in notNames where Scalars.find(word, in: t) != nil { return true }
        if t.count == 4, !Bylines.isSurname(t[0]), !Bylines.compoundSurnames.contains(Scalars.string(t[0..<2])) { return true }
        return false
    }

    static let notNames: [[Unicode.Scalar]] = ["本报", "报道", "报导", "综合", "新闻", "日报", "晚报", "记者", "编辑", "通讯员", "实习",
                                               "来源", "发布", "北京", "上海", "市民", "网友", "本网", "客户端", "整理", "上传", "会员", "编辑部",
                                               "小编", "管理员", "佚名", "未知", "匿名", "摄影", "摄像", "图片", "视频"].map(\.scalars)
}
