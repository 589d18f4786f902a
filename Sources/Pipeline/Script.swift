import ChineseScript
import Classify
import Normalize
import ReportModel
import Segment

/// A text written in traditional characters, read through its simplified form.
///
/// The segmenter, the classifier and the extractors know the simplified vocabulary (社区, 记者, 物业),
/// so they see the simplified form, scalar for scalar the same length as the text (see
/// `SimplifiedChinese`). What people read stays as written: headline, title, author, affiliation,
/// paragraphs, evidence sentences, cue terms and figure clauses are put back from the original;
/// places and figure units are given in simplified form, which is what `search` and filters use.
struct Script {
    let simplifiedLines: [String]
    /// The format's title and metadata lines in simplified form, as the segmenter compares them with lines.
    let simplifiedHints: LayoutHints
    let restorer: ScriptRestorer

    /// Nil for text with no traditional-only characters (nearly all input): it is analysed as it is.
    init?(lines: [String], hints: LayoutHints = LayoutHints()) {
        guard lines.contains(where: SimplifiedChinese.hasTraditional) else { return nil }
        simplifiedLines = lines.map(SimplifiedChinese.simplified)
        var simplifiedHints = hints
        simplifiedHints.title = hints.title.map(SimplifiedChinese.simplified)
        simplifiedHints.fallbackTitle = hints.fallbackTitle.map(SimplifiedChinese.simplified)
        simplifiedHints.metadata = hints.metadata.map(SimplifiedChinese.simplified)
        self.simplifiedHints = simplifiedHints
        let extra = [hints.title, hints.fallbackTitle].compactMap { $0 } + hints.metadata
        let simplifiedExtra = [simplifiedHints.title, simplifiedHints.fallbackTitle].compactMap { $0 } + simplifiedHints.metadata
        restorer = ScriptRestorer(simplified: simplifiedLines + simplifiedExtra, original: lines + extra)
    }

    /// Puts a report segmented from the simplified lines back into the original script.
    func restoreText(of report: inout Report) {
        report.headline = restorer.restore(report.headline)
        for i in report.articles.indices {
            report.articles[i].title = restorer.restore(report.articles[i].title)
            report.articles[i].authors = report.articles[i].authors.map { restorer.restore($0) }
            report.articles[i].editors = report.articles[i].editors.map { restorer.restore($0) }
            report.articles[i].source = restorer.restore(report.articles[i].source)
            report.articles[i].affiliation = restorer.restore(report.articles[i].affiliation)
            report.articles[i].paragraphs = report.articles[i].paragraphs.map { restorer.restore($0) }
            report.articles[i].figures = report.articles[i].figures.map { figure in
                var figure = figure
                figure.text = restorer.restore(figure.text)
                return figure
            }
        }
    }

    /// The report's text in simplified form, or nil when it has no traditional characters.
    static func simplifiedText(of report: Report) -> Report? {
        let hasTraditional = report.headline.map(SimplifiedChinese.hasTraditional) ?? false || report.articles.contains { article in
            article.title.map(SimplifiedChinese.hasTraditional) ?? false || article.paragraphs.contains(where: SimplifiedChinese.hasTraditional)
        }
        guard hasTraditional else { return nil }
        var simplified = report
        simplified.headline = report.headline.map(SimplifiedChinese.simplified)
        for i in simplified.articles.indices {
            simplified.articles[i].title = report.articles[i].title.map(SimplifiedChinese.simplified)
            simplified.articles[i].paragraphs = report.articles[i].paragraphs.map(SimplifiedChinese.simplified)
        }
        return simplified
    }

    /// Evidence sentences and cue terms found in an article's simplified form, as written in `original`.
    static func restoreQuotes(_ themes: ArticleThemes, original: Article, simplified: Article) -> ArticleThemes {
        let restorer = ScriptRestorer(simplified: [simplified.title ?? ""] + simplified.paragraphs,
                                      original: [original.title ?? ""] + original.paragraphs)
        var restored = themes
        restored.themes = themes.themes.map { theme in
            var theme = theme
            theme.evidence = theme.evidence.map { restorer.restore($0) }
            theme.cues = theme.cues.map { restorer.restore($0) }
            return theme
        }
        return restored
    }
}

extension ReportBuilder {
    /// Classifies a report's articles on their simplified form when there is one, quoting as written.
    func classify(_ report: Report, simplified: Report?) -> Classification {
        guard let simplified, simplified.articles.count == report.articles.count else {
            return classifier.classify(report.articles, headline: report.headline)
        }
        var classification = classifier.classify(simplified.articles, headline: simplified.headline)
        for i in classification.articles.indices where i < report.articles.count {
            classification.articles[i] = Script.restoreQuotes(classification.articles[i], original: report.articles[i],
                                                              simplified: simplified.articles[i])
        }
        classification.themes = ThemeClassifier.aggregate(classification.articles.map(\.themes))
        return classification
    }
}
