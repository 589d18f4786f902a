import Characters

/// Folds full-width digits and Latin letters to ASCII (２０２１ → 2021, ＰＰＰ → PPP, ９９．４％ → 99.4%).
///
/// Chinese punctuation keeps its full width: a blanket NFKC would turn `，：（）` into ASCII.
enum WidthFolding {
    /// Returns the number of scalars changed.
    @discardableResult
    static func fold(_ line: inout [Unicode.Scalar]) -> Int {
        var changed = 0
        for i in line.indices {
            let v = line[i].value
            if let twin = CharacterClass.asciiTwin(ofFullWidth: line[i]) {
                line[i] = twin
                changed += 1
                continue
            }
            switch v {
            case 0xFF0E:  // ． is a decimal point only between digits
                if i > 0, i + 1 < line.count, isDigit(line[i - 1]), isDigit(line[i + 1]) {
                    line[i] = "."
                    changed += 1
                }
            case 0x2215, 0x2044:  // ∕ and ⁄ stand for a slash (`記者某某∕新北報導`)
                line[i] = "／"
                changed += 1
            default:
                continue
            }
        }
        return changed
    }

    @inline(__always)
    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        CharacterClass.isASCIIDigit(s) || CharacterClass.isFullWidthDigit(s)
    }
}
