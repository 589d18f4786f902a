import Normalize
import ReportModel

/// A page split into its parts, before classification.
public struct Page: Sendable, Equatable {
    public var headline: String?
    /// `YYYY-MM-DD` from a dateline or sign-off, nil when no full date is given.
    public var published: String?
    /// Articles with title, author, affiliation, paragraphs, places and figures; no themes yet.
    public var articles: [Article]
    public var warnings: [String]

    public init(headline: String? = nil, published: String? = nil, articles: [Article] = [], warnings: [String] = []) {
        self.headline = headline
        self.published = published
        self.articles = articles
        self.warnings = warnings
    }
}

/// Splits normalised text into headline and articles.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: NormalizedText) -> Page {
        let article = Article(index: 0, paragraphs: text.lines)
        return Page(articles: text.lines.isEmpty ? [] : [article], warnings: text.warnings)
    }
}
