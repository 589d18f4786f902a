/// Every term the classifier looks for, compiled into one automaton, with what each term means.
///
/// A term may play several roles at once: a cue of one theme, an exclusion of another, a domain word.
struct CueIndex: Sendable {
    /// What finding a term means.
    enum Role: Sendable {
        /// Evidence for theme number `theme` (an index into the taxonomy), weighted.
        case cue(theme: Int, weight: Double, learned: Bool)
        /// A cue of theme number `theme` inside this term does not count.
        case exclusion(theme: Int)
        /// A word of the renewal genre, counted to tell reports from other texts.
        case domain
        /// A word of another genre (shop, stock market, kitchen, fiction, sport), counted against it.
        case offGenre
    }

    let matcher: PatternMatcher
    let terms: [String]
    let roles: [[Role]]
    /// Terms of ASCII letters only (`PPP`, `AI`), which must not match inside a longer word.
    let isLatinWord: [Bool]
    /// Reporter words (`记者`), which do not count inside a byline (see `ThemeClassifier.isByline`).
    let isBylineWord: [Bool]
    /// The length in scalars of the longest term.
    let longestTerm: Int

    /// Compiles `themes` (with any learned cues appended per theme id) and the domain words.
    init(themes: [Theme], learned: [String: [Cue]], domain: [String], offGenre: [String] = []) {
        var idOf: [String: Int] = [:]
        var terms: [String] = []
        var roles: [[Role]] = []
        func add(_ term: String, _ role: Role) {
            guard !term.isEmpty else { return }
            if let id = idOf[term] {
                roles[id].append(role)
            } else {
                idOf[term] = terms.count
                terms.append(term)
                roles.append([role])
            }
        }
        for (index, theme) in themes.enumerated() {
            // A term listed twice for one theme keeps its largest weight.
            var best: [String: Double] = [:]
            for cue in theme.cues where cue.weight > 0 { best[cue.term] = max(best[cue.term] ?? 0, cue.weight) }
            for (term, weight) in best.sorted(by: { $0.key < $1.key }) { add(term, .cue(theme: index, weight: weight, learned: false)) }
            for cue in learned[theme.id] ?? [] where best[cue.term] == nil {
                add(cue.term, .cue(theme: index, weight: cue.weight, learned: true))
            }
            for term in theme.exclusions { add(term, .exclusion(theme: index)) }
        }
        for term in domain { add(term, .domain) }
        for term in offGenre { add(term, .offGenre) }
        self.matcher = PatternMatcher(patterns: terms)
        self.terms = terms
        self.roles = roles
        self.longestTerm = matcher.lengths.max() ?? 0
        self.isBylineWord = terms.map { ["记者", "通讯员", "摄影", "特约记者", "见习记者", "实习记者"].contains($0) }
        self.isLatinWord = terms.map { term in
            term.unicodeScalars.allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
        }
    }
}
