import Characters
import Testing
@testable import Normalize

@Suite struct WrapJoinerTests {
    /// The invented page as pypdf gives it: wrapped at 16 characters, no blank lines, bold headline and
    /// titles doubled, each title after its article's footer, the headline last.
    static var pypdfPage: String {
        var lines: [String] = []
        lines += Fixtures.wrap(Fixtures.lead, width: 40).map(Fixtures.doubled)
        lines.append(Fixtures.byline1)
        for p in Fixtures.paragraphs1 { lines += Fixtures.wrap(p) }
        lines += Fixtures.wrap(Fixtures.footer1)
        lines.append(Fixtures.doubled(Fixtures.title1))
        lines.append(Fixtures.byline2)
        for p in Fixtures.paragraphs2 { lines += Fixtures.wrap(p) }
        lines += Fixtures.wrap(Fixtures.footer2)
        lines.append(Fixtures.doubled(Fixtures.title2))
        lines.append(Fixtures.doubled(Fixtures.headline))
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func rejoinsPypdfWrapsAndKeepsStructureLines() {
        let result = Normalizer().normalize(Self.pypdfPage)
        let expected = [Fixtures.lead, Fixtures.byline1] + Fixtures.paragraphs1
            + [Fixtures.footer1, Fixtures.title1, Fixtures.byline2] + Fixtures.paragraphs2
            + [Fixtures.footer2, Fixtures.title2, Fixtures.headline]
        #expect(result.lines == expected.map { $0.replacing("　", with: " ") })
        #expect(result.warnings.contains { $0.hasPrefix("rejoined") })
    }

    /// A plain-text re-wrap: blank lines between paragraphs, a blank at a column end mid-sentence,
    /// titles broken into two lines.
    @Test func rejoinsBlankSeparatedWrapsAcrossColumnEnds() {
        var blocks: [[String]] = []
        blocks.append(["以微更新绣出", "老街区新面貌"])
        blocks.append(Fixtures.wrap(Fixtures.lead, width: 17))
        blocks.append(["小切口撬动", "老街区大变化"])
        blocks.append([Fixtures.byline1])
        for p in Fixtures.paragraphs1 { blocks.append(Fixtures.wrap(p, width: 17)) }
        blocks.append(Fixtures.wrap(Fixtures.footer1, width: 17))
        // A column ends in the middle of the second paragraph.
        let second = blocks[5]
        blocks[5] = Array(second.prefix(3))
        blocks.insert(Array(second.dropFirst(3)), at: 6)
        let text = blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        let result = Normalizer().normalize(text)
        #expect(result.lines == [Fixtures.headline, Fixtures.lead, Fixtures.title1, Fixtures.byline1]
            + Fixtures.paragraphs1 + [Fixtures.footer1])
    }

    /// Headings, sign-offs and field lines stay on their own lines even when wrapped text surrounds them.
    @Test func keepsHeadingsFieldsAndSignOffsSeparate() {
        let body = "为做好今年老旧小区改造工作，经研究决定在全区范围内开展项目申报，现将有关事项通知如下。"
        let section = "申报项目应为本区2000年底前建成的住宅小区，需经三分之二以上居民同意，并由街道统一汇总上报。"
        var lines: [String] = ["青建发〔2023〕18号", "关于做好2024年老旧小区改造项目申报的通知", "各街道办事处："]
        lines += Fixtures.wrap(body)
        lines.append("一、申报范围")
        lines += Fixtures.wrap(section)
        lines += ["联系人：张工　联系电话：0000-1234567", "青石区住房和城乡建设局", "2023年10月16日"]
        let result = Normalizer().normalize(lines.joined(separator: "\n"))
        #expect(result.lines == ["青建发〔2023〕18号", "关于做好2024年老旧小区改造项目申报的通知", "各街道办事处：", body,
                                 "一、申报范围", section, "联系人：张工　联系电话：0000-1234567", "青石区住房和城乡建设局",
                                 "2023年10月16日"])
    }

    /// pypdf puts a page's pending title where the page stops, mid-paragraph: the paragraph stays whole.
    @Test func keepsAParagraphWholeAroundAnInterruptingTitle() {
        let wrapped = Fixtures.wrap(Fixtures.paragraphs1[0])
        var lines = [Fixtures.byline1] + Array(wrapped.prefix(3)) + [Fixtures.doubled(Fixtures.title2)]
        lines += wrapped.dropFirst(3)
        lines += Fixtures.wrap(Fixtures.paragraphs1[2])
        let result = Normalizer().normalize(lines.joined(separator: "\n"))
        #expect(result.lines == [Fixtures.byline1, Fixtures.paragraphs1[0], Fixtures.title2, Fixtures.paragraphs1[2]])
    }

    @Test func joinsEnglishWrapsWithASpace() {
        let text = "Roasted tomato soup with\nbasil oil and garlic croutons — 8.50\nSTARTERS\n"
            + String(repeating: "短行一二三四五六七八九十一二三\n", count: 0)
        let lines = text.split(separator: "\n").map { PhysicalLine(scalars: Array($0.unicodeScalars), startsBlock: false) }
        var joiner = WrapJoiner(lines)
        joiner.profile = ColumnProfile(width: 32, hardWrapped: true, blockPerParagraph: false)
        #expect(joiner.join().lines.map(\.string) == ["Roasted tomato soup with basil oil and garlic croutons — 8.50", "STARTERS"])
    }
}
