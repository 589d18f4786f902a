import Decode
import ReportModel
import Testing
@testable import Formats

/// Word files and zips made at test time.
@Suite struct DocxReaderTests {
    let reader = DocumentReader()

    @Test func readsHeadingsCentredBylinesAndParagraphs() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>街道更新工作纪实</w:t></w:r></w:p>\
            <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>□周文</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">今年以来，</w:t></w:r><w:r><w:t>街道完成改造3个小区&amp;1条街。</w:t></w:r></w:p>\
            <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>\
            <w:p><w:r><w:delText>删掉的字</w:delText><w:t>留下的字</w:t></w:r></w:p>
            """
        let doc = try reader.readDocx(GeneratedFiles.docx(body: body))
        #expect(doc.format == .docx)
        #expect(doc.lines == [
            DocumentLine("街道更新工作纪实", role: .heading(1)),
            DocumentLine("□周文", role: .centered),
            DocumentLine("今年以来，街道完成改造3个小区&1条街。"),
            DocumentLine("第一行"), DocumentLine("第二行"),
            DocumentLine("留下的字"),
        ])
    }

    @Test func aZipWithoutAWordDocumentIsNotADocx() {
        let zip = GeneratedFiles.zip([(name: "notes.txt", data: Array("备忘".utf8), deflate: true, declaredSize: nil)])
        #expect(throws: FormatError.notADocx) { try reader.readDocx(zip) }
    }

    @Test func aMemberThatClaimsAHugeRatioIsAZipBomb() {
        let zeros = [UInt8](repeating: 0, count: 4 << 20)
        let zip = GeneratedFiles.zip([(name: "word/document.xml", data: zeros, deflate: true, declaredSize: nil)])
        do {
            _ = try reader.readDocx(zip)
            Issue.record("a zip bomb was inflated")
        } catch {
            #expect(error.code.rawValue == "zip_bomb")
        }
    }

    @Test func aMemberThatLiesAboutItsSizeStopsInflatingAtTheLie() {
        // Declares 2 KB, inflates to 4 MB: the directory check passes, the inflater must stop.
        let zeros = [UInt8](repeating: 0x20, count: 4 << 20)
        let zip = GeneratedFiles.zip([(name: "word/document.xml", data: zeros, deflate: true, declaredSize: 2048)])
        do {
            _ = try reader.readDocx(zip)
            Issue.record("a lying member was inflated")
        } catch {
            #expect(error.code.rawValue == "zip_bomb")
        }
    }

    @Test func aDamagedMemberFailsAsBrokenDocx() {
        var zip = GeneratedFiles.docx(body: "<w:p><w:r><w:t>社区</w:t></w:r></w:p>")
        // Flip bytes inside the last member's compressed data.
        let at = zip.count / 2
        zip[at] ^= 0xFF
        zip[at + 1] ^= 0xFF
        do {
            _ = try reader.readDocx(zip)
            Issue.record("a damaged zip was read")
        } catch {
            #expect(error.code.rawValue == "broken_docx")
        }
    }

    @Test func aTruncatedZipFailsAsBrokenDocx() {
        let zip = GeneratedFiles.docx(body: "<w:p><w:r><w:t>社区</w:t></w:r></w:p>")
        #expect(throws: FormatError.brokenDocx("no zip central directory")) { try reader.readDocx(Array(zip.prefix(zip.count - 30))) }
    }
}
