import ReportModel

/// The themes in force: ids are API values, labels are for people, cues drive the classifier.
public struct Taxonomy: Sendable, Equatable {
    public var themes: [Theme]

    public init(themes: [Theme]) { self.themes = themes }

    /// The theme with this id, if it is in force.
    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}

/// One theme and the terms that signal it.
public struct Theme: Sendable, Equatable {
    public var id: String
    public var zh: String
    public var en: String
    public var cues: [Cue]
    /// Terms inside which a cue of this theme does not count (`文化宫` for a `文化` cue, `宣传贯彻` for `宣传`).
    public var exclusions: [String]

    public init(id: String, zh: String, en: String, cues: [Cue] = [], exclusions: [String] = []) {
        self.id = id
        self.zh = zh
        self.en = en
        self.cues = cues
        self.exclusions = exclusions
    }
}

/// A term whose presence is evidence for a theme, with its weight.
///
/// Weights: 3 names the theme outright, 2 a specific term, 1 an ordinary term (the default), below 1 a
/// word that only counts in company.
public struct Cue: Sendable, Equatable {
    public var term: String
    public var weight: Double

    public init(_ term: String, weight: Double = 1) {
        self.term = term
        self.weight = weight
    }
}

/// Why a taxonomy file cannot be used.
public enum TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .notJSON(let why): return "the taxonomy file is not JSON: \(why)"
        case .invalid(let why): return "the taxonomy file is not usable: \(why)"
        }
    }
}
