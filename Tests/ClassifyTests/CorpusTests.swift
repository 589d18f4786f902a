import Foundation
import ReportModel
import Testing
@testable import Classify

/// Scores the classifier on the evaluation corpus (read at run time, never copied) like `shared/tools/score`.
@Suite(.enabled(if: CorpusRun.requested, CorpusRun.reason)) struct CorpusTests {
    static func reports(_ split: String) throws -> [GoldReport] {
        guard let root = GoldReport.corpusRoot else { throw CorpusError.missing("../shared/corpus") }
        return try GoldReport.load(root.appendingPathComponent(split))
    }

    static func score(_ reports: [GoldReport], _ classifier: ThemeClassifier = ThemeClassifier(taxonomy: .builtIn)) -> ThemeScoreboard {
        var board = ThemeScoreboard()
        for report in reports {
            board.add(report, classifier.classify(report.articles, headline: report.headline))
        }
        return board
    }

    @Test(arguments: ["dev", "seed"])
    func meetsTheThresholds(split: String) throws {
        let reports = try Self.reports(split)
        #expect(!reports.isEmpty)
        let board = Self.score(reports)
        if ProcessInfo.processInfo.environment["CLASSIFY_DUMP"] != nil { Self.dumpFeatures(reports) }
        print("== \(split)\n" + board.rows.joined(separator: "\n") + "\n\(split): " + board.summary)
        #expect(board.microF1 >= 0.90, "\(split) theme_micro_f1 \(board.microF1)")
        #expect(board.primary >= 0.85, "\(split) primary \(board.primary)")
        #expect(board.forbiddenHits <= 2, "\(split) forbidden_hits \(board.forbiddenHits)")
        #expect(board.nonReportsRight == board.nonReports)
    }

    /// Every asserted theme on the corpus quotes 1–3 sentences of the article, each holding a fired cue.
    @Test func evidenceQuotesTheArticleAndHoldsACue() throws {
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        for report in try Self.reports("dev") + Self.reports("seed") {
            let result = classifier.classify(report.articles, headline: report.headline)
            for (article, themes) in zip(report.articles, result.articles) {
                let whole = ([article.title ?? ""] + article.paragraphs).joined(separator: "\n")
                for theme in themes.themes {
                    #expect((1...3).contains(theme.evidence.count), "\(report.id) \(theme.id)")
                    #expect((0...1).contains(theme.score))
                    for sentence in theme.evidence {
                        #expect(whole.contains(sentence), "\(report.id) \(theme.id): not quoted: \(sentence)")
                        #expect(theme.cues.contains { sentence.contains($0) }, "\(report.id) \(theme.id): no cue in \(sentence)")
                    }
                }
            }
        }
    }

    /// With CLASSIFY_DUMP set, prints every theme's features per article (for calibrating).
    static func dumpFeatures(_ reports: [GoldReport]) {
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        for report in reports where !report.notAReport {
            for (index, article) in report.articles.enumerated() {
                let analysis = classifier.analyze(title: article.title, paragraphs: article.paragraphs)
                let labels = report.labels[index]
                print("\(report.id)#\(index) han=\(analysis.han) sentences=\(analysis.bodySentences)")
                for (themeIndex, f) in classifier.features(analysis).enumerated() where f.mass > 0 {
                    let id = classifier.taxonomy.themes[themeIndex].id
                    let tag = labels.primary == id ? "P" : labels.required.contains(id) ? "R"
                        : labels.allowed.contains(id) ? "a" : labels.forbidden.contains(id) ? "F" : "-"
                    let cues = analysis.tallies[themeIndex].fired
                        .map { "\(classifier.index.terms[$0.key])×\($0.value.count)" }.sorted().joined(separator: " ")
                    print(String(format: "   %@ %@ strength=%.2f coverage=%.1f mass=%.1f title=%.1f sentences=%d %@  %@",
                                 tag, id, f.strength, f.coverage, f.mass, f.titleMass, f.sentences, f.asserted ? "ASSERTED" : "", cues))
                }
            }
        }
    }
}
