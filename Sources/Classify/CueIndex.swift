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
    }

    let matcher: PatternMatcher
    let terms: [String]
    let roles: [[Role]]
    /// Terms of ASCII letters only (`PPP`, `AI`), which must not match inside a longer word.
    let isLatinWord: [Bool]

    /// Compiles `themes` (with any learned cues appended per theme id) and the domain words.
    init(themes: [Theme], learned: [String: [Cue]], domain: [String]) {
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
        self.matcher = PatternMatcher(patterns: terms)
        self.terms = terms
        self.roles = roles
        self.isLatinWord = terms.map { term in
            term.unicodeScalars.allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
        }
    }
}
