import Testing
@testable import PostgresStore
@testable import Store

@Suite struct SearchVectorTests {
    @Test func literalGroupsPositionsAndEscapes() {
        func literal(_ text: String) -> String {
            let (ids, lexicon) = SearchVector.numbered(SearchVector.lexemes(text))
            return SearchVector.literal(ids[...], lexicon: lexicon)
        }
        #expect(literal("加装 装电 电梯 梯 加装") == "'加装':1,5 '装电':2 '电梯':3 '梯':4")
        #expect(literal("it's a\\b") == "'it''s':1 'a\\\\b':2")
    }

    @Test func queriesFollowTheClauses() {
        #expect(SearchTokens.clauses("加装电梯 梯 PPP") == [.phrase(["加装", "装电", "电梯"]), .prefix("梯"), .word("ppp")])
        #expect(SearchVector.query(.phrase(["加装", "装电"])) == "('加装' <-> '装电')")
        #expect(SearchVector.query(.prefix("梯")) == "'梯':*")
        #expect(SearchVector.query(.word(String(repeating: "x", count: 3000))) == nil)
    }

    @Test func aCharactersLexemesEndAtItsSuccessor() {
        #expect(SearchSQL.successor("老") == "耂")   // U+8001, U+8002
        #expect(SearchSQL.successor("\u{D7FF}") == "\u{E000}")
        #expect(Array("老龘".utf8).lexicographicallyPrecedes(Array(SearchSQL.successor("老").utf8)))
    }

    @Test func clausesRenderTheSQLiteMatchExpression() {
        for query in ["加装电梯", "梯", "PPP项目 2129部", "電梯 加装", "a-b c"] {
            #expect(SearchTokens.clauses(query).map(\.fts5).joined(separator: " AND ") == (SearchTokens.matchExpression(query) ?? ""))
        }
    }

    @Test func longArticlesAreChunkedWithinTsvectorLimits() {
        // 40,000 tokens, one lexeme 5,000 times: past both the position and the per-lexeme limit.
        let tokens = (0..<40_000).map { $0 % 8 == 0 ? "社区" : "t\($0 % 977)" }
        let chunks = SearchVector.chunks(tokens: tokens.joined(separator: " "))
        #expect(chunks.count > 1)
        for chunk in chunks {
            let positions = chunk.split(separator: " ").flatMap { $0.split(separator: ":").last!.split(separator: ",").compactMap { Int($0) } }
            #expect(positions.max()! <= SearchVector.maxPositions)
            let community = chunk.split(separator: " ").first { $0.hasPrefix("'社区'") }!
            #expect(community.split(separator: ",").count <= SearchVector.maxPerLexeme)
        }
        // Every run of `overlap` consecutive tokens lies whole in some chunk.
        let (ids, lexicon) = SearchVector.numbered(SearchVector.lexemes(tokens.joined(separator: " ")))
        let ranges = SearchVector.ranges(ids, lexicon: lexicon)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == tokens.count)
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            #expect(b.lowerBound <= a.upperBound - SearchVector.overlap && b.lowerBound > a.lowerBound)
        }
    }
}
