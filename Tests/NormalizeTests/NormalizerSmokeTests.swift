import Testing
import Normalize

@Test func normalizerDropsBlankLinesAndIndents() {
    #expect(Normalizer().normalize("　　第一段。\n\n 第二段。\n").lines == ["第一段。", "第二段。"])
}
