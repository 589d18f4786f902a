import Characters

/// One normalised line with what its own text says about it, before any context is used.
struct Line {
    let text: String
    let scalars: [Unicode.Scalar]
    /// Tests every later pass needs, computed once.
    private(set) var containsFullStop = false
    private(set) var isFooter = false
    private(set) var isByline = false
    private(set) var isTitleCandidate = false
    /// The line's reading as metadata, made once: the page's head lines are asked several times.
    private let memo = MetaMemo()

    /// `MetaLine.parse` of the line, made on first use.
    var meta: MetaLine.Parsed? {
        if let parsed = memo.parsed { return parsed }
        let parsed = MetaLine.parse(scalars)
        memo.parsed = .some(parsed)
        return parsed
    }

    init(_ text: String) {
        let all = Scalars.decode(text)
        var lo = 0, hi = all.count
        while lo < hi, CharacterClass.isSpace(all[lo]) { lo += 1 }
        while hi > lo, CharacterClass.isSpace(all[hi - 1]) { hi -= 1 }
        if lo == 0, hi == all.count {
            scalars = all
            self.text = text
        } else {
            scalars = Array(all[lo..<hi])
            self.text = Scalars.string(scalars)
        }
        containsFullStop = scalars.contains("。")
        isFooter = computeIsFooter
        isByline = computeIsByline
        isTitleCandidate = computeIsTitleCandidate
    }

    var count: Int { scalars.count }

    /// The last scalar that is not a closing quote or bracket.
    var lastMeaningful: Unicode.Scalar? {
        var i = scalars.count - 1
        while i >= 0, Scalars.isClosing(scalars[i]) { i -= 1 }
        return i >= 0 ? scalars[i] : nil
    }

    var endsSentence: Bool { lastMeaningful.map(Scalars.isSentenceEnd) ?? false }

    /// `（作者系…）`: the footer that names an article's author.
    private var computeIsFooter: Bool {
        guard count >= 4, scalars[0] == "（" || scalars[0] == "(" else { return false }
        for prefix in Line.footerPrefixes where Scalars.has(scalars, prefix, at: 1) { return true }
        return false
    }

    static let footerPrefixes: [[Unicode.Scalar]] = ["作者系", "作者为", "作者单位", "作者是", "作者："].map(\.scalars)

    /// `□陶世祥`, `本报记者 张三`, `文/李四`, `作者：王五`: a short line naming the writer.
    private var computeIsByline: Bool {
        guard count >= 1, count <= 30, !containsFullStop else { return false }
        if Line.bylineMarks.contains(scalars[0]) { return true }
        // `記者 張三`: the prefixes are looked up in the simplified fold (only for lines that could start one).
        guard Line.bylineFirsts.contains(scalars[0]) else { return false }
        // `文 / 刘昌盛`: spaces around the slash are read as none.
        let folded = TraditionalFold.fold(Line.closingSlashGap(Array(scalars.prefix(8))))
        for prefix in Line.bylinePrefixes where Scalars.has(folded, prefix) {
            return count > prefix.count
        }
        return false
    }

    /// `文 / X` as `文/X`: spaces around a slash in the first few scalars removed.
    static func closingSlashGap(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let slash = s.prefix(4).firstIndex(where: { $0 == "/" || $0 == "／" }) else { return s }
        var out = Array(s[..<slash]).reversed().drop(while: CharacterClass.isSpace).reversed() + [s[slash]]
        out += s[(slash + 1)...].drop(while: CharacterClass.isSpace)
        return out
    }

    static let bylineMarks = ScalarSet("□■◆◇●○▲△")
    static let bylineFirsts = ScalarSet("本记記通文作撰")
    static let bylinePrefixes: [[Unicode.Scalar]] =
        ["本报记者", "本报通讯员", "记者", "通讯员", "文/", "文／", "作者：", "作者:", "撰文：", "撰稿："].map(\.scalars)

    /// `一、`, `（二）`, `3.`, `第一`, `一是`: a numbered heading or list item (a paragraph, never a title).
    var isNumbered: Bool {
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" {
            return count > 2 && Line.chineseNumerals.contains(scalars[1])
        }
        if Line.chineseNumerals.contains(first) {
            var i = 1
            while i < count, Line.chineseNumerals.contains(scalars[i]) { i += 1 }
            return i < count && (scalars[i] == "、" || scalars[i] == "是" || scalars[i] == "．" || scalars[i] == ".")
        }
        if CharacterClass.isASCIIDigit(first) {
            var i = 1
            while i < count, CharacterClass.isASCIIDigit(scalars[i]) { i += 1 }
            return i < count && (scalars[i] == "、" || scalars[i] == "." || scalars[i] == "．" || scalars[i] == "）")
                && !(i + 1 < count && CharacterClass.isASCIIDigit(scalars[i + 1]))
        }
        if first == "第", count > 1, Line.chineseNumerals.contains(scalars[1]) { return true }
        return false
    }

    static let chineseNumerals = ScalarSet("一二三四五六七八九十")

    /// `时间：…`, `摘要：…`, `联系人：…`: a short label before a colon.
    var isLabelled: Bool { labelLength != nil }

    /// Scalars before a colon within the first seven (emoji included), or nil.
    var labelLength: Int? {
        for i in 0..<min(count, 8) where scalars[i] == "：" || scalars[i] == ":" {
            return i >= 1 ? i : nil
        }
        return nil
    }

    /// Short, unpunctuated at its end, not numbered or labelled: a title or headline if context agrees.
    private var computeIsTitleCandidate: Bool {
        guard count >= 2, count <= 60, !endsSentence, !containsFullStop, !isNumbered, !isLabelled,
              !isFooter, !isByline else { return false }
        if Scalars.has(scalars, Line.newsOpening) || Scalars.has(scalars, Line.editorNote) || Line.opensDispatch(scalars) { return false }
        // `近日有市民在领导信箱咨询`: a lead's first words, its sentence wrapped; a headline says what, not when.
        return !Line.leadOpenings.contains { count > $0.count + 2 && Scalars.has(scalars, $0) }
    }

    /// `中国宁波网讯 …`, `《某通讯社26日专讯》…`, `新华社成都8月21日电（记者…）`: a news story's dateline opening,
    /// which a hard-wrapped first line may show alone, never a title.
    static func opensDispatch(_ s: [Unicode.Scalar]) -> Bool {
        var i = 1
        while i < min(s.count, 24) {
            let c = s[i]
            if c == "讯" || c == "訊", dispatchBefore.contains(s[i - 1]) { return true }
            if c == "电" || c == "電", s[i - 1] == "日", i + 1 < s.count, s[i + 1] == "（" || s[i + 1] == "(" || s[i + 1] == " " { return true }
            i += 1
        }
        return false
    }

    /// What stands before 讯 in a dateline: an outlet (`网讯`, `报讯`, `社讯`) or a day (`27日讯`, `专讯`).
    static let dispatchBefore = ScalarSet("网網报報社日专專快电電台刊站")

    static let newsOpening = "本报讯".scalars
    static let leadOpenings: [[Unicode.Scalar]] = ["近日", "日前", "昨日", "近期", "连日来", "連日來"].map(\.scalars)
    static let editorNote = "编者按".scalars
}

/// Holds a line's metadata reading once made (the line itself is a value, copied freely).
private final class MetaMemo {
    var parsed: MetaLine.Parsed??
}
