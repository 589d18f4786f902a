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
