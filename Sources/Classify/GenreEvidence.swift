/// What a whole text says about its genre, for the "not a report" decision (`ThemeClassifier.isReport`).
struct GenreEvidence {
    /// Matches of the renewal genre's words (社区, 小区, 居民 …).
    var domainHits: Int
    /// Matches of specific theme cues.
    var cueHits: Int
    /// Matches of other genres' words (选购, 个股, 翻炒 …).
    var offGenreHits: Int
    /// Han characters in the text.
    var han: Int
    /// The strength of the most strongly asserted theme in any article (evidence over need), 0 if none.
    var strongestTheme: Double
}
