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

    @Test func queriesWithNothingSearchableAreNil() {
        #expect(SearchTokens.matchExpression("  ，。 ") == nil)
        #expect(SearchTokens.matchExpression("\"*") == nil)
    }

    @Test func snippetsWrapEveryMatch() {
        let s = Snippet.make(text: "居民出资加装电梯已有2129部，电梯运行良好。", terms: ["电梯"])
        #expect(s == "居民出资加装【电梯】已有2129部，【电梯】运行良好。")
        #expect(Snippet.make(text: String(repeating: "甲", count: 200) + "电梯", terms: ["电梯"]).hasPrefix("…"))
    }
}
