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
            switch v {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF05:  // digits, letters, ％
                line[i] = Unicode.Scalar(v - 0xFEE0)!
                changed += 1
            case 0xFF0E:  // ． is a decimal point only between digits
                if i > 0, i + 1 < line.count, isDigit(line[i - 1]), isDigit(line[i + 1]) {
                    line[i] = "."
                    changed += 1
                }
            default:
                continue
            }
        }
        return changed
    }

    @inline(__always)
    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isASCIIDigit(s) || (0xFF10...0xFF19).contains(s.value)
    }
}
