/// Every member name of the report-shaped JSON the protocol carries, spelled once: a stored report
/// and its parts (`get`, `classify`), the summaries and hits of `list` and `search`, and the results
/// of `themes`, `facts`, `trends` and `digest`. Whoever writes such JSON and whoever reads it back
/// (the store, the digest page, the CLI) names the member by its case, so a key cannot be written
/// one way and read another; the raw values are the protocol's and never change.
public enum ReportKey: String, CaseIterable, Sendable {
    // The report (README, protocol: `get`).
    case id, file, sha256, received, published
    /// The inbox subfolder a report was dropped in (also on `list` summaries).
    case tag
    case documentNumber = "document_number"
    case source, headline, articles, themes
    case notAReport = "not_a_report"
    case duplicateOf = "duplicate_of"
    case nearDuplicateOf = "near_duplicate_of"
    case warnings
    // Its source.
    case format, encoding, bytes
    // An article.
    case index, title, author, authors, affiliation, editors, paragraphs
    case primaryTheme = "primary_theme"
    case themesBy = "themes_by"
    case places, figures, reprints
    // A theme score, a figure, a reprint pointer.
    case score, evidence, cues
    case value, unit, text
    case report, article, similarity
    // `list` and `search`.
    case total, reports, labelled, hits, snippet
    // `themes`.
    case zh, en
    // `facts`.
    case facts, normalized, about, place, date, sentence
    // `trends`.
    case interval, by, since, until, theme, periods, series, key, counts
    // `digest`.
    case count
    case reprintsFolded = "reprints_folded"
    case themeNames = "theme_names"
    case trends

    /// An object with these members, in this order (the order is part of what clients see).
    public static func object(_ members: KeyValuePairs<ReportKey, JSONValue>) -> JSONValue {
        .object(members.map { ($0.key.rawValue, $0.value) })
    }
}

extension JSONValue {
    /// The member named by `key` of an object; nil for other values or a missing key.
    public subscript(key: ReportKey) -> JSONValue? { self[key.rawValue] }
}
