import Testing
@testable import Normalize
import Characters

/// Properties every repair must keep, on invented text.
@Suite struct PropertyTests {
    static let samples: [String] = [
        Fixtures.cleanLines.joined(separator: "\n"),
        WrapJoinerTests.pypdfPage,
        Fixtures.cleanLines.map { "　　" + $0 }.joined(separator: "\n\n"),
        Fixtures.cleanLines.flatMap { Fixtures.wrap($0, width: 17) + [""] }.joined(separator: "\n"),
        WebLeftoverFilterTests.page.joined(separator: "\n"),
    ]

    @Test func cleanTextComesBackUnchanged() {
        let result = Normalizer().normalize(Fixtures.cleanLines.joined(separator: "\n") + "\n")
        #expect(result.lines == Fixtures.cleanLines)
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: samples)
    func normalisingTwiceEqualsOnce(text: String) {
        let once = Normalizer().normalize(text).lines
        let twice = Normalizer().normalize(once.joined(separator: "\n")).lines
        #expect(twice == once)
    }

    /// No step loses a Han character that is not part of a duplicate: without doubling or furniture in
    /// the input, the output holds exactly the input's Chinese characters.
    @Test(arguments: samples.indices.filter { $0 != 1 && $0 != 4 })
    func keepsEveryChineseCharacter(index: Int) {
        let text = Self.samples[index]
        let output = Normalizer().normalize(text).lines.joined()
        #expect(Self.hanCounts(output) == Self.hanCounts(text))
    }

    /// With doubling, the output holds every character of the clean page, and no more than the input.
    @Test func keepsEveryCharacterOfADoubledPage() {
        let output = Self.hanCounts(Normalizer().normalize(WrapJoinerTests.pypdfPage).lines.joined())
        #expect(output == Self.hanCounts(Fixtures.cleanLines.joined()))
    }

    static func hanCounts(_ text: String) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for s in text.unicodeScalars where CharacterClass.isHan(s) { counts[s, default: 0] += 1 }
        return counts
    }
}
