import Characters
import Testing
@testable import Normalize

@Suite struct FragmentMergerTests {
    private func lines(_ texts: [String]) -> [PhysicalLine] {
        texts.enumerated().map { PhysicalLine(scalars: Array($1.unicodeScalars), startsBlock: $0 == 0) }
    }

    /// What pdftotext leaves of a fake-bold lead: each fragment repeats a run and the next mark.
    @Test func mergesPopplerFragments() {
        let input = lines([
            "编者按 青石巷片区是本市最早建成的居住区",
            "青石巷片区是本市最早建成的居住区。",
            "。去年以来，片区以微更新为抓手，补短板",
            "补短板、",
            "、留记忆",
            "留记忆、",
            "、聚人心",
        ])
        let result = FragmentMerger.merge(input)
        #expect(result.lines.map { $0.scalars.string } == [
            "编者按 青石巷片区是本市最早建成的居住区。去年以来，片区以微更新为抓手，补短板、留记忆、聚人心",
        ])
        #expect(result.lines.allSatisfy { $0.bold })
        #expect(result.merged == 6)
    }

    @Test func mergesADoubledTitleWithDoubledQuotes() {
        let input = lines(["在“微更新", "微更新””中留住老街记忆"])
        let result = FragmentMerger.merge(input)
        #expect(result.lines.map { $0.scalars.string } == ["在“微更新”中留住老街记忆"])
    }

    /// Ordinary wrapped text that repeats a word across the break is left alone.
    @Test func leavesOrdinaryWrapsAlone() {
        let input = lines([
            "我们坚持问题导向，先研究",
            "研究再动手，把每一分钱花在刀刃上。",
            "城市更新城市",
            "更新，关键在人。",
        ])
        let result = FragmentMerger.merge(input)
        #expect(result.lines == input)
        #expect(result.merged == 0)
    }
}
