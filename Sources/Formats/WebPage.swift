import Decode
import ReportModel

/// A saved web page: charset from a BOM or `<meta charset>`; navigation, breadcrumbs, sidebars,
/// footers and scripts dropped.
public struct WebPage: DocumentFormat {
    public init() {}

    public var name: SourceFormat { .html }

    /// Markup at the start of the text: `<!doctype html`, `<html`, or a `<head` near the top, after any
    /// BOM and white space. UTF-16 pages are recognised too (their ASCII bytes alternate with NULs).
    public func recognizes(_ bytes: [UInt8]) -> Bool {
        var head = Array(bytes.prefix(2048))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            head.removeFirst(3)
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.prefix(64).filter({ $0 == 0 }).count > 16 {
            head = head.filter { $0 != 0 && $0 != 0xFF && $0 != 0xFE }
        }
        guard let first = head.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) }),
              head[first] == UInt8(ascii: "<") else { return false }
        let start = head[first...].prefix(512).map { MarkupScanner.lower($0) }
        return start.starts(with: Array("<!doctype html".utf8)) || start.starts(with: Array("<html".utf8))
            || Self.contains(start, Array("<head".utf8))
    }

    public func read(_ bytes: [UInt8], options: ReadOptions) throws(FormatError) -> ExtractedDocument {
        let decoded: (text: String, encoding: TextEncoding, warnings: [String])
        do { decoded = try HTMLCharset.decode(bytes) } catch { throw FormatError(error) }
        let page = HTMLReader().readPage(decoded.text)
        let h1 = ExtractedDocument.firstHeading(page.lines)
        return ExtractedDocument(lines: page.lines, format: .html, encoding: decoded.encoding, warnings: decoded.warnings,
                                 titleHint: h1, fallbackTitle: h1 == nil ? HTMLReader.titleElement(decoded.text) : nil,
                                 metadata: page.metadata)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
