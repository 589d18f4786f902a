import Testing
@testable import Store

@Suite struct SearchTokensTests {
    @Test func hanRunsBecomePairsPlusTheLastCharacter() {
        #expect(SearchTokens.indexText("加装电梯") == "加装 装电 电梯 梯")
        #expect(SearchTokens.indexText("梯") == "梯")
        #expect(SearchTokens.indexText("PPP模式，5G基站") == "ppp 模式 式 5g 基站 站")
    }

    @Test(arguments: [
        ("梯", "\"梯\"*"),
        ("电梯", "\"电梯\""),
        ("加装电梯", "\"加装 装电 电梯\""),
        ("电梯 成都", "\"电梯\" AND \"成都\""),
        ("REITs", "\"reits\""),
    ])
    func queriesBecomeFTS5Expressions(query: String, expected: String) {
        #expect(SearchTokens.matchExpression(query) == expected)
    }

    /// Indexing must stay linear: a whole 1 MB article (one paragraph, no newline) once took 26 s.
    @Test func indexingALongArticleIsLinear() {
        let text = String(repeating: "社区治理老旧小区改造加装电梯", count: 25_000)   // 350,000 Han characters
        let started = ContinuousClock.now
        let tokens = SearchTokens.indexText(text)
        #expect(ContinuousClock.now - started < .seconds(5), "indexing 350,000 characters took \(ContinuousClock.now - started)")
        #expect(tokens.unicodeScalars.count == 349_999 * 3 + 1)   // pairs and spaces, then the last unigram
    }

    @Test func queriesWithNothingSearchableAreNil() {
        #expect(SearchTokens.matchExpression("  ，。 ") == nil)
        #expect(SearchTokens.matchExpression("\"*") == nil)
    }

    @Test func snippetsWrapEveryMatch() {
        let s = Snippet.make(text: "居民出资加装电梯已有2129部，电梯运行良好。", terms: ["电梯"])
        #expect(s == "居民出资加装【电梯】已有2129部，【电梯】运行良好。")
        #expect(Snippet.make(text: String(repeating: "甲", count: 200) + "电梯", terms: ["电梯"]).hasPrefix("…"))
        #expect(Snippet.make(text: "第一段。\n电梯第二段。", terms: ["电梯"]) == "第一段。 【电梯】第二段。")
    }
}
