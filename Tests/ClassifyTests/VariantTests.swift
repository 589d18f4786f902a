import Foundation
import ReportModel
import Testing
@testable import Classify

/// The degraded variants of the dev reports (PDF text extraction with hard wraps and doubled runs,
/// full-width text) are classified like the clean text. Each file is read whole as one article, so
/// this isolates the classifier from segmentation.
@Suite(.enabled(if: CorpusRun.requested, CorpusRun.reason)) struct VariantTests {
    static func classify(_ text: String, _ classifier: ThemeClassifier) -> Classification {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        return classifier.classify([Article(index: 0, paragraphs: lines)])
    }

    @Test(arguments: ["pdf-pypdf.txt", "pdf-poppler.txt", "fullwidth.txt"])
    func variantsKeepTheirThemes(suffix: String) throws {
        guard let root = GoldReport.corpusRoot else { throw CorpusError.missing("../shared/corpus") }
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        var reports = 0, primaryMoved = 0, largestChange = 0.0, worst = ""
        for report in try CorpusTests.reports("dev") {
            let clean = Self.classify(try String(contentsOf: root.appendingPathComponent("dev/\(report.id)/clean.txt"), encoding: .utf8), classifier)
            let variant = Self.classify(try String(contentsOf: root.appendingPathComponent("dev-variants/\(report.id).\(suffix)"), encoding: .utf8), classifier)
            #expect(variant.notAReport == clean.notAReport, "\(report.id).\(suffix)")
            guard !clean.notAReport else { continue }
            reports += 1
            primaryMoved += variant.articles[0].primary == clean.articles[0].primary ? 0 : 1
            for theme in clean.articles[0].themes where theme.score >= 0.6 {
                let after = variant.articles[0].themes.first { $0.id == theme.id }?.score ?? 0
                if abs(after - theme.score) > largestChange {
                    largestChange = abs(after - theme.score)
                    worst = "\(report.id) \(theme.id) \(theme.score) → \(after)"
                }
                #expect(after >= 0.5, "\(report.id).\(suffix): \(theme.id) lost (\(theme.score) → \(after))")
            }
        }
        print("\(suffix): primary moved in \(primaryMoved)/\(reports) reports, largest score change \(largestChange) (\(worst))")
        #expect(largestChange <= 0.1)
        #expect(primaryMoved <= 1)
    }
}
