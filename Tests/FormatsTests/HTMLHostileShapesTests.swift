import Testing
@testable import Formats

/// Saved pages of hostile shapes at megabyte sizes: reading stays linear (a quadratic reader took
/// 23 s on 800 KB) and never recurses as deep as the page is long (a page of unclosed tags crashed it).
@Suite(.serialized) struct HTMLHostileShapesTests {
    static let sentence = "老旧小区加装电梯工作持续推进，居民满意度不断提升。"

    /// A page of about `bytes` bytes: `unit` repeated between a head and a tail.
    static func page(_ bytes: Int, head: String = "<html><head><meta charset=\"utf-8\"></head><body>",
                     unit: String, tail: String = "</body></html>") -> [UInt8] {
        let count = max(1, bytes / unit.utf8.count)
        return Array((head + String(repeating: unit, count: count) + tail).utf8)
    }

    static let shapes: [(String, [UInt8])] = [
        ("paragraphs", page(1 << 20, unit: "<p>\(sentence)</p>\n")),
        ("unclosed spans (deep nesting)", page(1 << 20, unit: "<span class=\"x\">字")),
        ("unclosed divs with text", page(1 << 20, unit: "<div class=\"c\">\(sentence)")),
        ("table rows never closed", page(1 << 20, unit: "<tr><td><font size=3>\(sentence)<br>\r\n")),
        ("stray end tags", page(1 << 20, unit: "</span></b>\(sentence)")),
        ("one huge line", page(1 << 20, unit: sentence)),
        ("one long attribute", Array(("<html><body><p title=\"" + String(repeating: "a", count: 1 << 20) + "\">正文</p></body></html>").utf8)),
        ("an unclosed quote", Array(("<html><body><p class=\"x>" + String(repeating: sentence, count: 20_000)).utf8)),
        ("an unclosed comment", Array(("<html><body><!-- " + String(repeating: sentence, count: 20_000)).utf8)),
        ("many nested header blocks", page(1 << 20, unit: "<div class=\"top\"><p>\(sentence)</p>")),
        ("lone angle brackets", page(1 << 20, unit: "a < b <= c <1 \(sentence)")),
        ("entities", page(1 << 20, unit: "&nbsp;&amp;&#x4E00;&bogus;&#99999999;\(sentence)")),
    ]

    @Test(arguments: shapes.map(\.0))
    func aMegabytePageIsReadInLinearTime(shape: String) throws {
        let bytes = try #require(Self.shapes.first { $0.0 == shape }?.1)
        let clock = ContinuousClock()
        var document: ExtractedDocument?
        let elapsed = clock.measure { document = try? DocumentReader().readHTML(bytes) }
        // Serialized, so the clock measures this page alone: linear reading takes 1–4 s in a debug build on
        // a busy machine; the quadratic reader took minutes.
        #expect(elapsed < .seconds(20), "\(shape): \(elapsed)")
        #expect(document != nil)
    }

    /// Text inside a page nested far deeper than the depth limit is still read.
    @Test func textBelowTheDepthLimitIsKept() throws {
        let deep = String(repeating: "<div>", count: 5_000) + "<p>最深处的正文段落，说明加装电梯。</p>"
        let doc = try DocumentReader().readHTML(Array(("<html><body>" + deep + "</body></html>").utf8))
        #expect(doc.lines.map(\.text).contains("最深处的正文段落，说明加装电梯。"))
    }

    /// End tags close what they name even when it was opened near the depth limit.
    @Test func closingTagsStillCloseAfterDeepNesting() throws {
        let html = "<html><body>" + String(repeating: "<span>", count: 1_000) + "前文" + String(repeating: "</span>", count: 1_000)
            + "<div><p>第一段正文，社区更新。</p></div><div><p>第二段正文，加装电梯。</p></div></body></html>"
        let nodes = HTMLReader.parse(html)
        // Both divs hang off <body>, not off the last span.
        let body = try #require(nodes.firstIndex { $0.name == "body" })
        #expect(nodes.filter { $0.name == "div" }.allSatisfy { $0.parent == body })
    }
}
