import ReportModel

/// A figure from an article as the `facts` op returns it: the number, its unit and base unit, what it
/// is about, the place and date it belongs to, and where it was said.
public struct Fact: Sendable, Equatable {
    public var value: String
    public var unit: String
    public var normalizedValue: Double?
    public var normalizedUnit: String?
    /// The words of the clause that name what is counted (`居民出资加装电梯`).
    public var about: String
    public var place: String?
    /// `YYYY-MM-DD`: the report's published date, else the day it was received.
    public var date: String
    public var report: String
    public var article: Int
    public var sentence: String
    public var themes: [String]

    public init(value: String, unit: String, normalizedValue: Double?, normalizedUnit: String?, about: String,
                place: String?, date: String, report: String, article: Int, sentence: String, themes: [String]) {
        self.value = value
        self.unit = unit
        self.normalizedValue = normalizedValue
        self.normalizedUnit = normalizedUnit
        self.about = about
        self.place = place
        self.date = date
        self.report = report
        self.article = article
        self.sentence = sentence
        self.themes = themes
    }
}

/// What `facts` filters on (all optional, combined with AND).
public struct FactFilter: Sendable, Equatable {
    public var theme: String?
    public var place: String?
    /// A base unit (`元`, `㎡`) or a unit as written (`万元`).
    public var unit: String?
    public var since: String?
    public var until: String?
    /// Words that must occur in the sentence.
    public var text: String?
    public var limit: Int
    public var offset: Int
    /// Leave out figures from reprints (the story counts once).
    public var collapse: Bool

    public init(theme: String? = nil, place: String? = nil, unit: String? = nil, since: String? = nil, until: String? = nil,
                text: String? = nil, limit: Int = 50, offset: Int = 0, collapse: Bool = true) {
        self.theme = theme
        self.place = place
        self.unit = unit
        self.since = since
        self.until = until
        self.text = text
        self.limit = limit
        self.offset = offset
        self.collapse = collapse
    }
}
