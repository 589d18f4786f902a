/// Traditional Chinese, seen through its simplified form: detection, conversion and search folding.
///
/// The pipeline analyses, classifies, extracts and indexes the simplified form of a text written in
/// traditional characters (`紅色物業` is read as `红色物业`), while the text itself is kept as written.
/// Every conversion here keeps the number of Unicode scalars: OpenCC's t2s maps characters one to one
/// and its phrase table (277 entries in OpenCC 1.1.6) maps phrases to phrases of the same length, which
/// `simplified` checks rather than trusts. So an offset in the simplified form is the same offset in
/// the text as written, and quotes can be taken from the original.
public enum SimplifiedChinese {
    /// Whether the text has any traditional-only character (one that OpenCC converts and that is not
    /// also an everyday simplified character). A scan of the UTF-8 bytes with a bit table: simplified
    /// text, nearly all input, pays only this.
    public static func hasTraditional(_ text: String) -> Bool {
        let table = TraditionalTable.shared
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                if lead < 0xE3 {   // ASCII, Latin, punctuation below U+3000: no Han character starts here
                    i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
                    continue
                }
                if lead < 0xF0 {
                    guard i + 2 < n else { return false }
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if table.isTraditional(value) { return true }
                    i += 3
                } else {
                    guard i + 3 < n else { return false }
                    let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    if table.isTraditional(value) { return true }
                    i += 4
                }
            }
            return false
        }
    }

    /// The simplified form of a text, with exactly as many scalars as the text: through OpenCC's t2s
    /// (which gets phrases such as 乾隆 and 瞭解 right) when the text has traditional characters,
    /// character by character from OpenCC's table if OpenCC is missing or would change the length.
    /// Text without traditional characters is returned as it is.
    public static func simplified(_ text: String) -> String {
        guard hasTraditional(text) else { return text }
        if let converted = OpenCCConverter.t2s?.convert(text),
           converted.unicodeScalars.count == text.unicodeScalars.count {
            return converted
        }
        return folded(text)
    }

    /// Whether OpenCC and its t2s configuration could be opened (the daemon warns at start when not).
    public static var isOpenCCAvailable: Bool { OpenCCConverter.t2s != nil }

    /// Character-level folding for search: every traditional-only character becomes its simplified
    /// character. The index and the query are folded alike, so `物业` finds `物業` and the reverse.
    public static func folded(_ text: String) -> String {
        guard hasTraditional(text) else { return text }
        let table = TraditionalTable.shared
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = table.simplified(scalar.value)
            out.append(value == scalar.value ? scalar : Unicode.Scalar(value) ?? scalar)
        }
        return String(out)
    }

    /// One scalar folded as `folded` does (for matching scalar by scalar, as snippets do).
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = TraditionalTable.shared.simplified(scalar.value)
        return value == scalar.value ? scalar : Unicode.Scalar(value) ?? scalar
    }
}
