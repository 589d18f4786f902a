import Normalize
import Testing
import Segment

@Test func segmenterKeepsEveryLineOfText() {
    let page = Segmenter().segment(NormalizedText(lines: ["标题", "正文一段。"]))
    #expect(page.articles.flatMap(\.paragraphs).joined().contains("正文一段。"))
}
