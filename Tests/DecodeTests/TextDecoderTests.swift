import ReportModel
import Testing
@testable import Decode

@Suite struct TextDecoderTests {
    let decoder = TextDecoder()
    let sample = "城市更新，加装电梯2129部。\nABC"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try decoder.decode(Array(sample.utf8))
        #expect(plain.text == sample && plain.encoding == .utf8)
        let bom = try decoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(bom.text == sample && bom.encoding == .utf8)
    }

    @Test func utf16WithBOM() throws {
        let units = Array(sample.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decoder.decode(le) == DecodedText(text: sample, encoding: .utf16LE))
        #expect(try decoder.decode(be) == DecodedText(text: sample, encoding: .utf16BE))
    }

    @Test func gb18030WithoutBOMIsDetected() throws {
        // 中文测试，社区 in GBK/GB18030, then ASCII.
        let bytes: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4, 0xA3, 0xAC, 0xC9, 0xE7, 0xC7, 0xF8, 0x0A, 0x41]
        let decoded = try decoder.decode(bytes)
        #expect(decoded.text == "中文测试，社区\nA")
        #expect(decoded.encoding == .gb18030)
    }

    @Test func lineEndsBecomeNewlines() throws {
        #expect(try decoder.decode(Array("a\r\nb\rc\n".utf8)).text == "a\nb\nc\n")
    }

    @Test func emptyAndBinaryAreClearFailures() {
        #expect(throws: DecodeError.empty) { try decoder.decode([]) }
        #expect(throws: DecodeError.self) { try decoder.decode([0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3]) }
        var noise: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<4096 { x = x &* 1103515245 &+ 12345; noise.append(UInt8(truncatingIfNeeded: x >> 16)) }
        #expect(throws: DecodeError.self) { try decoder.decode(noise) }
    }

    @Test func binaryFormatsAreRefusedByTheirMagicNumbers() {
        #expect(throws: DecodeError.binary("magic number of PNG")) { try decoder.decode([0x89, 0x50, 0x4E, 0x47, 0x41, 0x42]) }
        #expect(throws: DecodeError.binary("magic number of gzip")) { try decoder.decode([0x1F, 0x8B, 0x41, 0x42]) }
    }

    @Test func truncatedUTF8KeepsTheTextAndSaysSo() throws {
        let bytes = Array("社区更新".utf8).dropLast(1)
        let decoded = try decoder.decode(Array(bytes))
        #expect(decoded.text == "社区更")
        #expect(!decoded.warnings.isEmpty)
    }

    @Test func stripsRareControlCharactersButRejectsManyOfThem() throws {
        let few = try decoder.decode(Array(("社区" + String(repeating: "更新改造", count: 50) + "\u{0}").utf8))
        #expect(!few.text.contains("\u{0}"))
        #expect(few.warnings.contains { $0.contains("control") })
        #expect(throws: DecodeError.self) { try decoder.decode(Array(String(repeating: "a\u{1}\u{2}", count: 100).utf8)) }
    }
}
