import Characters
import Testing
@testable import Normalize

@Suite struct DoubledRunRepairTests {
    @Test(arguments: [
        ("老旧小区改造老旧小区改造，，是民生工程是民生工程。。", "老旧小区改造，是民生工程。"),
        ("33月月1515日日，，居民议事会召开居民议事会召开", "3月15日，居民议事会召开"),
        ("以微更新绣出老街区新面貌以微更新绣出老街区新面貌", "以微更新绣出老街区新面貌"),
        ("青石巷片区青石巷片区 新增车位新增车位210210个个", "青石巷片区 新增车位210个"),
        ("““两会两会””提出提出", "“两会”提出"),
    ])
    func undoesFakeBold(doubled: String, once: String) {
        let result = DoubledRunRepair.undouble(Array(doubled.unicodeScalars))
        #expect(result.map { $0.string } == once)
    }

    /// Real reduplication and ordinary lines are never touched, however they are cut.
    @Test(arguments: [
        "常常", "谢谢", "家家户户", "2296", "谢谢谢谢", "哈哈哈哈哈哈", "常常来看看",
        "家家户户都装上了新电梯", "大家天天都在说说笑笑。", "累计完成2296栋老旧住宅改造",
        "人人人人", "研究研究，再研究研究", "1122",
    ])
    func leavesRealReduplicationAlone(line: String) {
        #expect(DoubledRunRepair.undouble(Array(line.unicodeScalars)) == nil)
    }

    @Test func normalizerUndoesDoubledLinesAndSaysSo() {
        let text = Fixtures.doubled(Fixtures.headline) + "\n" + Fixtures.paragraphs1[2] + "\n"
        let result = Normalizer().normalize(text)
        #expect(result.lines == [Fixtures.headline, Fixtures.paragraphs1[2]])
        #expect(result.warnings.contains("undid doubled text in 1 lines"))
    }
}
