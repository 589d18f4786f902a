import ReportModel

/// One drop of a file: which report it became and where the original now lies.
public struct Drop: Sendable, Equatable {
    public var file: String
    public var reportID: String
    public var sha256: String
    public var received: String
    /// Path of the original under `archive/`.
    public var archivedAs: String

    public init(file: String, reportID: String, sha256: String, received: String, archivedAs: String) {
        self.file = file
        self.reportID = reportID
        self.sha256 = sha256
        self.received = received
        self.archivedAs = archivedAs
    }
}

/// A file that could not be ingested.
public struct Failure: Sendable, Equatable {
    public var file: String
    /// Stable code: `empty`, `binary`, `undecodable`, `too_large`, `not_regular_file`, …
    public var code: String
    public var reason: String
    public var at: String
    /// Where the original now lies (under `failed/`), or nil when it stayed in place.
    public var path: String?

    public init(file: String, code: String, reason: String, at: String, path: String?) {
        self.file = file
        self.code = code
        self.reason = reason
        self.at = at
        self.path = path
    }
}

/// Filters and paging shared by `list` and `search`.
public struct ReportFilter: Sendable, Equatable {
    public var theme: String?
    public var place: String?
    /// `YYYY-MM-DD`, inclusive, on `published`, else the day `received`.
    public var since: String?
    public var until: String?
    public var limit: Int
    public var offset: Int
    /// Leave out reprints and duplicates, so a story counts once.
    public var collapse: Bool
    /// Reports dropped in this inbox subfolder or any folder below it (`徐汇区` matches `徐汇区/街道`).
    public var tag: String?

    public init(theme: String? = nil, place: String? = nil, since: String? = nil, until: String? = nil,
                limit: Int = 20, offset: Int = 0, collapse: Bool = false, tag: String? = nil) {
        self.collapse = collapse
        self.tag = tag
        self.theme = theme
        self.place = place
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }

    /// No condition on which reports match, only paging: what the hot lists and the collection's
    /// own counts can answer.
    package var isUnfiltered: Bool { self == ReportFilter(limit: limit, offset: offset) }
}

/// What a listing shows of a report.
public struct ReportSummary: Sendable, Equatable {
    public var id: String
    public var file: String
    /// The inbox subfolder it was dropped in; nil at the top.
    public var tag: String? = nil
    public var title: String?
    public var published: String?
    public var received: String
    public var themes: [ThemeScore]
    public var labelled: Bool

    package init(id: String, file: String, tag: String? = nil, title: String?, published: String?, received: String, themes: [ThemeScore],
                 labelled: Bool) {
        self.id = id
        self.file = file
        self.tag = tag
        self.title = title
        self.published = published
        self.received = received
        self.themes = themes
        self.labelled = labelled
    }
}

/// One article that matched a search.
public struct SearchHit: Sendable, Equatable {
    public var report: String
    public var article: Int
    public var title: String?
    public var score: Double
    public var snippet: String
    public var themes: [ThemeScore]
    public var themesBy: ThemeProvenance

    package init(report: String, article: Int, title: String?, score: Double, snippet: String, themes: [ThemeScore], themesBy: ThemeProvenance) {
        self.report = report
        self.article = article
        self.title = title
        self.score = score
        self.snippet = snippet
        self.themes = themes
        self.themesBy = themesBy
    }
}

/// A person's themes for one article (the `label` op).
public struct Label: Sendable, Equatable {
    public var reportID: String
    public var article: Int
    public var themes: [String]
    public var primary: String?
    public var at: String

    public init(reportID: String, article: Int, themes: [String], primary: String?, at: String) {
        self.reportID = reportID
        self.article = article
        self.themes = themes
        self.primary = primary
        self.at = at
    }
}

/// Counts for `stats`.
public struct StoreCounts: Sendable, Equatable {
    public var reports: Int
    public var articles: Int
    public var failed: Int
    /// Theme id → number of articles asserting it.
    public var themes: [String: Int]

    package init(reports: Int, articles: Int, failed: Int, themes: [String: Int]) {
        self.reports = reports
        self.articles = articles
        self.failed = failed
        self.themes = themes
    }

    /// From a store's running totals (`Counters`: `reports`, `articles`, `failed`, `theme:ID`).
    package init(totals: [String: Int]) {
        var themes: [String: Int] = [:]
        for (name, value) in totals where name.hasPrefix("theme:") && value > 0 {
            themes[String(name.dropFirst("theme:".count))] = value
        }
        self.init(reports: totals["reports"] ?? 0, articles: totals["articles"] ?? 0, failed: totals["failed"] ?? 0, themes: themes)
    }
}

/// A report to store with its drop (see `ReportStore.store`).
///
/// Making one packs the report into the rows the store writes (compressed JSON and text, index
/// tokens): that is most of the work of storing it, so callers make items on every core and the
/// single writer only inserts rows.
public struct StoreItem: Sendable {
    public let report: Report
    public let textHash: String
    public var drop: Drop
    package let rows: PackedRows
    /// Per article, the hot lists its text matches (`ReportStore.prepare`), found off the writer.
    var hotMatches: [HotLists.Matches]?
    /// Reprints found in the store off the writer (`ReportStore.prepare`).
    var reprintLookup: ReprintLookup?

    public init(report: Report, textHash: String, drop: Drop) {
        self.report = report
        self.textHash = textHash
        self.drop = drop
        rows = PackedRows(report)
    }
}

/// What storing a report did.
public enum StoreOutcome: Sendable, Equatable {
    /// A new report.
    case stored
    /// The same bytes were stored before: only the drop was recorded.
    case alreadyStored
    /// Another file, whose full SHA-256 is given, already holds this report id (the first 16 hex
    /// digits of both hashes agree): nothing was stored, and the file fails instead of merging.
    case idCollision(stored: String)
}

/// Why the store failed, in words for the journal and `stats`.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case unavailable(String)
    case corrupt(String)
    /// The store in use cannot answer this kind of request (yet): the op answers `unsupported`.
    case unsupported(String)
    /// Two different files have the same report id (the first 16 hex digits of their SHA-256):
    /// the second is refused, never merged into the first.
    case idCollision(id: String, stored: String, offered: String)

    public var description: String {
        switch self {
        case .unavailable(let why): return "the database is unavailable: \(why)"
        case .corrupt(let why): return "a stored report cannot be read: \(why)"
        case .unsupported(let what): return "\(what) is unsupported on this store"
        case .idCollision(let id, let stored, let offered):
            return "report id \(id) is taken by a file with SHA-256 \(stored); this file's is \(offered)"
        }
    }
}
