import Classify
import Decode
import Formats
import ReportModel
import Testing
@testable import Pipeline

@Suite struct PipelineTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesKnownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    /// Around the block and padding boundaries: whole blocks are hashed in place, the tail is padded apart.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
    func sha256AtBlockBoundaries(count: Int, digest: String) {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: count)) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: .builtIn))

    @Test func buildsAReportWhoseIDDerivesFromTheBytes() throws {
        let bytes = Array("老旧小区加装电梯\n今年共加装电梯120部。\n".utf8)
        let a = try builder.build(bytes: bytes, file: "a.txt", received: "2026-01-01T00:00:00Z")
        let b = try builder.build(bytes: bytes, file: "b.txt", received: "2026-01-02T00:00:00Z")
        #expect(a.id == b.id && a.id.count == 16)
        #expect(a.sha256.hasPrefix(a.id))
        #expect(a.source == .init(format: .text, encoding: .utf8, bytes: bytes.count))
        #expect(!a.articles.isEmpty)
        let c = try builder.build(bytes: bytes + [0x0A], file: "a.txt", received: "2026-01-01T00:00:00Z")
        #expect(c.id != a.id)
    }

    @Test func unreadableBytesFailWithAStableCode() {
        #expect(throws: IngestError.decode(.empty)) { try builder.build(bytes: [], file: "e", received: "t") }
        do {
            _ = try builder.build(bytes: Array("%PDF-1.4".utf8), file: "x.txt", received: "t")
            Issue.record("a PDF was read as text")
        } catch {
            #expect(error.code == .brokenPDF)
        }
    }

    @Test func aSavedPageIsReadAsHTMLAndKeepsOnlyItsArticle() throws {
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
            <ul class="nav"><li><a href="/">首页</a></li></ul>
            <div class="article"><h1>老旧小区加装电梯提速</h1>
            <p>今年全区新开工加装电梯120部，居民满意。</p></div>
            <div class="footer"><p>版权所有 示例网</p></div></body></html>
            """
        let report = try builder.build(bytes: Array(page.utf8), file: "p.html", received: "t")
        #expect(report.source.format == .html)
        let text = report.articles.flatMap(\.paragraphs).joined() + (report.articles.first?.title ?? "")
        #expect(text.contains("新开工加装电梯120部"))
        #expect(!text.contains("首页") && !text.contains("版权所有"))
    }

    @Test func reclassifyKeepsAPersonsLabels() throws {
        var report = try builder.build(bytes: Array("老旧小区加装电梯，居民满意。".utf8), file: "a", received: "t")
        report.articles[0].themes = [.init(id: "smart-community", score: 1)]
        report.articles[0].themesBy = .person
        let again = builder.reclassify(report)
        #expect(again.articles[0].themes.map(\.id) == ["smart-community"])
        #expect(again.themes.map(\.id).contains("smart-community"))
    }
}
