import Characters

/// Reads writers' names and affiliations from bylines, news openings, author lines and footers.
enum Bylines {
    /// Names from a byline line (`□陶世祥`, `本报记者 张三 李四`, `文/王五`), joined with `、`; nil when none.
    static func authors(fromByline line: Line) -> String? {
        var s = line.scalars[...]
        while let first = s.first, Line.bylineMarks.contains(first) || CharacterClass.isSpace(first) { s = s.dropFirst() }
        var rest = Line.closingSlashGap(Array(s))
        let folded = TraditionalFold.fold(rest)
        for prefix in bylineLeads where Scalars.has(folded, prefix) {
            rest = Array(rest[prefix.count...])
            // `文/摄`, `文/图`: the writer took the pictures too.
            if prefix.last == "/" || prefix.last == "／", let first = rest.first, "摄攝图圖".unicodeScalars.contains(first) { rest.removeFirst() }
            break
        }
        // `文/摄 黑龙江日报全媒体记者 吴利红 杨桂华`: the outlet and its label before the names.
        while let first = rest.first, CharacterClass.isSpace(first) || first == ":" || first == "：" { rest.removeFirst() }
        // (`新天水·天水日报记者 名`: an outlet's names joined by a middle dot.)
        let outlet = rest.prefix { CharacterClass.isHan($0) || $0 == "·" || $0 == "・" }
        if outlet.count >= reporter.count, outlet.count <= 20, let at = Scalars.find(reporter, in: TraditionalFold.fold(Array(outlet))) {
            rest = Array(rest[(at + reporter.count)...])
        }
        // `●何佳林 某某市融媒体中心记者 韩顺顺 文/图`: an outlet's reporter label between the names.
        rest = withoutInnerReporterLabels(rest)
        // `△唐彩凤代表展示领事巷改造前后照片`: a caption under its mark, one long run, no names in a row.
        // Names glued together start with a surname (`张三李四`); `焕然一新的领事巷` does not.
        // (`△焕然一新的领事巷(受访者供图)`: the credit in brackets is no part of the run.)
        // (`记者欧某某 通讯员陈某`: a helper's label opens a word of the byline, not of a caption.)
        let beforeBracket = rest.prefix { $0 != "(" && $0 != "（" }
        if beforeBracket.split(whereSeparator: { CharacterClass.isSpace($0) || $0 == "、" }).contains(where: { word in
            word.allSatisfy(CharacterClass.isHan) && (word.count > 9 || (word.count > 4 && !isSurname(word.first!)))
                && !helperWords.contains { Scalars.has(TraditionalFold.fold(Array(word)), $0) }
        }) {
            return nil
        }
        // `记者 王万盈  稿件来源:`: another field's label (left empty) after the names.
        if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            var label = colon
            while label > 0, CharacterClass.isHan(rest[label - 1]) { label -= 1 }
            rest = Array(rest[..<label])
        }
        // `記者某某／新北報導`: where the story was reported from, after the slash.
        if let slash = rest.lastIndex(where: { $0 == "/" || $0 == "／" }), case let after = TraditionalFold.fold(Array(rest[(slash + 1)...])),
           after.count >= 3, reportWords.contains(where: { Scalars.hasSuffix(after, $0, before: after.count) }) {
            rest = Array(rest[..<slash])
        }
        // `文/刘昌盛(某某公司党支部书记)`: the writer's post in brackets after the name.
        if let open = rest.firstIndex(where: { $0 == "(" || $0 == "（" }), open > 0 { rest = Array(rest[..<open]) }
        // `□ 陳 曦`: one name spaced out character by character.
        let hans = rest.filter { CharacterClass.isHan($0) }
        if hans.count >= 2, hans.count <= 4, rest.allSatisfy({ CharacterClass.isHan($0) || CharacterClass.isSpace($0) }),
           !rest.split(whereSeparator: CharacterClass.isSpace).contains(where: { $0.count > 1 }) {
            return Scalars.string(hans)
        }
        return joinedNames(in: cutAtHelpers(rest))
    }

    /// `何佳林 某某市融媒体中心记者 韩顺顺` → `何佳林 韩顺顺`: each word that carries an outlet's `记者` label
    /// keeps only what follows the label.
    static func withoutInnerReporterLabels(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let folded = TraditionalFold.fold(s)
        guard Scalars.find(reporter, in: folded) != nil else { return s }
        var out: [Unicode.Scalar] = []
        var start = 0
        while start <= s.count {
            var end = start
            while end < s.count, !CharacterClass.isSpace(s[end]) { end += 1 }
            let word = Array(folded[start..<end])
            // (`楊柳/本報記者/張輝` is a byline of its own: only a word of Han characters is an outlet's label.)
            if word.count > reporter.count, let at = Scalars.find(reporter, in: word), at >= 2, word[..<at].allSatisfy(CharacterClass.isHan) {
                out += s[(start + at + reporter.count)..<end]
            } else {
                out += s[start..<end]
            }
            if end < s.count { out.append(s[end]) }
            start = end + 1
        }
        return out
    }

    /// `…焕发出新的活力。 (刘天石)`: a reporter's name in brackets closing the last paragraph.
    static func trailingAuthor(_ line: Line) -> String? {
        let s = line.scalars
        // `(崔某某)` on its own line under the last paragraph, above the proof-reader's and editor's credits.
        if (4...5).contains(s.count), s[0] == "(" || s[0] == "（", s[s.count - 1] == ")" || s[s.count - 1] == "）" {
            let name = Array(s[1..<(s.count - 1)])
            let folded = TraditionalFold.fold(name)
            guard name.allSatisfy(CharacterClass.isHan), isPersonalName(folded), !MetaLine.isNotAName(folded) else { return nil }
            return Scalars.string(name)
        }
        guard s.count >= 6, let last = s.last, last == ")" || last == "）" else { return nil }
        guard let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.count - open - 2 >= 2, s.count - open - 2 <= 3 else { return nil }
        let name = Array(s[(open + 1)..<(s.count - 1)])
        // (`(挥戈)`: a pen name need not start with a surname; `(待续)` is no name.)
        guard name.allSatisfy(CharacterClass.isHan), open > 0,
              isSurname(name[0]) || !MetaLine.isNotAName(TraditionalFold.fold(name)) && !closingMarks.contains(TraditionalFold.fold(name)) else { return nil }
        let before = s[open - 1]
        return CharacterClass.isSpace(before) || Scalars.isSentenceEnd(before) || Scalars.isClosing(before) ? Scalars.string(name) : nil
    }

    /// `…以缓解居民“停车难”的问题。周某`: an e-paper's reporter named bare after the last full stop of the
    /// story (two or three Han scalars that read as a personal name, and nothing else).
    static func gluedClosingName(_ line: Line) -> String? {
        let s = line.scalars
        guard let stop = s.lastIndex(of: "。"), stop > 0, (2...3).contains(s.count - stop - 1) else { return nil }
        let name = Array(s[(stop + 1)...])
        let folded = TraditionalFold.fold(name)
        guard name.allSatisfy(CharacterClass.isHan), isPersonalName(folded), !MetaLine.isNotAName(folded),
              !Gazetteer.contains(folded) else { return nil }
        return Scalars.string(name)
    }

    /// What a bracket closing a story says when it names nobody.
    static let closingMarks: Set<[Unicode.Scalar]> = Set(["待续", "未完", "续完", "全文完", "完", "供图", "图片", "摄影", "视频", "图文",
                                                             "上", "中", "下", "续", "附图", "全文"].map(\.scalars))

    /// `…改造工程將使7.76萬人受益。□楊柳/本報記者/張輝`: a byline under its mark after the last sentence.
    static func gluedClosingByline(_ line: Line) -> [String]? {
        let s = line.scalars
        guard let mark = s.lastIndex(where: { Line.bylineMarks.contains($0) }), mark > 0, Scalars.isSentenceEnd(s[mark - 1]),
              s.count - mark <= 30 else { return nil }
        let names = authors(fromByline: Line(Scalars.string(s[mark...]))).map { $0.split(separator: "、").map(String.init) } ?? []
        let real = names.filter { !MetaLine.isNotAName(TraditionalFold.fold(Array($0.unicodeScalars))) }
        return real.isEmpty ? nil : real
    }

    /// `新华社记者 韩一 摄`, `记者黄二 摄`, `…开放。某媒体记者 韩一 黄二 摄`, `(吕四 摄)`: the photographers
    /// credited under a picture (or at the end of its caption), and the outlet before `记者`.
    static func photoCredit(_ line: Line) -> (names: [String], outlet: String?)? {
        // `新華社記者 黃偉 攝`: the words are read in the simplified fold, the names kept as written.
        // Most lines end otherwise: tell them before folding (攝 is the one character folded to 摄).
        let written = line.scalars
        guard let end = written.last(where: { !CharacterClass.isSpace($0) && $0 != ")" && $0 != "）" }), end == "摄" || end == "攝" else {
            return nil
        }
        var s = TraditionalFold.fold(written)
        var bracketed = false
        while let last = s.last, CharacterClass.isSpace(last) || last == ")" || last == "）" {
            if last != " " && !CharacterClass.isSpace(last) { bracketed = true }
            s.removeLast()
        }
        guard s.count >= 3, s.last == "摄" else { return nil }
        s.removeLast()
        // `记者谭俊杰/摄`: a slash between the name and the credit.
        if let last = s.last, last == "/" || last == "／" { s.removeLast() }
        let tail = max(0, s.count - 20)
        if let at = (tail..<s.count).last(where: { Scalars.has(s, reporter, at: $0) }) {
            let parts = written[(at + reporter.count)..<s.count].split(whereSeparator: { CharacterClass.isSpace($0) || $0 == "、" }).map(Array.init)
            // Several names each of two or three characters, or one name (spaced out or not).
            let names = parts.count >= 2 && parts.allSatisfy({ $0.count >= 2 && isSurname($0[0]) }) ? parts : [parts.flatMap { $0 }]
            guard names.count <= 3, names.allSatisfy({ $0.count >= 2 && $0.count <= 3 && $0.allSatisfy(CharacterClass.isHan) }) else { return nil }
            var begin = at
            while begin > 0, CharacterClass.isHan(s[begin - 1]), at - begin < 8 { begin -= 1 }
            return (names.map { Scalars.string($0) }, at - begin >= 2 ? Scalars.string(written[begin..<at]) : nil)
        }
        // `巴新建 摄` alone under a picture: a name set apart from the credit by a space, nothing else on
        // the line (`s` is the line before 摄, spaces kept; `bare` the same without them).
        let bare = written[..<s.count].filter { !CharacterClass.isSpace($0) }
        if !bracketed, bare.count >= 2, bare.count <= 3, bare.allSatisfy(CharacterClass.isHan), isSurname(bare[0]), s.count > bare.count {
            return ([Scalars.string(bare)], nil)
        }
        guard bracketed, let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return nil }
        let name = written[(open + 1)..<s.count].filter { !CharacterClass.isSpace($0) }
        guard name.count >= 2, name.count <= 3, name.allSatisfy(CharacterClass.isHan), isSurname(name[0]) else { return nil }
        return ([Scalars.string(name)], nil)
    }

    /// `老人們在食堂選購餐食 攝影 馬某某`, `…竣工。摄影：王某`: a photographer credited by label at the end of a
    /// caption.
    static func labelledPhotographer(_ line: Line) -> String? {
        let written = line.scalars
        guard written.count >= 5, let last = written.last, CharacterClass.isHan(last) else { return nil }
        var start = written.count
        while start > 0, CharacterClass.isHan(written[start - 1]), written.count - start < 4 { start -= 1 }
        let name = Array(written[start...])
        var label = start
        while label > 0, CharacterClass.isSpace(written[label - 1]) || written[label - 1] == "：" || written[label - 1] == ":" { label -= 1 }
        guard label < start, label >= photography.count, isPersonalName(TraditionalFold.fold(name)),
              Scalars.hasSuffix(TraditionalFold.fold(Array(written[(label - photography.count)..<label])), photography, before: photography.count) else { return nil }
        let before = label - photography.count
        guard before == 0 || CharacterClass.isSpace(written[before - 1]) || Scalars.isSentenceEnd(written[before - 1]) || Scalars.isClosing(written[before - 1]) else {
            return nil
        }
        return Scalars.string(name)
    }

    static let photography = "摄影".scalars

    /// `【某某新聞王小美/綜合報導】`, `〔記者王小美／新北報導〕`, `(某某時報/王小美報導)`: the outlet and reporter
    /// opening a Taiwanese news story.
    static func lenticularLead(_ line: Line) -> (names: [String], outlet: String?)? {
        let s = line.scalars
        guard let first = s.first, first == "【" || first == "[" || first == "〔" || first == "(" || first == "（",
              let close = s.prefix(40).firstIndex(where: { $0 == "】" || $0 == "]" || $0 == "〕" || $0 == ")" || $0 == "）" }),
              let slash = s[..<close].firstIndex(where: { $0 == "/" || $0 == "／" }) else { return nil }
        let after = Array(s[(slash + 1)..<close])
        guard reportWords.contains(where: { Scalars.find($0, in: after) != nil }) else { return nil }
        let before = Array(s[1..<slash])
        // `(某某時報/鄒某某報導)`: the outlet before the slash, the reporter after it.
        let named = Array(after.dropLast(2))
        if after.count >= 4, reportWords.contains(where: { Scalars.hasSuffix(after, $0, before: after.count) }),
           named.allSatisfy(CharacterClass.isHan), isPersonalName(TraditionalFold.fold(named)),
           let last = TraditionalFold.fold(before).last, MetaLine.outletEnds.contains(last) {
            return ([Scalars.string(named)], Scalars.string(before))
        }
        var start = before.count
        while start > 0, CharacterClass.isHan(before[start - 1]), before.count - start < 3 { start -= 1 }
        let name = Array(before[start...])
        guard name.count >= 2 else { return nil }
        var names = [Scalars.string(name)]
        // `〔記者黃某某、吳某某／綜合報導〕`: more reporters before the last, set apart by 、.
        while start >= 3, before[start - 1] == "、" {
            var from = start - 1
            while from > 0, CharacterClass.isHan(before[from - 1]), start - 1 - from < 3 { from -= 1 }
            let other = Array(before[from..<(start - 1)])
            guard other.count >= 2, isPersonalName(TraditionalFold.fold(other)) else { break }
            names.insert(Scalars.string(other), at: 0)
            start = from
        }
        var outletEnd = start
        if start >= reporter.count, Scalars.has(TraditionalFold.fold(Array(before[(start - reporter.count)..<start])), reporter) {
            outletEnd -= reporter.count   // `記者王小美`: the label is no part of the outlet
        }
        return (names, outletEnd > 0 ? Scalars.string(before[..<outletEnd]) : nil)
    }

    /// `報導` reaches the segmenter simplified as `报导`, the mainland word is `报道`.
    static let reportWords: [[Unicode.Scalar]] = ["報導", "报导", "报道"].map(\.scalars)

    /// Words that introduce names in a byline; `通讯员` and later helpers are not authors.
    static let bylineLeads: [[Unicode.Scalar]] =
        ["本报记者", "记者", "文/", "文／", "作者：", "作者:", "撰文：", "撰稿：", "文：", "图文：", "图文/"].map(\.scalars)
    static let helperWords: [[Unicode.Scalar]] = ["通讯员", "实习生", "见习记者", "实习记者", "摄影", "摄", "图/", "图／",
                                                  "责任编辑", "编辑", "报道"].map(\.scalars)

    /// `本报讯（记者 周晓岚 通讯员 何川）…`, `新华社北京12月3日电（记者 张三 李四）…`,
    /// `本报北京1月28日电 记者邱玥28日从…获悉`: the reporters named in a news opening, or nil.
    static func authors(fromNewsOpening line: Line) -> String? {
        let s = line.scalars
        guard s.count > 6 else { return nil }
        let written = Array(s[0..<min(s.count, 48)])
        // `新華社成都8月21日電（記者…）`: the words in the simplified fold, the names as written.
        let window = TraditionalFold.fold(written)
        // (`…11月27日电 (吴某某 曾某某)`: a space may stand between the dispatch and its bracket.)
        if let open = window.firstIndex(where: { $0 == "（" || $0 == "(" }),
           case let mark = window[..<open].lastIndex(where: { !CharacterClass.isSpace($0) }).map({ window[$0] }),
           open <= 8 || mark == "电" || mark == "讯",
           let close = window[open...].firstIndex(where: { $0 == "）" || $0 == ")" }) {
            let inner = Array(window[(open + 1)..<close])
            guard let at = Scalars.find(reporter, in: inner), at <= 4 else {
                // `新华网南京9月24日电(庞雪汀 宋亦闲)`, `某某在線河北消息(張某某)`: a wire's reporters named without the label.
                guard mark == "电" || mark == "讯" || Scalars.hasSuffix(window, news, before: open) else { return nil }
                // `本报讯(某报融媒 谢某某 通讯员 刘某某)`: the desk before the reporter, the correspondents after.
                var inner = cutAtHelpers(Array(written[(open + 1)..<close]))
                if let space = inner.firstIndex(where: CharacterClass.isSpace), case let desk = TraditionalFold.fold(Array(inner[..<space])),
                   MetaLine.isOutletName(desk) || Scalars.hasSuffix(desk, mediaDesk, before: desk.count) {
                    inner = Array(inner[(space + 1)...])
                }
                guard let credited = names(inAuthorLine: Line(Scalars.string(inner))), credited.count <= 4 else { return nil }
                return credited.joined(separator: "、")
            }
            let from = open + 1 + at + reporter.count
            return joinedNames(in: dispatchName(cutAtHelpers(Array(written[from..<close]))))
        }
        // `某某晚报讯(记者 凌某某/文 赖某某/图那边，…`: a bracket its page never closed, each name with its role.
        if let open = window.prefix(24).firstIndex(where: { $0 == "（" || $0 == "(" }), open > 0, window[open - 1] == "讯" || window[open - 1] == "电",
           let at = Scalars.find(reporter, in: Array(window[(open + 1)...].prefix(6))) {
            let names = roleCreditedNames(window, written, from: open + 1 + at + reporter.count)
            if !names.isEmpty { return names.joined(separator: "、") }
        }
        // No brackets: `…电 记者邱玥28日从…`, where the name runs into the sentence.
        guard let dispatch = window.firstIndex(where: { $0 == "电" || $0 == "讯" }), dispatch <= 24 else { return nil }
        var i = dispatch + 1
        while i < window.count, CharacterClass.isSpace(window[i]) || window[i] == "：" { i += 1 }
        // `某某新闻网讯 陈某某 郑某某 记者何某报道:`: correspondents named before the reporter.
        var before: [String] = []
        while !Scalars.has(window, reporter, at: i), before.count < 4 {
            var j = i
            while j < window.count, CharacterClass.isHan(window[j]), j - i < 5 { j += 1 }
            guard j < window.count, CharacterClass.isSpace(window[j]), isPersonalName(Array(window[i..<j])) else { break }
            before.append(Scalars.string(written[i..<j]))
            i = j
            while i < window.count, CharacterClass.isSpace(window[i]) { i += 1 }
        }
        guard Scalars.has(window, reporter, at: i) else { return nil }
        i += reporter.count
        while i < window.count, CharacterClass.isSpace(window[i]) { i += 1 }
        var run: [Unicode.Scalar] = []
        while i < window.count, CharacterClass.isHan(window[i]), run.count < 6 { run.append(written[i]); i += 1 }
        // `记者何某报道:`: the name before the credit's verb.
        if run.count >= 4, Scalars.hasSuffix(TraditionalFold.fold(run), reported, before: run.count) { run.removeLast(reported.count) }
        guard let first = run.first, isSurname(first) else { return nil }
        func withBefore(_ name: ArraySlice<Unicode.Scalar>) -> String { (before + [Scalars.string(name)]).joined(separator: "、") }
        if run.count <= 3, i < window.count, !CharacterClass.isHan(window[i]) {
            guard run.count >= 2 else { return nil }
            // `记者张某某 苏某某报道:`: more reporters after a space, the last before the credit's verb.
            var more: [String] = []
            var j = i
            while more.count < 4, j < window.count, CharacterClass.isSpace(window[j]) {
                while j < window.count, CharacterClass.isSpace(window[j]) { j += 1 }
                var k = j
                while k < window.count, CharacterClass.isHan(window[k]), k - j < 6 { k += 1 }
                var name = Array(window[j..<k])
                let credited = name.count >= 4 && Scalars.hasSuffix(name, reported, before: name.count)
                if credited { name.removeLast(reported.count) }
                guard isPersonalName(name), k == window.count || !CharacterClass.isHan(window[k]) else { break }
                more.append(Scalars.string(written[j..<(j + name.count)]))
                j = k
                if credited { break }
            }
            return ([withBefore(run[...])] + more).joined(separator: "、")
        }
        // The name ends where a verb or time word of the sentence begins.
        for length in [2, 3] where run.count > length && sentenceStarts.contains(TraditionalFold.map[run[length]] ?? run[length]) {
            return withBefore(run[..<length])
        }
        return nil
    }

    /// `凌某某/文 赖某某/图`: names each followed by its role (text, pictures, photographs).
    static func roleCreditedNames(_ window: [Unicode.Scalar], _ written: [Unicode.Scalar], from start: Int) -> [String] {
        var names: [String] = []
        var i = start
        while names.count < 4 {
            while i < window.count, CharacterClass.isSpace(window[i]) { i += 1 }
            var j = i
            while j < window.count, CharacterClass.isHan(window[j]), j - i < 4 { j += 1 }
            guard j + 1 < window.count, window[j] == "/" || window[j] == "／", "文图摄".unicodeScalars.contains(window[j + 1]),
                  isPersonalName(Array(window[i..<j])) else { break }
            names.append(Scalars.string(written[i..<j]))
            i = j + 2
        }
        return names
    }

    static let news = "消息".scalars, reported = "报道".scalars, mediaDesk = "融媒".scalars

    /// `高華謙台北5日電` (from `（中央社記者高華謙台北5日電）`): the name without the dispatch's place and date.
    static func dispatchName(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let digit = s.firstIndex(where: CharacterClass.isASCIIDigit), let last = s.last(where: { !CharacterClass.isSpace($0) }),
              last == "電" || last == "电" else { return s }
        let head = Array(s[..<digit])
        for length in [3, 2] where head.count - length >= 2 {
            if Gazetteer.contains(TraditionalFold.fold(Array(head.suffix(length)))) { return Array(head.dropLast(length)) }
        }
        return head
    }

    /// `中国义乌网5月27日讯(记者 袁乐 编辑 童晓)`: the editors named in a news opening's brackets, and the
    /// outlet before its dateline (`本报` names none).
    static func openingCredits(_ line: Line) -> (editors: [String], outlet: String?) {
        let s = line.scalars
        // `（中央社記者某某台北29日電）`: the words in the simplified fold, the outlet as written.
        let window = TraditionalFold.fold(Array(s.prefix(60)))
        var editors: [String] = []
        var outlet: String?
        if let open = window.prefix(24).firstIndex(where: { $0 == "（" || $0 == "(" }),
           let at = Scalars.find(reporter, in: Array(window[(open + 1)...])), (3...8).contains(at),
           MetaLine.outletEnds.contains(window[open + at]) {
            return ([], Scalars.string(s[(open + 1)...(open + at)]))
        }
        guard let dispatch = window.firstIndex(where: { $0 == "讯" || $0 == "电" }), dispatch >= 4 else { return ([], nil) }
        // The dateline `5月27日` right before 讯/电, and the outlet before it.
        var k = dispatch
        while k > 0, CharacterClass.isASCIIDigit(window[k - 1]) || window[k - 1] == "月" || window[k - 1] == "日" { k -= 1 }
        if k < dispatch, window[k..<dispatch].contains("月") {
            var lo = 0
            while lo < k, CharacterClass.isSpace(window[lo]) { lo += 1 }
            let name = window[lo..<k]
            if name.count >= 2, name.count <= 12, name.allSatisfy({ CharacterClass.isHan($0) || CharacterClass.isASCIILetter($0) }), !Scalars.has(Array(name), "本报".scalars) {
                outlet = Scalars.string(withoutDispatchPlace(Array(s[lo..<k])))
            }
        } else if dispatch >= 2, window[0..<dispatch].allSatisfy({ CharacterClass.isHan($0) || CharacterClass.isSpace($0) }) {
            let name = window[0..<dispatch].filter { !CharacterClass.isSpace($0) }
            if name.count >= 3, name.count <= 8, !Scalars.has(name, "本报".scalars), name.last == "网" || name.last == "社" || name.last == "报" {
                outlet = Scalars.string(name)
            }
        }
        if dispatch + 1 < window.count, window[dispatch + 1] == "(" || window[dispatch + 1] == "（",
           let close = window[(dispatch + 1)...].firstIndex(where: { $0 == ")" || $0 == "）" }) {
            let inner = Array(window[(dispatch + 2)..<close])
            if let at = Scalars.find("编辑".scalars, in: inner) {
                editors = MetaLine.personNames(in: Array(inner[(at + 2)...]))
            }
        }
        return (editors, outlet)
    }

    /// `新华社成都` (from `新华社成都8月21日电`), `中新网新疆吐鲁番`: the outlet without the places it filed from.
    static func withoutDispatchPlace(_ name: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var name = name
        while let shorter = withoutLastPlace(name) { name = shorter }
        return name
    }

    /// The name without one place at its end, where what is left ends as an outlet's name or is followed by another place.
    private static func withoutLastPlace(_ name: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for length in [4, 3, 2] where name.count - length >= 2 && Gazetteer.contains(TraditionalFold.fold(Array(name.suffix(length)))) {
            let rest = Array(name.dropLast(length))
            let folded = TraditionalFold.fold(rest)
            if let last = folded.last, MetaLine.outletEnds.contains(last) { return rest }
            // (`…新疆` before `吐鲁番`: the province it filed from, itself after the outlet.)
            if withoutLastPlace(rest) != nil { return rest }
        }
        return nil
    }

    /// Characters that begin the sentence after a reporter's name (`从`, `近日`, `日前`, `在`, `获悉`).
    static let sentenceStarts = ScalarSet("从在近日昨今前获了走来跟随采于到对")

    static let reporter = "记者".scalars

    /// `林志远　陈思彤`: a line of 1–6 personal names and nothing else, or nil.
    static func names(inAuthorLine line: Line) -> [String]? {
        guard line.count >= 2, line.count <= 30 else { return nil }
        var tokens: [[Unicode.Scalar]] = [[]]
        for scalar in withoutReportedFrom(line.scalars) {
            if CharacterClass.isSpace(scalar) || scalar == "、" || scalar == "，" || scalar == "," {
                if !tokens[tokens.count - 1].isEmpty { tokens.append([]) }
            } else if CharacterClass.isHan(scalar) || scalar == "·" {
                tokens[tokens.count - 1].append(scalar)
            } else {
                return nil
            }
        }
        let names = tokens.filter { !$0.isEmpty }
        guard !names.isEmpty, names.count <= 6, names.allSatisfy(isPersonalName) else { return nil }
        return names.map { Scalars.string($0) }
    }

    /// `黃某某 李某某 報導  / 台北市` → `黃某某 李某某`: a TV station's byline, the names set apart from `报道` and,
    /// after a slash, from where they reported (a place of two to six Han scalars). Other lines unchanged.
    static func withoutReportedFrom(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var names = s[...]
        if let slash = s.lastIndex(where: { $0 == "/" || $0 == "／" }) {
            let place = s[(slash + 1)...].drop(while: CharacterClass.isSpace)
            guard (2...6).contains(place.count), place.allSatisfy(CharacterClass.isHan) else { return s }
            names = s[..<slash]
        }
        while let last = names.last, CharacterClass.isSpace(last) { names = names.dropLast() }
        guard let last = names.last, last == "導" || last == "导" || last == "道" else { return s }
        let written = Array(names)
        guard let word = reportWords.first(where: { Scalars.hasSuffix(TraditionalFold.fold(written), $0, before: written.count) }),
              written.count > word.count, CharacterClass.isSpace(written[written.count - word.count - 1]) else {
            return s   // no `报道` at the end: not this form
        }
        return Array(written.dropLast(word.count))
    }

    /// Two to four Han scalars starting with a common surname (`此致` and `统筹共享` are not names).
    static func isPersonalName(_ name: [Unicode.Scalar]) -> Bool {
        guard name.count >= 2, name.count <= 4 else { return false }
        if name.count >= 3, compoundSurnames.contains(Scalars.string(name[0..<2])) { return true }
        return name.count <= 3 && isSurname(name[0])
    }

    static let compoundSurnames: Set<String> =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "轩辕", "司徒", "端木", "独孤"]

    /// The words of a `（作者系…）` footer without `作者系`.
    static func affiliation(fromFooter line: Line) -> String? {
        var s = Array(line.scalars.dropFirst())
        for prefix in Line.footerPrefixes where Scalars.has(s, prefix) {
            s = Array(s[prefix.count...])
            break
        }
        while let last = s.last, last == "）" || last == ")" || CharacterClass.isSpace(last) { s.removeLast() }
        while let first = s.first, first == "：" || first == ":" || CharacterClass.isSpace(first) { s.removeFirst() }
        return s.isEmpty ? nil : Scalars.string(s)
    }

    /// `（深圳大学建筑与城市规划学院，广东深圳518060）` → the institution, without place and postcode.
    static func affiliation(fromInstitutionLine line: Line) -> String? {
        var s = line.scalars
        guard let first = s.first, first == "（" || first == "(" else { return nil }
        s.removeFirst()
        if let last = s.last, last == "）" || last == ")" { s.removeLast() }
        if let comma = s.firstIndex(where: { $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" }) {
            s = Array(s[..<comma])
        }
        while let last = s.last, CharacterClass.isASCIIDigit(last) || CharacterClass.isSpace(last) { s.removeLast() }
        return s.isEmpty ? nil : Scalars.string(s)
    }

    /// Whether a line is a parenthesised institution line (`（某大学某学院，城市100000）`).
    static func isInstitutionLine(_ line: Line) -> Bool {
        guard line.count >= 6, line.count <= 60, let first = line.scalars.first, first == "（" || first == "(",
              let last = line.scalars.last, last == "）" || last == ")" else { return false }
        return institutionWords.contains { Scalars.find($0, in: line.scalars) != nil }
    }

    static let institutionWords: [[Unicode.Scalar]] =
        ["大学", "学院", "研究院", "研究所", "研究中心", "设计院", "党校", "科学院", "中心", "公司", "局", "委员会"].map(\.scalars)

    private static func cutAtHelpers(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var end = s.count
        let folded = TraditionalFold.fold(s)
        for word in helperWords {
            if let at = Scalars.find(word, in: folded), at < end { end = at }
        }
        return Array(s[..<end])
    }

    /// `…聯絡電話：04-2228(記者：張博瑞/台中報導)`, `…完工。(记者王岚 海曙记者站张黎升 通讯员杨燕)`: the
    /// reporters credited in brackets closing a paragraph, when the brackets hold a 记者 label.
    static func closingCredit(_ line: Line) -> [String]? {
        let s = line.scalars
        guard s.count >= 6, let last = s.last, last == ")" || last == "）",
              let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.count - open - 2 >= 4, s.count - open - 2 <= 40 else { return nil }
        var inner = Array(s[(open + 1)..<(s.count - 1)])
        var folded = TraditionalFold.fold(inner)
        guard Scalars.find(reporter, in: folded) != nil else { return reportedBy(inner, folded: folded) }
        // `海曙记者站张黎升`: a bureau before the name is no part of it.
        while let at = Scalars.find(bureau, in: folded) {
            var from = at
            while from > 0, CharacterClass.isHan(folded[from - 1]), at - from < 4 { from -= 1 }
            inner.replaceSubrange(from..<(at + bureau.count), with: reporter + [" "])
            folded.replaceSubrange(from..<(at + bureau.count), with: reporter + [" "])
        }
        guard let parsed = MetaLine.parse(inner), !parsed.authors.isEmpty else { return nil }
        return parsed.authors
    }

    static let bureau = "记者站".scalars

    /// `(某某周刊采编 袁小沖 摄影报道)`: a name set apart by spaces before `报道` or `摄影报道`, after the
    /// desk that sent it.
    private static func reportedBy(_ inner: [Unicode.Scalar], folded: [Unicode.Scalar]) -> [String]? {
        guard let tail = reportTails.first(where: { Scalars.hasSuffix(folded, $0, before: folded.count) }) else { return nil }
        let words = inner[..<(inner.count - tail.count)].split(whereSeparator: CharacterClass.isSpace)
        guard words.count >= 2, let name = words.last.map(Array.init), isPersonalName(TraditionalFold.fold(name)) else { return nil }
        return [Scalars.string(name)]
    }

    static let reportTails: [[Unicode.Scalar]] = ["摄影报道", "报道", "报导"].map(\.scalars)

    /// `[引文格式] 曾令婕,易思琼,邓昭华.广州市…[J].规划师,2025(6):122-130.`: the authors of a
    /// journal's suggested citation, before the first full stop of the reference.
    static func citationAuthors(_ line: Line) -> [String]? {
        let s = line.scalars
        var i = 0
        while i < s.count, s[i] == "[" || s[i] == "【" || s[i] == "［" || CharacterClass.isSpace(s[i]) { i += 1 }
        guard citationLabels.contains(where: { Scalars.has(s, $0, at: i) }) else { return nil }
        while i < s.count, !(s[i] == "]" || s[i] == "】" || s[i] == "］" || s[i] == ":" || s[i] == "：") { i += 1 }
        i += 1
        guard let stop = s[min(i, s.count)...].firstIndex(where: { $0 == "." || $0 == "．" }), stop - i <= 40 else { return nil }
        var names: [String] = []
        for token in s[i..<stop].split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || CharacterClass.isSpace($0) }) {
            let name = Array(token)
            guard isPersonalName(name) || (name.count == 2 && name.allSatisfy(CharacterClass.isHan)) else { return nil }
            names.append(Scalars.string(name))
        }
        return names.isEmpty ? nil : names
    }

    static let citationLabels: [[Unicode.Scalar]] = ["引文格式", "引用格式", "引用本文", "本文引用格式"].map(\.scalars)

    /// Splits on spaces and `、`; a run of several names written together is split at known surnames.
    static func joinedNames(in s: [Unicode.Scalar]) -> String? {
        var names: [String] = []
        var token: [Unicode.Scalar] = []
        // `MyGonews買購房地產新聞`: Han glued to a Latin word is a brand's name, not people's.
        var gluedToLatin = false
        func flush() {
            defer { token.removeAll() }
            guard !token.isEmpty, !gluedToLatin else { return }
            // `… 李某某 攝影報道`: the credit's words after the names.
            let folded = TraditionalFold.fold(token)
            if reportWords.contains(where: { Scalars.hasSuffix(folded, $0, before: folded.count) }) {
                token.removeLast(2)
                if MetaLine.notNames.contains(TraditionalFold.fold(token)) { return }
            }
            if token.count <= 4 {
                if token.count >= 2 { names.append(Scalars.string(token)) }
            } else {
                names.append(contentsOf: splitRun(token))
            }
        }
        var previous: Unicode.Scalar = " "
        for scalar in s {
            if CharacterClass.isHan(scalar) || scalar == "·" {
                if token.isEmpty { gluedToLatin = CharacterClass.isASCIILetter(previous) }
                token.append(scalar)
            } else {
                flush()
            }
            previous = scalar
        }
        flush()
        return names.isEmpty ? nil : names.joined(separator: "、")
    }

    /// `赵一鸣孙蕾` → [赵一鸣, 孙蕾]: prefers 3- then 2-character names that start with a common surname.
    static func splitRun(_ run: [Unicode.Scalar]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < run.count {
            let left = run.count - i
            if left <= 3 { out.append(Scalars.string(run[i...])); break }
            var taken = 0
            for length in [3, 2] where i + length < run.count {
                let restStart = run[i + length]
                if isSurname(run[i]), isSurname(restStart), left - length >= 2 {
                    taken = length
                    break
                }
            }
            if taken == 0 { taken = min(3, left) }
            out.append(Scalars.string(run[i..<(i + taken)]))
            i += taken
        }
        return out
    }

    /// A common surname, in either script (`劉` is `刘`).
    static func isSurname(_ c: Unicode.Scalar) -> Bool {
        surnames.contains(c) || TraditionalFold.map[c].map { surnames.contains($0) } ?? false
    }

    /// Common single-character Chinese surnames in simplified script (general knowledge, used only to
    /// split run-together names); `isSurname` folds traditional ones.
    static let surnames: Set<Unicode.Scalar> = Set(
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝奚郁濮蔺冀栗闻戈鄢鞠扈晁郦芮阎伏厉茅谈萧赖"
         + "相冼揭逯亓荆帅暴钮仝阚郗蔚甯晋衡宦阙巴").unicodeScalars)
}
