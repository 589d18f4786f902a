import Characters

/// Finds full dates (`2023年5月12日`, `2023-09-20`, `2023/9/20`, `2023.09.20`, `二〇二三年五月十二日`) in a line.
enum DateScanner {
    /// A date found in a line: where it stands and its `YYYY-MM-DD` form.
    struct Found {
        var range: Range<Int>
        var iso: String
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map(\.unicodeScalars).map(Array.init)

    /// The month (1–12) an English three-letter abbreviation at `i` names, or nil.
    static func englishMonth(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 3 <= s.count, CharacterClass.isASCIIUpper(s[i]) else { return nil }
        return englishMonths.firstIndex { s.has($0, at: i) }.map { $0 + 1 }
    }

    /// Every full date with a plausible year (1900–2099), month and day.
    static func dates(in s: [Unicode.Scalar]) -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isASCIIDigit(s[i]) || s[i] == "二" || s[i] == "一", i == 0 || !CharacterClass.isASCIIDigit(s[i - 1]) else { i += 1; continue }
            if let found = date(in: s, at: i) {
                out.append(found)
                i = found.range.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// A date starting exactly at `start`, or nil.
    static func date(in s: [Unicode.Scalar], at start: Int) -> Found? {
        if !CharacterClass.isASCIIDigit(s[start]) { return ChineseDate.date(in: s, at: start) }
        var i = start
        guard var year = number(s, &i, maxDigits: 4) else { return nil }
        let digits = i - start
        let rocEra = digits < 4 && afterROCEra(s, start)
        if digits <= 2 && !rocEra { return dayFirst(s, at: start) }
        // `民國113年5月1日`, `民國99年`, `113年3月24日`: a Taiwanese (Republic of China) year, 1911 + n.
        if digits == 3 || rocEra {
            guard rocEra || (100...150).contains(year) else { return nil }
            let j = skipSpaces(s, i)
            guard j < s.count, s[j] == "年" else { return nil }
            year += 1911
        } else if i - start != 4 {
            return nil
        }
        guard (1900...2099).contains(year) else { return nil }
        let afterYear = i
        i = skipSpaces(s, i)
        guard i < s.count else { return nil }
        // `2024 02/07 11:22:34`: year, a space, month/day and the clock time.
        if i > afterYear, CharacterClass.isASCIIDigit(s[i]) { return spacedMonthDay(s, start: start, year: year, at: i) }
        let separator = s[i]
        let chinese = separator == "年"
        guard chinese || separator == "-" || separator == "/" || separator == "." else { return nil }
        i = skipSpaces(s, i + 1)
        // `2026-Feb-22`: a Hong Kong site's month in English.
        if separator == "-", let month = englishMonth(s, at: i), i + 3 < s.count, s[i + 3] == "-" {
            var j = i + 4
            guard let day = number(s, &j, maxDigits: 2), (1...31).contains(day) else { return nil }
            return Found(range: start..<j, iso: iso(year, month, day))
        }
        guard let month = number(s, &i, maxDigits: 2), (1...12).contains(month) else { return nil }
        let afterMonth = i
        i = skipSpaces(s, i)
        // `2024年03 16`: an e-paper's date box, the day set apart from the month and nothing after it.
        if chinese, i > afterMonth, i < s.count, CharacterClass.isASCIIDigit(s[i]) {
            guard let day = number(s, &i, maxDigits: 2), (1...31).contains(day), skipSpaces(s, i) == s.count else { return nil }
            return Found(range: start..<i, iso: iso(year, month, day))
        }
        guard i < s.count, s[i] == (chinese ? "月" : separator) else { return nil }
        i = skipSpaces(s, i + 1)
        guard let day = number(s, &i, maxDigits: 2), (1...31).contains(day) else { return nil }
        if chinese {
            i = skipSpaces(s, i)
            guard i < s.count, s[i] == "日" || s[i] == "号" else { return nil }
            i += 1
        } else if i < s.count, CharacterClass.isASCIIDigit(s[i]) {
            return nil
        }
        return Found(range: start..<i, iso: iso(year, month, day))
    }

    /// `21-8-2009`, `04.12.2019`, `21/8/2009`: day, month, four-digit year (Hong Kong and European
    /// order). Read month first only where the first number cannot be a month and the second can
    /// only be a day (`8/21/2009`).
    private static func dayFirst(_ s: [Unicode.Scalar], at start: Int) -> Found? {
        var i = start
        guard let a = number(s, &i, maxDigits: 2), i < s.count else { return nil }
        let separator = s[i]
        guard separator == "-" || separator == "." || separator == "/" else { return nil }
        i += 1
        guard let b = number(s, &i, maxDigits: 2), i < s.count, s[i] == separator else { return nil }
        i += 1
        let yearStart = i
        guard let year = number(s, &i, maxDigits: 4), i - yearStart == 4, (1900...2099).contains(year) else { return nil }
        if i < s.count, CharacterClass.isASCIIDigit(s[i]) || s[i] == separator { return nil }
        let (day, month) = a <= 12 && b > 12 ? (b, a) : (a, b)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Found(range: start..<i, iso: iso(year, month, day))
    }

    /// `民國`/`民国` (spaces allowed) right before `start`.
    private static func afterROCEra(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var j = start
        while j > 0, CharacterClass.isSpace(s[j - 1]) { j -= 1 }
        guard j >= 2, s[j - 1] == "国" || s[j - 1] == "國" else { return false }
        return s[j - 2] == "民"
    }

    /// Month/day after a spaced year: `9月8日` (an e-paper's date box, `2024 9月8日 星期`), or `02/07`
    /// believed only with a clock time after it.
    private static func spacedMonthDay(_ s: [Unicode.Scalar], start: Int, year: Int, at from: Int) -> Found? {
        var i = from
        guard let month = number(s, &i, maxDigits: 2), (1...12).contains(month), i < s.count else { return nil }
        if s[i] == "月" {
            i += 1
            guard let day = number(s, &i, maxDigits: 2), (1...31).contains(day), i < s.count, s[i] == "日" || s[i] == "号" else { return nil }
            return Found(range: start..<(i + 1), iso: iso(year, month, day))
        }
        guard s[i] == "/" else { return nil }
        i += 1
        guard let day = number(s, &i, maxDigits: 2), (1...31).contains(day) else { return nil }
        let end = i
        i = skipSpaces(s, i)
        var hours = 0
        while i < s.count, CharacterClass.isASCIIDigit(s[i]) { i += 1; hours += 1 }
        guard (1...2).contains(hours), i + 2 < s.count, s[i] == ":", CharacterClass.isASCIIDigit(s[i + 1]), CharacterClass.isASCIIDigit(s[i + 2]) else { return nil }
        return Found(range: start..<end, iso: iso(year, month, day))
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let dd = d < 10 ? "0\(d)" : "\(d)"
        return "\(y)-\(mm)-\(dd)"
    }

    private static func number(_ s: [Unicode.Scalar], _ i: inout Int, maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while i < s.count, CharacterClass.isASCIIDigit(s[i]), digits < maxDigits {
            value = value * 10 + Int(s[i].value - 0x30)
            digits += 1
            i += 1
        }
        if i < s.count, CharacterClass.isASCIIDigit(s[i]) { return nil }
        return digits > 0 ? value : nil
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
        return j
    }

    /// A line that is nothing but a date (a sign-off date), possibly with a weekday or closing mark.
    static func isDateOnly(_ line: Line) -> Bool {
        guard line.count <= 24, let first = dates(in: line.scalars).first, first.range.lowerBound == 0 else { return false }
        var rest = 0
        for scalar in line.scalars[first.range.upperBound...] where !CharacterClass.isSpace(scalar) { rest += 1 }
        return rest <= 4
    }
}
