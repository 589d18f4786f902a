import Decode
import ReportModel

/// Finds a saved page's character encoding: a BOM first, then `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes, then the bytes themselves.
enum HTMLCharset {
    /// The charset a page declares in its first 4 KB, lowercased (`utf-8`, `gb2312`, …).
    static func declared(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096)).map { MarkupScanner.lower($0) }
        let needle = Array("charset".utf8)
        var p = 0
        while p + needle.count < head.count {
            if head[p] == needle[0], Array(head[p..<(p + needle.count)]) == needle {
                var q = p + needle.count
                while q < head.count, head[q] == 0x20 { q += 1 }
                if q < head.count, head[q] == 0x3D {
                    q += 1
                    while q < head.count, head[q] == 0x20 || head[q] == 0x22 || head[q] == 0x27 { q += 1 }
                    let s = q
                    while q < head.count, MarkupScanner.isNameByte(head[q]) { q += 1 }
                    if q > s { return String(decoding: head[s..<q], as: UTF8.self) }
                }
            }
            p += 1
        }
        return nil
    }

    /// The page as text, with the encoding used. A declared GB family charset is read as GB18030
    /// (its superset); a declaration that the bytes contradict falls back to detection.
    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> (text: String, encoding: TextEncoding, warnings: [String]) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, let charset = declared(bytes) {
            switch charset {
            case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn":
                if let text = TextDecoder.gb18030(bytes) { return (text, .gb18030, []) }
            case "utf-8", "utf8":
                if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8, []) }
            default:
                break
            }
        }
        let decoded = try TextDecoder().decode(bytes)
        return (decoded.text, decoded.encoding, decoded.warnings)
    }
}
