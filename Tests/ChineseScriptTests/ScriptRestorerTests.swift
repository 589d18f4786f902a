import Testing
import ChineseScript

@Suite struct ScriptRestorerTests {
    let original = ["  紅色物業進社區  ", "業主大會表決通過，居民滿意。", "舊樓改造"]
    var restorer: ScriptRestorer {
        ScriptRestorer(simplified: original.map(SimplifiedChinese.simplified), original: original)
    }

    @Test func wholeLinesAndTrimmedLinesComeBackAsWritten() {
        #expect(restorer.restore("业主大会表决通过，居民满意。") == "業主大會表決通過，居民滿意。")
        #expect(restorer.restore("红色物业进社区") == "紅色物業進社區")
    }

    @Test func partsOfALineComeBackFromTheSameRange() {
        #expect(restorer.restore("表决通过") == "表決通過")
    }

    @Test func textJoinedFromSeveralLinesComesBackCharacterByCharacter() {
        #expect(restorer.restore("红色物业旧楼改造") == "紅色物業舊樓改造")
    }

    @Test func textThatWasSimplifiedAlreadyStaysSo() {
        let mixed = ScriptRestorer(simplified: ["社区", "社區"].map(SimplifiedChinese.simplified), original: ["社区", "社區"])
        #expect(mixed.restore("社区") == "社区")
    }
}
