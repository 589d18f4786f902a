import ReportModel

/// Assigns themes to articles from weighted cue terms found in their text, and says why.
///
/// **Matching.** Every cue term of every theme (plus exclusions and the genre's domain words) goes into
/// one Aho–Corasick automaton over Unicode scalars, so Chinese is matched as substrings with no word
/// segmenter to split unknown terms (市住建局 stays whole), and an article is scanned once whatever the
/// size of the lexicon. ASCII is matched case- and width-insensitively, as whole words.
///
/// **Discussed, not mentioned in passing.** For each theme the cues that count are tallied: each
/// distinct term once at its weight, each repeat adding 0.4 of it (at most three repeats), cues in the
/// title counted twice, and a cue inside a longer cue of the same theme not counted again (老旧小区 in
/// 老旧小区改造). A theme is asserted when
/// - this evidence reaches the need for the article's length (`Calibration.baseNeed` for 400 Han
///   characters, growing with the square root of length, as passing mentions do),
/// - it is spread over at least two body sentences, or named in the title, and
/// - specific terms (weight ≥ 2) supply part of it: common words alone (居民, 管理, 电梯) are not a topic.
///
/// Cues do not count inside a longer term that means something else (the theme's exclusions: 文化宫,
/// 宣传贯彻, 电梯维保), before a road or street word (文化路, 公园路, 和平街), or inside a byline or author
/// footer (`（记者 …）`, `（作者系…）`).
///
/// **Scores.** `score = s / (s + 1)` where `s` is the evidence divided by the need, so an asserted theme
/// scores at least 0.5 and one with three times the needed evidence 0.75. The **primary** theme is the
/// asserted theme with the highest coverage plus strength, coverage being the number of body sentences
/// discussing it (each counted up to 1 by its cue weight): what most of the article is about, not
/// merely the strongest words.
///
/// **Evidence.** Up to three sentences with the most cue weight for the theme, body before title, in
/// reading order, quoted exactly; `cues` lists the fired terms as written, so every evidence sentence
/// contains one of them.
///
/// **Not a report.** See `isReport`: texts that are not about community renewal (menus, fiction,
/// spreadsheets, recipes, product sheets) get `notAReport` and no themes.
///
/// **Learning from corrections.** See `CueLearner`: labelled articles teach cues to their themes,
/// including themes that exist only in a user taxonomy without cue terms.
public struct ThemeClassifier: Sendable {
    public let taxonomy: Taxonomy
    public let examples: [LabelledArticle]
    /// Cues mined from `examples`, by theme id (see `CueLearner`).
    public let learnedCues: [String: [Cue]]
    let index: CueIndex

    /// Compiles the taxonomy's cues, plus cues learned from `examples` (people's labels), into one matcher.
    /// Cheap enough (milliseconds) to rebuild on every `reload` or `label`.
    public init(taxonomy: Taxonomy, examples: [LabelledArticle] = []) {
        self.taxonomy = taxonomy
        self.examples = examples
        let learned = CueLearner(examples: examples).cues(for: taxonomy)
        self.learnedCues = learned
        self.index = CueIndex(themes: taxonomy.themes, learned: learned, domain: BuiltInCues.domain,
                              offGenre: BuiltInCues.offGenre)
    }

    /// Classifies a report's articles; decides first whether the text is a report on renewal at all.
    public func classify(_ articles: [Article], headline: String? = nil) -> Classification {
        let analyses = articles.map { analyze(title: $0.title, paragraphs: $0.paragraphs) }
        var domainHits = analyses.reduce(0) { $0 + $1.domainHits }
        var cueHits = analyses.reduce(0) { $0 + $1.cueHits }
        var han = analyses.reduce(0) { $0 + $1.han }
        var offGenreHits = analyses.reduce(0) { $0 + $1.offGenreHits }
        if let headline, !headline.isEmpty {
            let head = analyze(title: nil, paragraphs: [headline])
            domainHits += head.domainHits
            cueHits += head.cueHits
            offGenreHits += head.offGenreHits
            han += head.han
        }
        let strongest = analyses.lazy.flatMap { self.features($0) }.filter(\.asserted).map(\.strength).max() ?? 0
        let evidence = GenreEvidence(domainHits: domainHits, cueHits: cueHits, offGenreHits: offGenreHits, han: han,
                                     strongestTheme: strongest)
        if !Self.isReport(evidence) {
            return Classification(articles: articles.map { _ in ArticleThemes() }, themes: [], notAReport: true)
        }
        let perArticle = analyses.map(decide)
        return Classification(articles: perArticle, themes: aggregate(perArticle), notAReport: false)
    }

    /// Classifies one article on its own (no report-level "not a report" decision).
    public func classify(_ article: Article) -> ArticleThemes {
        decide(analyze(title: article.title, paragraphs: article.paragraphs))
    }

    /// Whether a text is a report on community renewal: Chinese prose, not written in another genre's
    /// words (a shop or a home-buying guide, the stock market, a kitchen, a novel, a match: at most
    /// `Calibration.maxOffGenreDensity` of them), that either
    /// - speaks of the places people live and their renewal (genre words) and carries theme cues
    ///   densely, or
    /// - clearly discusses a theme (one asserted with `Calibration.clearStrength` or more, specific cues
    ///   dense), as city-scale texts on sponge-city drainage or heritage districts do without saying
    ///   小区 or 居民.
    /// A smart-lock product sheet is dense in smart-community cues but has no genre words and a shop's
    /// vocabulary; a novel set in an old building has a few genre words but no density of either; a guide
    /// to buying a flat speaks of 小区 and 物业 in a buyer's words (楼盘, 户型, 首付).
    static func isReport(_ text: GenreEvidence) -> Bool {
        guard text.han >= Calibration.minHan else { return false }
        let per100 = 100 / Double(text.han)
        guard Double(text.offGenreHits) * per100 < Calibration.maxOffGenreDensity else { return false }
        let genre = Double(text.domainHits) * per100 >= Calibration.minGenreDensity
            && Double(text.domainHits + text.cueHits) * per100 >= Calibration.minDomainDensity
        let discussed = text.strongestTheme >= Calibration.clearStrength
            && Double(text.cueHits) * per100 >= Calibration.minCueDensity
        return genre || discussed
    }

    /// The report's themes: every theme asserted for some article, with its best article's score and evidence.
    private func aggregate(_ articles: [ArticleThemes]) -> [ThemeScore] {
        Self.aggregate(articles.map(\.themes))
    }

    /// Themes over several articles: each with the score and evidence of the article where it scored best, highest first.
    public static func aggregate(_ themeLists: [[ThemeScore]]) -> [ThemeScore] {
        var best: [String: ThemeScore] = [:]
        var order: [String] = []
        for themes in themeLists {
            for theme in themes {
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
