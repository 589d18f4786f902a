import Characters
import Testing

@Suite struct ScalarSearchTests {
    let text = Array("武侯区改造12个小区，武侯区再改造8个".unicodeScalars)
    func s(_ literal: String) -> [Unicode.Scalar] { Array(literal.unicodeScalars) }

    @Test func findsTheFirstAndTheLastPlace() {
        #expect(text.firstIndex(of: s("武侯区")) == 0)
        #expect(text.firstIndex(of: s("武侯区"), from: 1) == 11)
        #expect(text.lastIndex(of: s("武侯区")) == 11)
        #expect(text.lastIndex(of: s("武侯区"), before: 13) == 0)   // the second one ends at 14
        #expect(text.lastIndex(of: s("8个")) == text.count - 2)
    }

    @Test func missingEmptyAndOverlongNeedlesAreNotFound() {
        #expect(text.firstIndex(of: s("锦江区")) == nil)
        #expect(text.lastIndex(of: s("锦江区")) == nil)
        #expect(text.firstIndex(of: []) == nil)
        #expect(text.lastIndex(of: []) == nil)
        #expect(text.firstIndex(of: text + s("。")) == nil)
        #expect(text.lastIndex(of: s("武侯区"), before: 2) == nil)
        #expect(!text.has(s("区"), at: -1) && !text.has(s("个"), at: text.count))
    }

    @Test func scalarsBecomeTheSameStringInEveryEncodedWidth() {
        let mixed = "a é 区 𠀀 ok"
        #expect(Array(mixed.unicodeScalars).string == mixed)
        #expect(text[3..<5].string == "改造")
        #expect([Unicode.Scalar]().string == "")
    }
}
