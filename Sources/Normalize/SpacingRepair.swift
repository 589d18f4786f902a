import Characters

/// Removes the spaces extraction and editors put into Chinese text, and fixes stray half-width commas.
///
/// - NBSPs and runs of spaces next to Chinese punctuation, or between a Chinese character and a digit
///   or Latin letter (`2129 部` → `2129部`, `“ 母亲湖” ，` → `“母亲湖”，`), go.
/// - A space between two Chinese characters stays (`记者 周晓岚` is how clean text writes it), as do
///   ideographic spaces inside a line (`成都日报　2023年5月12日`); an NBSP there becomes a space.
/// - A half-width comma between two Chinese characters becomes `，`.
enum SpacingRepair {
    /// Returns the number of spaces removed or commas widened.
    @discardableResult
    static func repair(_ line: inout [Unicode.Scalar]) -> Int {
        // Most lines need nothing: leave them without allocating.
        guard line.contains(where: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" || $0 == "," }) else { return 0 }
        let letterSpaced = closeLetterSpacing(&line)
        return letterSpaced + repairSpaces(&line)
    }

    /// A justified line stretched by spaces between single characters (`供 餐 时 间：午 餐`): three or
    /// more characters in a row standing alone between spaces lose the spaces. Words (`记者 周晓岚`) stay.
    static func closeLetterSpacing(_ line: inout [Unicode.Scalar]) -> Int {
        let n = line.count
        guard n >= 5, line.contains(" " as Unicode.Scalar) else { return 0 }
        var remove = [Bool](repeating: false, count: n)
        var found = 0
        var i = 0
        while i < n {
            // A run Han ␠ Han ␠ Han …
            guard CharacterClass.isHan(line[i]), i == 0 || !CharacterClass.isHan(line[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            var spaces: [Int] = []
            while j + 2 < n, line[j + 1] == " ", CharacterClass.isHan(line[j + 2]) {
                spaces.append(j + 1)
                j += 2
            }
            // The run must end at a non-Han character, or the last "character" is the start of a word.
            if spaces.count >= 2 || (found > 0 && spaces.count == 1), j + 1 >= n || !CharacterClass.isHan(line[j + 1]) {
                for k in spaces { remove[k] = true }
                found += spaces.count
            }
            i = j + 1
        }
        guard found > 0 else { return 0 }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n - found)
        for k in 0..<n where !remove[k] { out.append(line[k]) }
        line = out
        return found
    }

    static func repairSpaces(_ line: inout [Unicode.Scalar]) -> Int {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(line.count)
        var changed = 0
        var i = 0
        let n = line.count
        // In Chinese text even dashes take no spaces (`11:00 — 12:30`); English keeps them.
        let chinese = line.contains { CharacterClass.isHan($0) }
        while i < n {
            let s = line[i]
            if s == " " || s == "\u{A0}" || s == "\t" {
                var j = i
                var hadNBSP = false
                while j < n, line[j] == " " || line[j] == "\u{A0}" || line[j] == "\t" {
                    if line[j] != " " { hadNBSP = true }
                    j += 1
                }
                let before = out.last
                let after = j < n ? line[j] : nil
                if let b = before, let a = after, isSpaceless(b, a, chinese: chinese) {
                    changed += j - i
                } else if before == nil || after == nil {
                    changed += j - i
                } else if before == "\u{3000}" || after == "\u{3000}" {
                    changed += j - i
                } else {
                    out.append(" ")
                    if j - i > 1 || hadNBSP { changed += 1 }
                }
                i = j
                continue
            }
            if s == ",", let b = out.last, i + 1 < n, CharacterClass.isHan(b), CharacterClass.isHan(line[i + 1]) {
                out.append("，")
                changed += 1
                i += 1
                continue
            }
            out.append(s)
            i += 1
        }
        if changed > 0 { line = out }
        return changed
    }

    /// Whether no space belongs between these two neighbours in Chinese text.
    @inline(__always)
    static func isSpaceless(_ b: Unicode.Scalar, _ a: Unicode.Scalar, chinese: Bool) -> Bool {
        if chinese, ScalarClass.isCJKPunctuation(b) || ScalarClass.isCJKPunctuation(a) { return true }
        let bHan = CharacterClass.isHan(b)
        let aHan = CharacterClass.isHan(a)
        // Dashes and dots also appear in Latin text with spaces around them (`croutons — 8.50`).
        let bMark = ScalarClass.isCJKPunctuation(b) && !isLatinFriendly(b)
        let aMark = ScalarClass.isCJKPunctuation(a) && !isLatinFriendly(a)
        if bMark || aMark { return true }
        if isLatinFriendly(b) && (aHan || ScalarClass.isCJKPunctuation(a)) { return true }
        if isLatinFriendly(a) && (bHan || ScalarClass.isCJKPunctuation(b)) { return true }
        if CharacterClass.isASCIIDigit(b) && a == "%" { return true }
        if bHan && (isAlnum(a) || a == "%") { return true }
        if aHan && (isAlnum(b) || b == "%" || b == "." ) { return true }
        // `□ 陶世祥`: a byline mark takes no space.
        if b == "□" || b == "■" || b == "◆" || b == "◇" { return true }
        return false
    }

    /// ASCII or full-width digits and letters (spacing may be repaired before widths are folded).
    @inline(__always)
    private static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        CharacterClass.isASCIIAlnum(s) || (0xFF10...0xFF19).contains(s.value) || (0xFF21...0xFF3A).contains(s.value)
            || (0xFF41...0xFF5A).contains(s.value)
    }

    @inline(__always)
    private static func isLatinFriendly(_ s: Unicode.Scalar) -> Bool {
        s == "—" || s == "·" || s == "•" || s == "…" || s == "“" || s == "”" || s == "‘" || s == "’"
    }
}
