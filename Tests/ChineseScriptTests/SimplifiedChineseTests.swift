import Testing
@testable import ChineseScript

@Suite struct SimplifiedChineseTests {
    @Test(arguments: [
        ("社區居民參與", true),
        ("社区居民参与", false),
        ("乾坤未定，于是后来", false),   // 乾 is everyday simplified too: no evidence of traditional script
        ("Hello, 2026", false),
        ("", false),
        ("𫝈", false),                    // a simplified character outside the BMP
    ])
    func detectsTraditionalOnlyCharacters(text: String, traditional: Bool) {
        #expect(SimplifiedChinese.hasTraditional(text) == traditional)
    }

    @Test func convertsToSimplifiedWithTheSameLength() {
        let written = "歷史文化街區的紅色物業，據瞭解已覆蓋全區。"
        let simplified = SimplifiedChinese.simplified(written)
        #expect(simplified == "历史文化街区的红色物业，据了解已覆盖全区。")
        #expect(simplified.unicodeScalars.count == written.unicodeScalars.count)
    }

    @Test func simplifiedTextIsReturnedUnchanged() {
        let text = "著名的乾隆年间老街，于是启动更新。"
        #expect(SimplifiedChinese.simplified(text) == text)
    }

    @Test func foldingIsCharacterLevelAndIdempotent() {
        #expect(SimplifiedChinese.folded("物業管理") == "物业管理")
        #expect(SimplifiedChinese.folded("物业管理") == "物业管理")
        #expect(SimplifiedChinese.fold("區") == "区")
        #expect(SimplifiedChinese.fold("a") == "a")
    }

    /// The generated table must say what the installed OpenCC says, character by character.
    @Test func tableAgreesWithOpenCC() throws {
        let converter = try #require(OpenCCConverter.t2s)
        var traditional = String.UnicodeScalarView()
        var expected = String.UnicodeScalarView()
        for scalar in TraditionalTable.pairs.unicodeScalars where scalar != "\n" && scalar != " " {
            if traditional.count == expected.count { traditional.append(scalar) } else { expected.append(scalar) }
        }
        #expect(TraditionalTable.shared.count > 4000)
        // One character per line, so no phrase of the phrase table can apply.
        let lines = traditional.map { String($0) }
        let converted = try #require(converter.convert(lines.joined(separator: "\n"))).split(separator: "\n").map(String.init)
        #expect(converted == expected.map { String($0) })
    }

    @Test func openCCIsSafeToShareAcrossThreads() async throws {
        let converter = try #require(OpenCCConverter.t2s)
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { converter.convert(String(repeating: "舊區改造，業主參與。", count: 2000)) } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        let expected = String(repeating: "旧区改造，业主参与。", count: 2000)
        #expect(results.allSatisfy { $0 == expected })
    }
}
