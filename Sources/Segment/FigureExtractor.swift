import Characters
import ReportModel

/// Finds Arabic-numeral quantities with their unit (`2129部`, `99.4%`, `1.2亿元`, `300至500户`).
///
/// Not figures: dates, years, clock times, phone and document numbers, postcodes, page and
/// building/room numbers, numbering (`附件：1.`), and anything written in Chinese numerals.
enum FigureExtractor {
    static func figures(in line: Line) -> [Figure] {
        // Units are matched in simplified script (`萬平方米` as `万平方米`) and reported as written.
        let written = line.scalars
        let s = TraditionalFold.fold(written)
        let folded = s != written
        var out: [Figure] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isASCIIDigit(s[i]) else { i += 1; continue }
            let start = i
            var end = numberEnd(s, from: i)
            // Glued to letters, codes, dates, phones and clock times: skip the whole token.
            if isCodeOrTime(s, start: start, end: end) {
                i = tokenEnd(s, from: end)
                continue
            }
            var valueEnd = end
            // A range written whole: 300至500户, 5000-12000人.
            if end + 1 < s.count, rangeMarks.contains(s[end]), CharacterClass.isASCIIDigit(s[end + 1]) {
                let second = numberEnd(s, from: end + 1)
                if unit(in: s, at: skipApprox(s, second)) != nil {
                    valueEnd = second
                    end = second
                }
            }
            let unitStart = skipApprox(s, end)
            if let unit = unit(in: s, at: unitStart), !isExcluded(s, start: start, end: end, unit: unit, unitStart: unitStart) {
                let value = Scalars.string(s[start..<valueEnd].filter { !CharacterClass.isSpace($0) })
                var unitText = unit.text
                if folded {
                    unitText = written[unitStart..<(unitStart + unit.length)].filter { !FigureExtractor.approximations.contains($0) }
                }
                out.append(Figure(value: value, unit: Scalars.string(unitText), text: clause(written, around: start)))
                i = unitStart + unit.length
            } else {
                i = end
            }
        }
        return out
    }

    /// Approximation marks inside a unit (`万余户`), in either script; not part of the unit.
    static let approximations: Set<Unicode.Scalar> = ["余", "餘", "多"]

    static let rangeMarks: Set<Unicode.Scalar> = ["至", "到", "~", "～", "-", "—", "–"]

    /// End of `12`, `12.5`, `1,200`.
    static func numberEnd(_ s: [Unicode.Scalar], from: Int) -> Int {
        var i = from
        while i < s.count, CharacterClass.isASCIIDigit(s[i]) { i += 1 }
        if i + 1 < s.count, s[i] == "." || s[i] == "．", CharacterClass.isASCIIDigit(s[i + 1]) {
            i += 1
            while i < s.count, CharacterClass.isASCIIDigit(s[i]) { i += 1 }
        }
        return i
    }

    static func tokenEnd(_ s: [Unicode.Scalar], from: Int) -> Int {
        var i = from
        while i < s.count, CharacterClass.isASCIIDigit(s[i]) || CharacterClass.isASCIILetter(s[i]) || codeMarks.contains(s[i]) { i += 1 }
        return i
    }

    static let codeMarks: Set<Unicode.Scalar> = ["-", ":", "：", "×", "x", "X", "*", "/", ".", "_", "#"]

    private static func isCodeOrTime(_ s: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        if start > 0 {
            let before = s[start - 1]
            if CharacterClass.isASCIILetter(before) || before == "-" || before == "/" || before == "_" || before == "#" || before == "〔"
                || before == "[" || before == "第" || before == "." { return true }
            // `附件：1.` `附件1`: attachment numbering.
            if Scalars.find(attachment, in: Array(s[max(0, start - 4)..<start])) != nil { return true }
        }
        guard end < s.count else { return false }
        let after = s[end]
        if after == ":" || after == "×" || after == "*" || after == "/" || after == "_" { return true }
        if CharacterClass.isASCIILetter(after), !isLatinUnit(s, at: end) { return true }
        if after == "-", end + 1 < s.count, CharacterClass.isASCIIDigit(s[end + 1]) {
            // 2023-09-18 or 0731-8…: a date or phone, unless a unit follows the second number (5-10人).
            let second = numberEnd(s, from: end + 1)
            if second < s.count, s[second] == "-" || s[second] == "×" { return true }
            return end - start >= 3 && unit(in: s, at: second) == nil
        }
        return false
    }

    static let attachment = "附件".scalars

    /// `5000m²`, `3.2km`: a metric unit in Latin letters, not a code, ends the token.
    private static func isLatinUnit(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        for word in latinUnits where Scalars.has(s, word, at: i) {
            let end = i + word.count
            if end == s.count || !(CharacterClass.isASCIILetter(s[end]) || CharacterClass.isASCIIDigit(s[end])) { return true }
        }
        return false
    }

    static let latinUnits: [[Unicode.Scalar]] = ["km²", "m²", "m³", "km"].map(\.scalars)

    /// Years, dates and numbering that look like quantities.
    private static func isExcluded(_ s: [Unicode.Scalar], start: Int, end: Int, unit: Unit, unitStart: Int) -> Bool {
        let digits = end - start
        let text = unit.text
        if text == year {
            // 2023年 is a year; 1.2024年 is `1.` numbering before a year.
            if digits == 4, unitStart == end, !s[start..<end].contains(where: { !CharacterClass.isASCIIDigit($0) }) { return true }
            if let dot = s[start..<end].firstIndex(where: { $0 == "." || $0 == "．" }), end - dot - 1 == 4 { return true }
        }
        if text == day {
            // 5月11日 is a date; so is a bare `24日，` unless the words around it make it a span (`公示期7日`, `7日内`).
            var j = start - 1
            while j >= 0, CharacterClass.isSpace(s[j]) { j -= 1 }
            if j >= 0, s[j] == "月" { return true }
            let after = unitStart + unit.length
            let isSpan = (j >= 0 && durationCues.contains(s[j])) || unitStart > end
                || (after < s.count && spanFollowers.contains(s[after]))
            if !isSpan, digits <= 2, let n = Int(Scalars.string(s[start..<end])), n >= 1, n <= 31 { return true }
        }
        if text == year, unitStart == end, unitStart + 1 < s.count, s[unitStart + 1] == "代" {
            // `80年代` is a decade.
            return true
        }
        if text == building || text == block {
            // 3栋2单元, 3栋业主: an address, not a count (6栋26层 is a count).
            let after = unitStart + unit.length
            var k = after
            while k < s.count, CharacterClass.isASCIIDigit(s[k]) { k += 1 }
            if k > after, k < s.count, s[k] == "单" || s[k] == "室" || s[k] == "号" { return true }
            for word in addressFollowers where Scalars.has(s, word, at: after) { return true }
        }
        if start > 0, s[start - 1] == "第" { return true }
        return false
    }

    /// Words before `N日` that make it a number of days (`每15日`, `公示期7日`, `历时3日`).
    static let durationCues = ScalarSet("每期为共时续仅只满达过计约近需用历隔第逾超")
    /// Words after `N日` that make it a number of days (`7日内`, `3日以上`).
    static let spanFollowers = ScalarSet("内以之左前后")

    static let year = "年".scalars, day = "日".scalars, building = "栋".scalars, block = "幢".scalars

    static let addressFollowers: [[Unicode.Scalar]] = ["业主", "住户", "居民", "单元", "楼道", "门口"].map(\.scalars)

    /// Skips approximation marks between a number and its unit (`100余名`, `20多名`) and one stray space.
    static func skipApprox(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        if j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
        if j < s.count, s[j] == "余" || s[j] == "多" { j += 1 }
        return j
    }

    struct Unit {
        var text: [Unicode.Scalar]
        var length: Int
    }

    /// The longest unit at `i`: an optional 万/亿/千 magnitude and a measure word.
    static func unit(in s: [Unicode.Scalar], at i: Int) -> Unit? {
        guard i < s.count else { return nil }
        if s[i] == "%" || s[i] == "％" { return Unit(text: ["%"], length: 1) }
        var j = i
        var magnitude = 0
        if s[j] == "万" || s[j] == "亿" {
            magnitude = 1
            j += 1
            if j < s.count, s[j] == "余" || s[j] == "多" { j += 1 }
        }
        var best = 0
        if j < s.count, let candidates = measures[s[j]] {
            for word in candidates where word.count > best && Scalars.has(s, word, at: j) { best = word.count }
        }
        if best == 0 {
            guard magnitude == 1 else { return nil }
            return Unit(text: [s[i]], length: 1)
        }
        var text = Array(s[j..<(j + best)])
        if magnitude == 1 { text.insert(s[i], at: 0) }
        var length = j + best - i
        // `万元/户`, `元/平方米`: a rate keeps its denominator.
        let slash = j + best
        if slash + 1 < s.count, s[slash] == "/" || s[slash] == "／", let per = measures[s[slash + 1]],
           let word = per.first(where: { Scalars.has(s, $0, at: slash + 1) }) {
            text += ["/"] + word
            length += 1 + word.count
        }
        return Unit(text: text, length: length)
    }

    /// Measure words by first scalar, so the lookup is one dictionary probe.
    static let measures: ScalarMap<[[Unicode.Scalar]]> = {
        let words = [
            "个工作日", "个百分点", "个月", "个", "部", "户次", "户", "栋", "幢", "层", "次", "元", "名", "人次", "人", "位",
            "处", "条", "项", "座", "台", "支", "件", "份", "篇", "套", "间", "家", "所", "场", "起", "株", "棵", "辆",
            "块", "张", "种", "大类", "类", "批", "届", "轮", "路", "年", "天", "日", "小时", "分钟", "秒", "周岁", "周",
            "岁", "米", "公里", "千米", "厘米", "毫米", "平方米", "平方公里", "立方米", "公顷", "亩", "吨", "千瓦时",
            "千瓦", "千克", "公斤", "倍", "组", "队", "宗", "笔", "段", "盏", "根", "扇", "级", "册", "本", "首", "幅",
            "床", "节", "课时", "学时", "标段", "车次", "万", "亿", "片", "口", "眼", "栏", "站", "点位", "个点",
            "㎡", "平米", "平方", "m²", "m³", "km²", "km", "㎞", "立方", "辆次", "架次",
        ]
        return ScalarMap(words: words.map(\.scalars))
    }()

    /// The clause a number stands in: between the nearest clause breaks.
    static func clause(_ s: [Unicode.Scalar], around i: Int) -> String {
        var lo = i
        while lo > 0, !Scalars.isClauseBreak(s[lo - 1]) { lo -= 1 }
        var hi = i
        while hi < s.count, !Scalars.isClauseBreak(s[hi]) { hi += 1 }
        return Scalars.string(s[lo..<hi])
    }
}
