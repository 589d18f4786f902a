/// Dates written in Chinese numerals, as official documents sign them: `二〇二三年五月十二日`.
enum ChineseDate {
    /// A flat table, not a dictionary: `MetaLine` asks it of every digit-like character it meets.
    static let digits = ScalarMap<Int>([
        ("〇", 0), ("○", 0), ("零", 0), ("Ｏ", 0), ("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9),
    ])

    static func isNumeral(_ s: Unicode.Scalar) -> Bool { digits[s] != nil || s == "十" }

    /// A date starting exactly at `start`: four numeral digits, 年, a month and a day up to 三十一, 日.
    static func date(in s: [Unicode.Scalar], at start: Int) -> DateScanner.Found? {
        guard start + 8 <= s.count else { return nil }
        var year = 0
        for k in 0..<4 {
            guard let d = digits[s[start + k]] else { return nil }
            year = year * 10 + d
        }
        guard (1900...2099).contains(year), s[start + 4] == "年" else { return nil }
        var i = start + 5
        guard let month = small(s, &i), (1...12).contains(month), i < s.count, s[i] == "月" else { return nil }
        i += 1
        guard let day = small(s, &i), (1...31).contains(day), i < s.count, s[i] == "日" || s[i] == "号" else { return nil }
        return DateScanner.Found(range: start..<(i + 1), iso: DateScanner.iso(year, month, day))
    }

    /// `五`, `十`, `十二`, `二十`, `三十一`.
    private static func small(_ s: [Unicode.Scalar], _ i: inout Int) -> Int? {
        var value = 0
        var seen = false
        if i < s.count, let d = digits[s[i]], d > 0 {
            value = d
            seen = true
            i += 1
        }
        if i < s.count, s[i] == "十" {
            value = (seen ? value : 1) * 10
            seen = true
            i += 1
            if i < s.count, let d = digits[s[i]], d > 0 { value += d; i += 1 }
        }
        return seen ? value : nil
    }
}
