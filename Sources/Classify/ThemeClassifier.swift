import ReportModel

/// Themes for one article: asserted themes highest first, and the primary one.
public struct ArticleThemes: Sendable, Equatable {
    public var themes: [ThemeScore]
    public var primary: String?

    public init(themes: [ThemeScore] = [], primary: String? = nil) {
        self.themes = themes
        self.primary = primary
    }
}

/// The classifier's verdict on a whole report.
public struct Classification: Sendable, Equatable {
    /// One entry per article, in order.
    public var articles: [ArticleThemes]
    /// The report's themes aggregated over its articles.
    public var themes: [ThemeScore]
    public var notAReport: Bool

    public init(articles: [ArticleThemes], themes: [ThemeScore], notAReport: Bool) {
        self.articles = articles
        self.themes = themes
        self.notAReport = notAReport
    }
}

/// An article whose themes a person decided, used to learn themes without cue terms.
public struct LabelledArticle: Sendable, Equatable {
    public var text: String
    public var themes: [String]

    public init(text: String, themes: [String]) {
        self.text = text
        self.themes = themes
    }
}

/// Assigns themes to articles from cue terms found in their text.
public struct ThemeClassifier: Sendable {
    public let taxonomy: Taxonomy
    public let examples: [LabelledArticle]

    public init(taxonomy: Taxonomy, examples: [LabelledArticle] = []) {
        self.taxonomy = taxonomy
        self.examples = examples
    }

    public func classify(_ articles: [Article], headline: String? = nil) -> Classification {
        let perArticle = articles.map(classify)
        var totals: [String: ThemeScore] = [:]
        for themes in perArticle {
            for t in themes.themes {
                if var existing = totals[t.id] {
                    existing.score = max(existing.score, t.score)
                    totals[t.id] = existing
                } else {
                    totals[t.id] = t
                }
            }
        }
        let report = totals.values.sorted { $0.score > $1.score }
        return Classification(articles: perArticle, themes: report, notAReport: report.isEmpty)
    }

    public func classify(_ article: Article) -> ArticleThemes {
        let text = ([article.title ?? ""] + article.paragraphs).joined(separator: "\n")
        var found: [ThemeScore] = []
        for theme in taxonomy.themes {
            let fired = theme.cues.filter { text.contains($0.term) }
            guard !fired.isEmpty else { continue }
            let weight = fired.reduce(0) { $0 + $1.weight }
            let evidence = article.paragraphs.filter { p in fired.contains { p.contains($0.term) } }.prefix(3)
            found.append(ThemeScore(id: theme.id, score: min(1, weight / 4), evidence: Array(evidence), cues: fired.map(\.term)))
        }
        found.sort { $0.score > $1.score }
        return ArticleThemes(themes: found, primary: found.first?.id)
    }
}
