import Classify
import ReportModel
import Testing
@testable import Pipeline

/// A report in traditional characters is analysed in simplified form and kept as written.
@Suite struct TraditionalScriptTests {
    let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: .builtIn))
    let text = """
        紅色物業進社區　業主滿意度明顯提升
        本報記者 陳明
        今年以來，某區推行紅色物業，社區黨組織牽頭成立業主委員會，引入物業服務企業。
        物業公司每月向業主大會報告物業費收支，業主委員會監督物業服務品質。
        居民反映，社區環境明顯改善，物業管理糾紛減少三成，業主滿意度達到95%。
        """

    @Test func textStaysAsWrittenWhileThemesComeFromTheSimplifiedForm() throws {
        let report = try builder.build(bytes: Array(text.utf8), file: "t.txt", received: "t")
        #expect(!report.notAReport)
        let article = try #require(report.articles.first)
        #expect(article.title == "紅色物業進社區　業主滿意度明顯提升")
        #expect(article.paragraphs.joined().contains("業主委員會監督物業服務品質"))
        let property = try #require(report.themes.first { $0.id == "property-management" })
        // Evidence and cues are quoted as written, so each evidence sentence is in the text.
        let body = article.paragraphs.joined(separator: "\n")
        #expect(property.evidence.allSatisfy { body.contains($0) || $0 == article.title })
        #expect(property.cues.contains("物業管理") || property.cues.contains("紅色物業"))
    }

    @Test func reclassifyingAStoredTraditionalReportFindsTheSameThemes() throws {
        let report = try builder.build(bytes: Array(text.utf8), file: "t.txt", received: "t")
        let again = builder.reclassify(report)
        #expect(again.themes.map(\.id) == report.themes.map(\.id))
        #expect(again.articles[0].themes.first?.evidence == report.articles[0].themes.first?.evidence)
    }

    /// A content farm's copy of a post in traditional script, its first line printed again where each
    /// picture was: that line is the title (though it reads like a question), the copies are gone.
    @Test func aPostsFirstLinePrintedForEachPictureIsItsTitle() {
        let title = "不是吧! 難道還有人不知道桂香街道有這樣一條小巷?"
        var lines = [title, "", "在桂香街道", "", "有這樣一條小巷", ""]
        for _ in 0..<4 { lines += [title, ""] }
        lines += ["背街小巷整治提升讓居民出行更方便，老舊小區改造同步推進。"]
        let report = builder.analyze(lines.joined(separator: "\n"))
        #expect(report.articles[0].title == title)
        #expect(!report.articles[0].paragraphs.contains(title))
    }
}
