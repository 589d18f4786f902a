import Decode
import ReportModel
import Testing
@testable import Formats

/// The registry routes by the bytes, never the name, and one sniffer tells a web page.
@Suite struct DocumentFormatsTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n...".utf8), SourceFormat.pdf),
        ([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], .docx),    // any zip: one that is no Word file fails as not_a_docx
        (Array("<!DOCTYPE html><html><body>社区</body></html>".utf8), .html),
    ] as [([UInt8], SourceFormat)])
    func formatsComeFromMagicNumbers(bytes: [UInt8], format: SourceFormat) {
        #expect(DocumentFormats.recognizing(bytes)?.name == format)
    }

    @Test func plainTextIsNoDocumentFormat() throws {
        #expect(DocumentFormats.recognizing(Array("城市更新，加装电梯2129部。".utf8)) == nil)
        #expect(try DocumentReader().read(Array("社区<html>".utf8)) == nil)
    }

    /// Every registered format has its own name, so `source.format` tells them apart.
    @Test func namesAreDistinct() {
        let names = DocumentFormats.all.map(\.name)
        #expect(Set(names).count == names.count && !names.contains(.text))
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>社区</body></html>", true),
        ("\u{FEFF}  <html lang=zh>", true),
        ("\n<meta charset=gb18030><head><title>x</title></head>", true),
        ("  <HTML><BODY>大写</BODY></HTML>", true),
        ("社区<html>", false),
        ("<p>只是一段</p>", false),
        ("", false),
    ])
    func savedWebPagesAreRecognised(text: String, isHTML: Bool) {
        #expect(WebPage().recognizes(Array(text.utf8)) == isHTML)
    }

    /// A page saved as UTF-16 is recognised from its bytes, with or without a BOM.
    @Test func utf16PagesAreRecognised() {
        let page = "<!DOCTYPE html><html><head><title>社区</title></head><body><p>加装电梯</p></body></html>"
        let le = page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = page.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(WebPage().recognizes([0xFF, 0xFE] + le))
        #expect(WebPage().recognizes([0xFE, 0xFF] + be))
        #expect(WebPage().recognizes(le))
    }

    /// A web page whose bytes are no text fails with the decoder's code, as a format error.
    @Test func anUndecodableWebPageFailsWithTheDecodersCode() {
        let bytes = Array("<html><body>".utf8) + [UInt8](repeating: 0x01, count: 400)
        #expect(throws: FormatError.self) { try DocumentReader().readHTML(bytes) }
        do { _ = try DocumentReader().readHTML(bytes) } catch { #expect(error.code == .binary) }
    }
}
