import Foundation
import ReportModel
import Testing
@testable import Classify

/// Scores the classifier on the evaluation corpus (read at run time, never copied) like `shared/tools/score`.
@Suite struct CorpusTests {
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

    /// Set CLASSIFY_DUMP=1 to print every theme's features per article (for calibrating, not asserting).
    @Test func dumpFeatures() throws {
        guard ProcessInfo.processInfo.environment["CLASSIFY_DUMP"] != nil else { return }
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        for report in try Self.reports("dev") + Self.reports("seed") {
            var domain = 0, han = 0, cue = 0
            for (index, article) in report.articles.enumerated() {
                let analysis = classifier.analyse(title: article.title, paragraphs: article.paragraphs)
                domain += analysis.domainHits
                cue += analysis.cueHits
                han += analysis.han
                guard !report.notAReport else { continue }
                let labels = report.labels[index]
                print("\(report.id)#\(index) han=\(analysis.han) sentences=\(analysis.bodySentences)")
                for (themeIndex, f) in classifier.features(analysis).enumerated() {
                    let id = classifier.taxonomy.themes[themeIndex].id
                    let tag = labels.primary == id ? "P" : labels.required.contains(id) ? "R" : labels.allowed.contains(id) ? "a" : labels.forbidden.contains(id) ? "F" : "-"
                    guard f.mass > 0 else { continue }
                    let cues = analysis.tallies[themeIndex].fired.map { "\(classifier.index.terms[$0.key])×\($0.value.count)" }.sorted().joined(separator: " ")
                    print(String(format: "   %@ %-26@ s=%.2f m=%.1f t=%.1f n=%d  %@", tag, id, f.strength, f.mass, f.titleMass, f.sentences, cues))
                    func cov(_ c: Double) -> Double {
                        analysis.tallies[themeIndex].sentenceWeight.reduce(0.0) { $0 + (analysis.text.sentences[$1.key].isTitle ? 0 : min(1, $1.value / c)) }
                    }
                    let specific = analysis.tallies[themeIndex].fired.values.reduce(0.0) { $0 + ($1.weight >= 2 ? $1.weight * (1 + 0.4 * Double(min($1.count - 1, 3))) : 0) }
                    print(String(format: "JSON {\"a\":\"%@#%d\",\"tag\":\"%@\",\"id\":\"%@\",\"s\":%.3f,\"m\":%.2f,\"t\":%.2f,\"n\":%d,\"need\":%.2f,\"spec\":%.2f,\"N\":%d,\"asserted\":%d,\"cov1\":%.2f,\"cov2\":%.2f,\"cov3\":%.2f}",
                                 report.id, index, tag, id, f.strength, f.mass, f.titleMass, f.sentences, f.need, specific, analysis.bodySentences, f.asserted ? 1 : 0, cov(1), cov(2), cov(3)))
                }
            }
            print("\(report.id) genre density \(String(format: "%.1f", Double(domain) * 100 / Double(max(1, han)))) with cues \(String(format: "%.1f", Double(domain + cue) * 100 / Double(max(1, han)))) han=\(han)")
        }
    }
}
