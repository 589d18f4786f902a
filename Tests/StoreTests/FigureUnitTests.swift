import Testing
@testable import Store

@Suite struct FigureUnitTests {
    @Test(arguments: [
        ("1.2", "亿元", 120_000_000.0, "元"),
        ("3000", "万元", 30_000_000.0, "元"),
        ("850", "元", 850.0, "元"),
        ("5", "千元", 5000.0, "元"),
        ("12.5", "万平方米", 125_000.0, "㎡"),
        ("12000", "平方米", 12000.0, "㎡"),
        ("300", "㎡", 300.0, "㎡"),
        ("2", "平方公里", 2_000_000.0, "㎡"),
        ("3", "公顷", 30_000.0, "㎡"),
        ("1.5", "公里", 1500.0, "米"),
        ("3", "千米", 3000.0, "米"),
        ("2", "吨", 2000.0, "千克"),
        ("2129", "部", 2129.0, "部"),
        ("1.3", "万户", 13000.0, "户"),
        ("386", "个", 386.0, "个"),
        ("3", "万", 30000.0, ""),
        ("1,200", "户", 1200.0, "户"),
        ("300至500", "户", 300.0, "户"),
        ("99.4", "%", 99.4, "%"),
        ("１２.５", " 万平方米 ", 125_000.0, "㎡"),
        ("3.", "户", 3.0, "户"),
        ("约1.2.3", "元", 1.2, "元"),
    ])
    func normalises(value: String, unit: String, expected: Double, base: String) throws {
        let n = try #require(FigureUnit.normalize(value: value, unit: unit))
        #expect(n.value == expected)
        #expect(n.unit == base)
    }

    @Test func aValueWithNoNumberHasNone() {
        #expect(FigureUnit.normalize(value: "若干", unit: "户") == nil)
        #expect(FigureUnit.normalize(value: ".", unit: "户") == nil)
    }

    @Test func amountsInDifferentUnitsCompare() throws {
        let a = try #require(FigureUnit.normalize(value: "1.2", unit: "亿元"))
        let b = try #require(FigureUnit.normalize(value: "12000", unit: "万元"))
        #expect(a.value == b.value && a.unit == b.unit)
        let c = try #require(FigureUnit.normalize(value: "5", unit: "万平方米"))
        let d = try #require(FigureUnit.normalize(value: "50000", unit: "㎡"))
        #expect(c.value == d.value && c.unit == d.unit)
    }

    @Test func notANumber() {
        #expect(FigureUnit.normalize(value: "若干", unit: "户") == nil)
    }
}
