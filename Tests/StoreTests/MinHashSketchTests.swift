import Foundation
import Testing
@testable import Store

@Suite struct MinHashSketchTests {
    static let text = "今年以来，武侯区住建部门推进既有住宅加装电梯工作，累计完成加装电梯386部，惠及居民5200户。玉林社区居委会坚持问需于民，先后召开坝坝会12次，协商出资方案和分摊比例。"

    @Test func foldingDropsNoiseInsideWords() {
        let clean = Shingles.fold("加装电梯PPP模式2023年")
        #expect(Shingles.fold("加装★电\u{200B}梯 PPP模式２０２３年") == clean)
        #expect(Shingles.fold("加装x电梯PPP模式2023年") == clean)   // a lone letter between Han is noise
        #expect(Shingles.fold("ＰＰＰ") == Shingles.fold("ppp"))
    }

    @Test func shingleHashesAreTheDistinctShingles() {
        let text = Self.text + Self.text + "加装电梯加装电梯加装电梯"   // every shingle of the text at least twice
        let folded = Shingles.fold(text)
        let distinct = Set((0...(folded.count - Shingles.width)).map { folded[$0..<($0 + Shingles.width)] })
        let hashes = Shingles.hashes(text)
        #expect(hashes.count == distinct.count)
        #expect(Set(hashes).count == hashes.count)
        #expect(Shingles.hashes("加装电梯").isEmpty)
    }

    @Test func noisyCopyIsNearlyIdentical() throws {
        let a = try #require(MinHashSketch(text: Self.text))
        let noisy = Self.text.replacingOccurrences(of: "电梯", with: "电|梯").replacingOccurrences(of: "居民", with: "居\u{200B}民")
        let b = try #require(MinHashSketch(text: noisy))
        #expect(a.jaccard(b) == 1)
        #expect(a.bandKeys == b.bandKeys)
    }

    @Test func shortenedCopyIsContained() throws {
        let long = Self.text + "下一步，街道将继续推进老旧小区改造，同步实施雨污分流和外立面整治，力争年底前全部完成。居民张丽说，出门方便多了。"
        let a = try #require(MinHashSketch(text: long))
        let b = try #require(MinHashSketch(text: Self.text))
        let similarity = try #require(a.reprintSimilarity(b))
        #expect(similarity >= 0.8)
    }

    @Test func differentTextsAreNotReprints() throws {
        let a = try #require(MinHashSketch(text: Self.text))
        let b = try #require(MinHashSketch(text: "近年来，江汉区物业服务企业开展满意度测评，公示公共收益收支，业主大会表决通过议事规则。桂花园社区网格员走访业主，梳理投诉渠道与维修基金使用清单。"))
        #expect(a.reprintSimilarity(b) == nil)
        #expect(a.jaccard(b) < 0.1)
    }

    @Test func tooShortTextHasNoSketch() {
        #expect(MinHashSketch(text: "加装电梯386部。") == nil)
    }

    @Test func storedFormRoundTrips() throws {
        let a = try #require(MinHashSketch(text: Self.text))
        #expect(MinHashSketch(data: a.data, shingles: a.shingles) == a)
        #expect(a.bandKeys.count == MinHashSketch.bands)
        #expect(a.bandKeys.allSatisfy { $0 != 0 })
    }
}
