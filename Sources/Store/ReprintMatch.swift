/// A stored article that a new article substantially repeats, as found before or during the commit.
struct ReprintMatch: Sendable, Equatable {
    var rowid: Int64
    var report: String
    var index: Int
    /// The article it repeats in turn (reprints point at the first of a story), if any.
    var reprintOf: Int64?
    var similarity: Double
}

/// Where an article's reprint search stands before its commit.
struct ReprintLookup: Sendable {
    /// Per article, the best match in the store as it was when the lookup read it.
    var matches: [ReprintMatch?]
    /// Commits known to be in that snapshot: later ones are checked by the writer (`RecentSketches`).
    var generation: UInt64
}
