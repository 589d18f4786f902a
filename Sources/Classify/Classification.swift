import ReportModel

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
