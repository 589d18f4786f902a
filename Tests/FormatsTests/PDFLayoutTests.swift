import Testing
@testable import Formats

/// The geometry rules on word boxes made by hand: fake bold, columns, paragraphs, titles.
@Suite struct PDFLayoutTests {
    /// A word of `text` starting at `x`, each character `size` wide (Chinese), on the line whose bottom is `y`.
    func word(_ text: String, x: Double, y: Double, size: Double = 10, width: Double? = nil) -> PDFWord {
        PDFWord(page: 0, x0: x, top: y - size, x1: x + (width ?? Double(text.count) * size), bottom: y, text: text)
    }

    @Test func fakeBoldCopiesAreMergedAway() {
        // Run A, then its copy 0.3 pt to the right glued to run B, then B's copy glued to C.
        let words = [
            word("老旧小区", x: 0, y: 20),
            word("老旧小区改造", x: 0.3, y: 20),
            word("改造，", x: 40.3, y: 20, width: 25),
            word("“", x: 65, y: 20, width: 3.3),
            word("加装电梯““", x: 70, y: 20, width: 44),
        ]
        let lines = PDFLayout().rowLines(words)
        #expect(lines.count == 1)
        #expect(String(String.UnicodeScalarView(lines[0].text)) == "老旧小区改造，“加装电梯“")
    }

    @Test func aRepeatedWordNextToItselfIsKept() {
        // 常常 set normally: the second word starts where the first ends, so it is no copy.
        let lines = PDFLayout().rowLines([word("居民常", x: 0, y: 20), word("常来", x: 29, y: 20)])
        #expect(String(String.UnicodeScalarView(lines[0].text)) == "居民常常来")
    }

    @Test func columnsAreReadInTurnAndParagraphsRunAcrossThem() {
        // Two columns of 5 characters (50 pt) with a 20 pt gutter; a paragraph flows from the
        // bottom of the left column to the top of the right one.
        var words: [PDFWord] = []
        let left = ["　　社区更", "新第一段，", "居民参与。", "　　第二段", "从这里开始"]
        let right = ["并在这里结", "束。", "　　第三段", "写在右栏。", "完了。"]
        for (i, t) in left.enumerated() {
            let trimmed = t.trimmingLayoutSpaces()
            words.append(word(trimmed, x: t.hasPrefix("　") ? 20 : 0, y: Double(100 + 15 * i)))
        }
        for (i, t) in right.enumerated() {
            let trimmed = t.trimmingLayoutSpaces()
            words.append(word(trimmed, x: t.hasPrefix("　") ? 90 : 70, y: Double(100 + 15 * i)))
        }
        let page = PDFPage(width: 200, height: 300, words: words)
        let lines = PDFLayout().lines(pages: [page]).map(\.text)
        #expect(lines == ["社区更新第一段，居民参与。", "第二段从这里开始并在这里结束。", "第三段写在右栏。完了。"])
    }

    @Test func aTitleOverTwoLinesIsOneLineBeforeItsByline() {
        // A column 80 pt wide: the title is centred over two lines, the byline centred below it.
        var words = [word("城市更新的", x: 2.5, y: 30, size: 15), word("新答卷", x: 17.5, y: 50, size: 15), word("□李明", x: 25, y: 70)]
        for i in 0..<4 { words.append(word(i == 0 ? "正文第一行" : "正文接着写下去了", x: i == 0 ? 30 : 0, y: Double(85 + 15 * i), size: 10)) }
        let lines = PDFLayout().lines(pages: [PDFPage(width: 100, height: 200, words: words)])
        #expect(lines.map(\.text) == ["城市更新的新答卷", "□李明", "正文第一行正文接着写下去了正文接着写下去了正文接着写下去了"])
        #expect(lines[1].role == .centered)
        #expect(lines[0].role == .heading(2))
    }

    @Test func aLetterSpacedLineGetsNoSpacesButARealGapDoes() {
        let spaced = (0..<5).map { word(String(Array("供餐时间表")[$0]), x: Double($0) * 13, y: 20) }
        #expect(String(String.UnicodeScalarView(PDFLayout().rowLines(spaced)[0].text)) == "供餐时间表")
        let title = [word("城市更新", x: 0, y: 50, size: 20), word("社区治理", x: 86, y: 50, size: 20)]
        #expect(String(String.UnicodeScalarView(PDFLayout().rowLines(title)[0].text)) == "城市更新 社区治理")
    }

    @Test func aNarrowGutterStillSeparatesColumns() {
        // Columns 50 pt wide, 14 pt apart; a comma's box hangs 4 pt into the gutter.
        var words: [PDFWord] = []
        for i in 0..<4 {
            words.append(word(i == 3 ? "左栏结束。" : "左栏的文字", x: 0, y: Double(20 + 15 * i)))
            if i == 1 { words.append(word("，", x: 50, y: Double(20 + 15 * i), width: 4)) }
            words.append(word(i == 0 ? "右栏开头" : "右栏的文字", x: i == 0 ? 84 : 64, y: Double(20 + 15 * i)))
        }
        let lines = PDFLayout().lines(pages: [PDFPage(width: 200, height: 200, words: words)]).map(\.text)
        #expect(lines == ["左栏的文字左栏的文字，左栏的文字左栏结束。", "右栏开头右栏的文字右栏的文字右栏的文字"])
    }

    @Test func aWideSpaceInsideAColumnIsKept() {
        var words = [word("林志远", x: 20, y: 20), word("陈思", x: 60, y: 20)]
        for i in 1...3 { words.append(word("正文正文正文正文正文", x: 0, y: Double(20 + 15 * i))) }
        let lines = PDFLayout().lines(pages: [PDFPage(width: 200, height: 200, words: words)]).map(\.text)
        #expect(lines.first == "林志远 陈思")
    }

    @Test func aLineEndingInANarrowQuoteStillFillsItsColumn() {
        // Justified lines end at 100 pt; one ends with a closing quote whose glyph stops 5 pt short,
        // another with a comma whose box hangs 4 pt past the measure.
        let words = [
            word("第一行正文正文正", x: 20, y: 20),
            word("第二行正文正文正，", x: 0, y: 35, width: 104),
            word("第三行正文正文正文”", x: 0, y: 50, width: 95),
            word("第四行正文正文正文正", x: 0, y: 65),
            word("第五行结束。", x: 0, y: 80),
            word("新段落正文正文正", x: 20, y: 95),
            word("完。", x: 0, y: 110),
        ]
        let lines = PDFLayout().lines(pages: [PDFPage(width: 200, height: 200, words: words)]).map(\.text)
        #expect(lines == ["第一行正文正文正第二行正文正文正，第三行正文正文正文”第四行正文正文正文正第五行结束。", "新段落正文正文正完。"])
    }

    @Test func pageNumbersAtTheFootAreDropped() {
        var words = (0..<4).map { word("正文内容第\($0)行", x: 0, y: Double(20 + 15 * $0)) }
        words.append(word("3", x: 40, y: 290, width: 5))
        let lines = PDFLayout().lines(pages: [PDFPage(width: 100, height: 300, words: words)])
        #expect(!lines.contains { $0.text == "3" })
    }
}
