import ReportModel
import Testing
@testable import Store

@Suite struct FactExtractionTests {
    @Test func factsCarryTheirSentencePlaceAndSubject() throws {
        let article = Article(index: 0, paragraphs: ["今年以来，成都市加快推进城市更新。武侯区累计完成既有住宅加装电梯386部，惠及居民5200户。下一步继续推进。"],
                              places: ["成都市", "武侯区"],
                              figures: [Figure(value: "386", unit: "部", text: "武侯区累计完成既有住宅加装电梯386部"),
                                        Figure(value: "5200", unit: "户", text: "惠及居民5200户")])
        let rows = FactExtraction.rows(article)
        #expect(rows.count == 2)
        #expect(rows[0].sentence == "武侯区累计完成既有住宅加装电梯386部，惠及居民5200户。")
        #expect(rows[0].place == "武侯区")
        #expect(rows[0].about == "武侯区累计完成既有住宅加装电梯")
        #expect(rows[0].normalizedValue == 386 && rows[0].normalizedUnit == "部")
        #expect(rows[1].about == "惠及居民")
    }

    @Test func thePlaceIsTheOneNamedLastBeforeTheNumber() {
        let article = Article(index: 0, paragraphs: ["武侯区和锦江区今年改造12个小区，锦江区再改造8个小区，青羊区也在推进"],
                              places: ["青羊区", "武侯区", "锦江区"],
                              figures: [Figure(value: "8", unit: "个", text: "锦江区再改造8个小区"),
                                        Figure(value: "5", unit: "个", text: "另有5个")])
        let rows = FactExtraction.rows(article)
        #expect(rows[0].place == "锦江区")
        #expect(rows[0].sentence == article.paragraphs[0])
        #expect(rows[1].place == "青羊区")   // not in the text: the article's first place
        #expect(rows[1].sentence == "另有5个")
    }

    @Test func aNumberOpeningItsClauseIsAboutWhatFollows() {
        #expect(FactExtraction.about(Figure(value: "12", unit: "个", text: "12个小区完成改造")) == "小区完成改造")
        #expect(FactExtraction.about(Figure(value: "30", unit: "万元", text: "投入资金累计已达30万元")) == "投入资金")
        #expect(FactExtraction.about(Figure(value: "12", unit: "个", text: "12个")) == "12个")
    }
}
