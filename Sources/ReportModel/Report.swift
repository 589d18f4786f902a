/// One ingested file as the protocol's `get` returns it (see the README's protocol section).
public struct Report: Sendable, Equatable {
    public var id: String
    public var file: String
    /// The inbox subfolder the file was dropped in (`徐汇区`, `徐汇区/街道`), nil at the top of the inbox.
    public var tag: String?
    public var sha256: String
    /// ISO 8601 UTC, e.g. `2026-11-26T14:03:11Z`.
    public var received: String
    /// `YYYY-MM-DD`, or nil when the text gives no full date with a year.
    public var published: String?
    /// An official document number printed in the header (`济建发〔2023〕47号`), or nil.
    public var documentNumber: String?
    public var source: Source
    public var headline: String?
    public var articles: [Article]
    public var themes: [ThemeScore]
    public var notAReport: Bool
    public var duplicateOf: String?
    /// Set when the report's main article is a reprint of a stored article.
    public var nearDuplicateOf: NearDuplicate?
    public var warnings: [String]

    public init(id: String, file: String, sha256: String, received: String, published: String? = nil,
                source: Source, headline: String? = nil, articles: [Article] = [], themes: [ThemeScore] = [],
                notAReport: Bool = false, duplicateOf: String? = nil, nearDuplicateOf: NearDuplicate? = nil,
                warnings: [String] = []) {
        self.id = id
        self.file = file
        self.sha256 = sha256
        self.received = received
        self.published = published
        self.source = source
        self.headline = headline
        self.articles = articles
        self.themes = themes
        self.notAReport = notAReport
        self.duplicateOf = duplicateOf
        self.nearDuplicateOf = nearDuplicateOf
        self.warnings = warnings
    }

    /// The first article title, else the headline: what a listing shows.
    public var displayTitle: String? { headline ?? articles.lazy.compactMap(\.title).first }
}

/// Where the text came from and how it was read.
public struct Source: Sendable, Equatable {
    public var format: SourceFormat
    public var encoding: TextEncoding
    public var bytes: Int

    public init(format: SourceFormat, encoding: TextEncoding, bytes: Int) {
        self.format = format
        self.encoding = encoding
        self.bytes = bytes
    }
}

/// One article of a page: an editor's lead has no title or author.
public struct Article: Sendable, Equatable {
    public var index: Int
    public var title: String?
    /// The writers, in byline order (reporters, `文/`, `作者：`, `图文：`; never editors).
    public var authors: [String]
    /// The writers joined with `、`, as the protocol's `author` field; nil when there are none.
    public var author: String? {
        get { authors.isEmpty ? nil : authors.joined(separator: "、") }
        set { authors = newValue.map { $0.split(separator: "、").map(String.init) } ?? [] }
    }
    public var affiliation: String?
    /// The outlet the page names (`来源：新华网`, `成都日报` in a dateline), nil when none.
    public var source: String?
    /// Editors credited on the page (`责任编辑：…`, `编辑：…`).
    public var editors: [String]
    public var paragraphs: [String]
    public var themes: [ThemeScore]
    public var primaryTheme: String?
    /// Who decided the themes: the classifier, or a person after a `label` correction.
    public var themesBy: ThemeProvenance
    public var places: [String]
    public var figures: [Figure]
    /// The stored article this one substantially repeats (a reprint), if any.
    public var nearDuplicateOf: NearDuplicate?
    /// Later articles that repeat this one (filled in when the report is read back).
    public var reprints: [NearDuplicate]

    public init(index: Int, title: String? = nil, author: String? = nil, affiliation: String? = nil,
                paragraphs: [String] = [], themes: [ThemeScore] = [], primaryTheme: String? = nil,
                themesBy: ThemeProvenance = .classifier, places: [String] = [], figures: [Figure] = [],
                source: String? = nil, editors: [String] = [],
                nearDuplicateOf: NearDuplicate? = nil, reprints: [NearDuplicate] = []) {
        self.index = index
        self.title = title
        self.authors = author.map { $0.split(separator: "、").map(String.init) } ?? []
        self.affiliation = affiliation
        self.source = source
        self.editors = editors
        self.paragraphs = paragraphs
        self.themes = themes
        self.primaryTheme = primaryTheme
        self.themesBy = themesBy
        self.places = places
        self.figures = figures
        self.nearDuplicateOf = nearDuplicateOf
        self.reprints = reprints
    }
}

/// A theme asserted for an article or report, with the sentences that justify it.
public struct ThemeScore: Sendable, Equatable {
    public var id: String
    /// In [0, 1].
    public var score: Double
    /// 1–3 sentences quoted from the article.
    public var evidence: [String]
    /// The cue terms that fired, so a person can see why.
    public var cues: [String]

    public init(id: String, score: Double, evidence: [String] = [], cues: [String] = []) {
        self.id = id
        self.score = score
        self.evidence = evidence
        self.cues = cues
    }
}

/// An Arabic-numeral quantity with its unit, and the clause it stands in.
public struct Figure: Sendable, Equatable {
    public var value: String
    public var unit: String
    public var text: String

    public init(value: String, unit: String, text: String) {
        self.value = value
        self.unit = unit
        self.text = text
    }
}
