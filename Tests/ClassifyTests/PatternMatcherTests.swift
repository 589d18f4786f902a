import Testing
@testable import Classify

/// The multi-pattern matcher finds exactly what a naive substring search finds.
@Suite struct PatternMatcherTests {
    static func folded(_ text: String) -> [UInt32] { text.unicodeScalars.map { PatternMatcher.fold($0.value) } }

    /// Every (pattern, start) by brute force.
    static func naive(_ patterns: [String], _ text: String) -> Set<[Int]> {
        let haystack = folded(text)
        var found = Set<[Int]>()
        for (id, pattern) in patterns.enumerated() {
            let needle = folded(pattern)
            guard !needle.isEmpty, needle.count <= haystack.count else { continue }
            for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
                found.insert([id, start, start + needle.count])
            }
        }
        return found
    }

    @Test(arguments: [
        "老旧小区改造是城镇老旧小区的综合整治，老旧小区改造要加装电梯。",
        "小区小区小区老旧老旧小区改造改造",
        "既有住宅加装电梯，加梯难，电梯加装更难；PPP和ＲＯＴ模式。",
        "",
        "没有任何匹配的句子。",
    ])
    func agreesWithNaiveSearch(text: String) {
        let patterns = ["老旧小区", "老旧小区改造", "小区", "小区改造", "改造", "加装电梯", "电梯", "加梯", "电梯加装", "ppp", "ROT", "区改", "旧小"]
        let matcher = PatternMatcher(patterns: patterns)
        let hits = matcher.hits(in: Self.folded(text))
        #expect(Set(hits.map { [$0.pattern, $0.start, $0.end] }) == Self.naive(patterns, text))
        #expect(hits.count == Self.naive(patterns, text).count)
    }

    @Test func foldsWidthAndCase() {
        #expect(PatternMatcher.fold(("Ａ" as Unicode.Scalar).value) == ("a" as Unicode.Scalar).value)
        #expect(PatternMatcher.fold(("Z" as Unicode.Scalar).value) == ("z" as Unicode.Scalar).value)
        #expect(PatternMatcher.fold(("２" as Unicode.Scalar).value) == ("2" as Unicode.Scalar).value)
        #expect(PatternMatcher.fold(("电" as Unicode.Scalar).value) == ("电" as Unicode.Scalar).value)
        #expect(PatternMatcher.fold(("，" as Unicode.Scalar).value) == ("," as Unicode.Scalar).value)
    }
}
