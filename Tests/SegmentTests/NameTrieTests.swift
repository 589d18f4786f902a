import Testing

@testable import Segment

/// The gazetteer's trie answers exactly what a search over the name lists answers: the longest full
/// name and bare form at a position, the longest known name ending at a position, and membership.
@Suite struct NameTrieTests {
    private static let full = Array(Gazetteer.fullSet)
    private static let bare = Array(Gazetteer.set)

    /// Longest name of `names` in `s` starting at `i`, by trying every name.
    private func longestByList(_ names: [[Unicode.Scalar]], _ s: [Unicode.Scalar], at i: Int) -> Int {
        names.filter { Scalars.has(s, $0, at: i) }.map(\.count).max() ?? 0
    }

    /// Text dense in names and their neighbours: names glued to each other, cut short and run on.
    private func text(seed: UInt64, count: Int) -> [Unicode.Scalar] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var out: [Unicode.Scalar] = []
        let filler = "的在和市区县路街道社区省新城江南北山".unicodeScalars.map { $0 }
        for _ in 0..<count {
            switch next() % 4 {
            case 0: out += Self.full[next() % Self.full.count]
            case 1: out += Self.bare[next() % Self.bare.count]
            case 2: out += Self.full[next() % Self.full.count].dropLast()
            default: out.append(filler[next() % filler.count])
            }
        }
        return out
    }

    @Test func longestNamesStartingAtEveryPositionMatchTheLists() {
        let s = text(seed: 7, count: 1500)
        var found = 0
        for i in s.indices {
            let walk = Gazetteer.trie.longest(in: s, at: i)
            #expect(walk.full == longestByList(Self.full, s, at: i), "full name at \(i)")
            #expect(walk.bare == longestByList(Self.bare, s, at: i), "bare form at \(i)")
            if walk.full > 0 { found += 1 }
        }
        #expect(found > 300)   // the text really is dense in names
    }

    @Test func longestNameEndingAtEveryPositionMatchesTheLists() {
        let s = text(seed: 11, count: 1000)
        let all = Self.full + Self.bare
        for end in 1...s.count {
            let lowerBound = max(0, end - 9)
            let expected = all.filter { $0.count <= end - lowerBound && Scalars.hasSuffix(s, $0, before: end) }
                .map(\.count).max().map { end - $0 }
            #expect(Gazetteer.reversedTrie.longestEnding(in: s, before: end, lowerBound: lowerBound) == expected, "ending at \(end)")
        }
    }

    @Test func membershipIsExact() {
        for name in Self.full + Self.bare { #expect(Gazetteer.contains(name)) }
        #expect(Gazetteer.contains("武侯区".scalars))
        #expect(Gazetteer.contains("昆明".scalars))
        #expect(!Gazetteer.contains("武侯".scalars))   // a prefix of a full name, not a name
        #expect(!Gazetteer.contains("武侯区街".scalars))
        #expect(!Gazetteer.contains([]))
    }

    @Test func kindsAreKeptApart() {
        let trie = NameTrie([("成都市".scalars, .full), ("成都".scalars, .bare), ("成".scalars, .bare)])
        let walk = trie.longest(in: "成都市区".scalars, at: 0)
        #expect(walk.full == 3 && walk.bare == 2)
        #expect(trie.longest(in: "成都".scalars, at: 0) == (full: 0, bare: 2))
        #expect(trie.longest(in: "x成都".scalars, at: 0) == (full: 0, bare: 0))
        let reversed = NameTrie([("成都市".scalars, .full), ("都市".scalars, .bare)], reversed: true)
        #expect(reversed.longestEnding(in: "在成都市".scalars, before: 4, lowerBound: 0) == 1)
        #expect(reversed.longestEnding(in: "在成都市".scalars, before: 4, lowerBound: 2) == 2)
        #expect(reversed.longestEnding(in: "在成都市".scalars, before: 3, lowerBound: 0) == nil)
    }
}
