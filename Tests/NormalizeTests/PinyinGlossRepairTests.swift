import Testing
@testable import Normalize

@Suite struct PinyinGlossRepairTests {
    @Test(arguments: [
        ("社區(qū)物業(yè)服務(wù)企業(yè)", "社區物業服務企業", 4),
        ("渝中區(qū)發(fā)布", "渝中區發布", 2),
        ("綠(lǜ)化", "綠化", 1),
        // Not glosses: plain letters, a list label, digits, a word in brackets, no Han before.
        ("采用PPP(ppp)模式", "采用PPP(ppp)模式", 0),
        ("项目(a)和(b)", "项目(a)和(b)", 0),
        ("面积(2021)", "面积(2021)", 0),
        ("指标(GDP)", "指标(GDP)", 0),
        ("x(fā)", "x(fā)", 0),
    ])
    func stripsOnlyPinyinSyllablesAfterCharacters(input: String, expected: String, count: Int) {
        var line = Array(input.unicodeScalars)
        #expect(PinyinGlossRepair.strip(&line) == count)
        #expect(String(String.UnicodeScalarView(line)) == expected)
    }

    @Test func theNormalizerSaysItRemovedThem() {
        let text = Normalizer().normalize("紅葉社區(qū)推行紅色物業(yè)。\n")
        #expect(text.lines == ["紅葉社區推行紅色物業。"])
        #expect(text.warnings.contains("removed 2 pinyin glosses after characters"))
    }
}
