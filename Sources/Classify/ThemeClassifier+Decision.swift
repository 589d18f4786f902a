import ReportModel

/// The constants that turn tallies into decisions, in one place so they can be reasoned about together.
enum Calibration {
    /// Evidence (weighted cues, title counted twice) a theme needs in an article of `referenceHan` Han
    /// characters; the need grows with the square root of length, as passing mentions do.
    static let baseNeed = 6.6
    static let referenceHan = 400.0
    /// A theme must appear in this many body sentences, unless the title names it or the article is
    /// shorter than `shortArticle` sentences (a one-paragraph notice or a short lead).
    static let minSentences = 2
    static let shortArticle = 4
    /// Cues of at least this weight are specific to their theme (see `Cue`).
    static let specificWeight = 2.0
    /// Share of the need that specific cues must supply: common words alone (居民, 管理, 建设) never make a topic.
    static let minSpecificShare = 0.3
    /// Sentence weight at which a sentence counts fully towards a theme's coverage (for the primary theme).
    static let fullSentenceWeight = 2.0
    /// Fewer Han characters than this is not a report (a menu, a spreadsheet, a stray line).
    static let minHan = 15
    /// Genre words per hundred Han characters below which a text is not a report on renewal.
    static let minGenreDensity = 1.5
    /// Genre words and specific cues per hundred Han characters below which a text is not a report.
    static let minDomainDensity = 4.0
    /// A theme this many times above its need, with specific cues at `minCueDensity` per hundred Han
    /// characters, is clearly discussed: the text is a report whatever its genre words.
    static let clearStrength = 2.0
    static let minCueDensity = 3.0
    /// Other genres' words per hundred Han characters at which a text is not a report.
    static let maxOffGenreDensity = 0.8
    /// Evidence sentences quoted per theme.
    static let maxEvidence = 3
    /// What the title adds to a theme's claim to be primary, as a share of the leading theme's coverage
    /// plus strength: a title that names the theme (a cue of weight 3) adds `titleShare`, one naming it
    /// with a cue of `namingWeight` proportionally less. A notice titled 加装电梯补贴 whose body weighs
    /// money about as much is about elevator retrofit. Larger shares (0.4 and up), or a bonus for a title
    /// naming one theme alone, moved primaries of the dev corpus and the seed away from their gold.
    static let titleShare = 0.25
    /// A title word below this weight only relates to a theme (补助 in 加装电梯可补助20万元, 公共空间 in
    /// 党建引领公共空间更新): it adds nothing to the theme's claim to be primary, so a theme the body
    /// spends a few more money or space words on does not outbid the one the title names. 2.5 is where
    /// the lexicon's terms start to name their theme (see `BuiltInCues`).
    static let namingWeight = 2.5
}

/// The numbers behind one theme's decision for one article.
struct ThemeFeatures {
    var mass: Double
    var titleMass: Double
    var sentences: Int
    var need: Double
    /// Evidence relative to the need: asserted at 1 or more.
    var strength: Double
    /// Body sentences discussing the theme, each counted up to 1 by its cue weight.
    var coverage: Double
    /// The heaviest cue of the theme in the title (3 when the title names the theme), 0 if none.
    var titleTop: Double
    var asserted: Bool
}

extension ThemeClassifier {
    /// The features of every theme of an analysed article, in taxonomy order.
    func features(_ analysis: ArticleAnalysis) -> [ThemeFeatures] {
        let length = max(Double(analysis.han), 60)
        let need = Calibration.baseNeed * (length / Calibration.referenceHan).squareRoot()
        return analysis.tallies.map { tally in
            let mass = tally.mass
            let title = tally.titleMass
            let sentences = tally.bodySentences(in: analysis.text)
            let strength = (mass + title) / need
            let spread = sentences >= Calibration.minSentences || title > 0
                || (sentences >= 1 && analysis.bodySentences < Calibration.shortArticle)
            let specific = tally.specificMass >= Calibration.minSpecificShare * need
            var coverage = 0.0
            for (sentence, weight) in tally.sentenceWeight where !analysis.text.sentences[sentence].isTitle {
                coverage += min(1, weight / Calibration.fullSentenceWeight)
            }
            let titleTop = tally.fired.values.reduce(0) { $1.inTitle ? max($0, $1.weight) : $0 }
            return ThemeFeatures(mass: mass, titleMass: title, sentences: sentences, need: need, strength: strength,
                                 coverage: coverage, titleTop: titleTop,
                                 asserted: strength >= 1 && spread && specific)
        }
    }

    /// Asserted themes (highest first) with scores, evidence and cues, and the primary theme.
    func decide(_ analysis: ArticleAnalysis) -> ArticleThemes {
        let all = features(analysis)
        var scored: [(ThemeScore, Double)] = []
        for (themeIndex, feature) in all.enumerated() where feature.asserted {
            let tally = analysis.tallies[themeIndex]
            let score = feature.strength / (feature.strength + 1)
            let result = ThemeScore(id: taxonomy.themes[themeIndex].id, score: (score * 1000).rounded() / 1000,
                                    evidence: evidence(tally, analysis.text), cues: cues(tally, analysis.text))
            scored.append((result, feature.coverage + feature.strength))
        }
        // The primary theme is the one discussed in most sentences, weighted by its overall strength, and
        // by what the title names the article to be about (see `Calibration.titleShare`, `namingWeight`).
        let top = scored.map(\.1).max() ?? 0
        var claims: [(String, Double)] = []
        for (themeIndex, feature) in all.enumerated() where feature.asserted {
            let named = feature.titleTop >= Calibration.namingWeight
            let title = named ? Calibration.titleShare * min(1, feature.titleTop / 3) : 0
            claims.append((taxonomy.themes[themeIndex].id, feature.coverage + feature.strength + top * title))
        }
        scored.sort { $0.0.score != $1.0.score ? $0.0.score > $1.0.score : $0.0.id < $1.0.id }
        let primary = claims.max { $0.1 < $1.1 }?.0
        return ArticleThemes(themes: scored.map(\.0), primary: primary)
    }

    /// Up to three sentences carrying the most cue weight, body before title, in reading order.
    private func evidence(_ tally: ThemeTally, _ text: ArticleText) -> [String] {
        let ranked = tally.sentenceWeight.sorted { a, b in
            let aTitle = text.sentences[a.key].isTitle, bTitle = text.sentences[b.key].isTitle
            if aTitle != bTitle { return !aTitle }
            return a.value != b.value ? a.value > b.value : a.key < b.key
        }
        return ranked.prefix(Calibration.maxEvidence).map(\.key).sorted().map(text.text(of:))
    }

    /// The fired cue terms as written in the text, strongest first.
    private func cues(_ tally: ThemeTally, _ text: ArticleText) -> [String] {
        let ranked = tally.fired.values.sorted { a, b in
            let wa = a.weight * Double(a.count), wb = b.weight * Double(b.count)
            return wa != wb ? wa > wb : a.start < b.start
        }
        var seen = Set<String>()
        var terms: [String] = []
        for fired in ranked {
            let term = text.string(fired.start, fired.end)
            if seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }
}
