/// The character classes every stage reasons about, defined once so the stages agree at the edges.
///
/// All take a `Unicode.Scalar` (never a `Character`) and are `@inlinable` because they sit in the hot
/// loops of normalising, segmenting, classifying and indexing.
public enum CharacterClass {
    /// A CJK ideograph: the basic block, extension A, the compatibility ideographs, the whole
    /// Supplementary and Tertiary Ideographic Planes (extensions B–J and the compatibility supplement),
    /// and 〇, the ideographic zero of dates such as 二〇二三年.
    ///
    /// Radicals, strokes and the iteration mark 々 are not ideographs; private-use scalars (E000–F8FF,
    /// planes 15–16) never are, though E000–F8FF sits right below the compatibility block.
    @inlinable @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3007: return true
        default: return false
        }
    }

    /// A scalar of a script written without spaces between words: ideographs, 々, kana and Hangul.
    /// The search index cuts these into bigrams instead of words.
    @inlinable @inline(__always)
    public static func isUnspaced(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        switch s.value {
        case 0x3005, 0x3040...0x30FF, 0xAC00...0xD7AF: return true
        default: return false
        }
    }

    /// A space within a line: tab, space, NBSP, the typographic spaces (U+2000–200A, narrow NBSP,
    /// medium mathematical space), the ideographic space, and the invisible zero-width space and BOM
    /// that extraction leaves behind. Line breaks are not spaces (see `isWhitespace`).
    @inlinable @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0x1680, 0xFEFF: return true
        default: return false
        }
    }

    /// A space or a line break: Unicode's White_Space plus the zero-width space and BOM.
    @inlinable @inline(__always)
    public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpace(s)
        }
    }

    @inlinable @inline(__always)
    public static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inlinable @inline(__always)
    public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// `A`–`Z` (an e-paper's lettered section: `A02版`).
    @inlinable @inline(__always)
    public static func isASCIIUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 0x41 && s.value <= 0x5A }

    @inlinable @inline(__always)
    public static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool { isASCIIDigit(s) || isASCIILetter(s) }

    /// A full-width digit (０–９).
    @inlinable @inline(__always)
    public static func isFullWidthDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0xFF10 && s.value <= 0xFF19 }

    /// The ASCII twin of a full-width digit, Latin letter or ％ (２ → 2, Ｐ → P), or nil.
    ///
    /// Only these fold: Chinese punctuation keeps its full width (a blanket NFKC would turn `，：（）`
    /// into ASCII), and `．` is a decimal point only between digits, which the caller decides.
    @inlinable @inline(__always)
    public static func asciiTwin(ofFullWidth s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF05: return Unicode.Scalar(s.value - 0xFEE0)
        default: return nil
        }
    }

    /// Set wide in East Asian typesetting (CJK symbols and ideographs, kana, full-width forms): a line
    /// break between two wide scalars joins them without a space.
    @inlinable @inline(__always)
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }
}
