import ReportModel

/// Assigns themes to articles from weighted cue terms found in their text, and says why.
///
/// **Matching.** Every cue term of every theme (plus exclusions and the genre's domain words) goes into
/// one Aho–Corasick automaton over Unicode scalars, so Chinese is matched as substrings with no word
/// segmenter to split unknown terms, and an article is scanned once whatever the lexicon size.
///
/// **Discussed, not mentioned.** A theme is asserted only when its evidence is substantial *for the
/// article's length*: the weighted cues (each distinct term counted once, repeats adding a little, a
/// longer cue hiding the shorter cues of the same theme it contains) plus a bonus for cues in the title,
/// spread over several sentences or dense in a short text. Cues do not count inside a term that merely
/// contains them (the theme's exclusions: `文化宫`, `宣传贯彻`), inside a street name (`文化路`,
/// `公园路`), or inside a byline or author footer (`（记者 …）`, `（作者系…）`).
///
/// **Scores.** `score = s / (s + 1)` where `s` is the evidence strength relative to the assertion
/// threshold, so an asserted theme scores at least 0.5 and a theme with three times the needed
/// evidence 0.75. The primary theme is the strongest one, title cues counting extra.
///
/// **Not a report.** A text whose genre words (theme cues and words such as 社区, 居民, 改造, 治理) are
/// too sparse per hundred Han characters, or that has almost no Han text, is not about community
/// renewal (a menu, a novel, a spreadsheet, a recipe) and gets no themes.
///
/// **Learning from corrections.** See `CueLearner`: themes labelled by people, including themes that
/// exist only in a user taxonomy without any cue terms, get cues mined from the labelled articles.
public struct ThemeClassifier: Sendable {
    public let taxonomy: Taxonomy
    public let examples: [LabelledArticle]
    /// Cues mined from `examples`, by theme id (see `CueLearner`).
    public let learnedCues: [String: [Cue]]
    let index: CueIndex

    public init(taxonomy: Taxonomy, examples: [LabelledArticle] = []) {
        self.taxonomy = taxonomy
        self.examples = examples
        let learned = CueLearner(examples: examples).cues(for: taxonomy)
        self.learnedCues = learned
        self.index = CueIndex(themes: taxonomy.themes, learned: learned, domain: BuiltInCues.domain)
    }

    /// Classifies a report's articles; decides first whether the text is a report on renewal at all.
    public func classify(_ articles: [Article], headline: String? = nil) -> Classification {
        let analyses = articles.map { analyse(title: $0.title, paragraphs: $0.paragraphs) }
        var domainHits = analyses.reduce(0) { $0 + $1.domainHits }
        var han = analyses.reduce(0) { $0 + $1.han }
        if let headline, !headline.isEmpty {
            let head = analyse(title: nil, paragraphs: [headline])
            domainHits += head.domainHits
            han += head.han
        }
        if !Self.isReport(domainHits: domainHits, han: han) {
            return Classification(articles: articles.map { _ in ArticleThemes() }, themes: [], notAReport: true)
        }
        let perArticle = analyses.map(decide)
        return Classification(articles: perArticle, themes: aggregate(perArticle), notAReport: false)
    }

    /// Classifies one article on its own (no report-level "not a report" decision).
    public func classify(_ article: Article) -> ArticleThemes {
        decide(analyse(title: article.title, paragraphs: article.paragraphs))
    }

    /// Whether genre words are dense enough for a text to be a report on community renewal.
    static func isReport(domainHits: Int, han: Int) -> Bool {
        guard han >= 40 else { return false }
        return Double(domainHits) * 100 / Double(han) >= Calibration.minDomainDensity
    }

    /// The report's themes: every theme asserted for some article, with its best article's score and evidence.
    private func aggregate(_ articles: [ArticleThemes]) -> [ThemeScore] {
        var best: [String: ThemeScore] = [:]
        var order: [String] = []
        for article in articles {
            for theme in article.themes {
                if let current = best[theme.id] {
                    if theme.score > current.score { best[theme.id] = theme }
                } else {
                    best[theme.id] = theme
                    order.append(theme.id)
                }
            }
        }
        return order.compactMap { best[$0] }.sorted { $0.score > $1.score }
    }
}
