/// How `trends` groups days.
public enum TrendInterval: String, Sendable, CaseIterable {
    case day, week, month
}

/// What `trends` counts: articles of a date range per theme or per place, per period.
public struct TrendQuery: Sendable, Equatable {
    public enum Dimension: String, Sendable { case theme, place }

    public var interval: TrendInterval
    /// `YYYY-MM-DD`, inclusive.
    public var since: String
    public var until: String
    public var theme: String?
    public var place: String?
    public var by: Dimension
    /// Keys kept (the largest totals): places are many.
    public var limit: Int

    public init(interval: TrendInterval, since: String, until: String, theme: String? = nil, place: String? = nil,
                by: Dimension = .theme, limit: Int = 50) {
        self.interval = interval
        self.since = since
        self.until = until
        self.theme = theme
        self.place = place
        self.by = by
        self.limit = limit
    }
}

/// Counts per key per period, ready to chart.
public struct Trends: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var key: String
        public var counts: [Int]
        public var total: Int

        package init(key: String, counts: [Int], total: Int) {
            self.key = key
            self.counts = counts
            self.total = total
        }
    }

    /// The first day of each period, every period of the range (zeros included).
    public var periods: [String]
    /// Largest total first.
    public var series: [Series]
    /// Articles counted (each once, however many keys it has).
    public var articles: Int

    /// Built by either store.
    package init(periods: [String], series: [Series], articles: Int) {
        self.periods = periods
        self.series = series
        self.articles = articles
    }
}

/// One article for the digest: what it is, where and when, why it is in its theme.
public struct DigestArticle: Sendable, Equatable {
    public var report: String
    public var article: Int
    public var title: String?
    public var place: String?
    public var date: String
    public var primaryTheme: String?
    public var themes: [String]
    public var evidence: String?
    /// Later articles folded into this one.
    public var reprints: Int

    /// Built by either store.
    package init(report: String, article: Int, title: String?, place: String?, date: String, primaryTheme: String?,
                 themes: [String], evidence: String?, reprints: Int) {
        self.report = report
        self.article = article
        self.title = title
        self.place = place
        self.date = date
        self.primaryTheme = primaryTheme
        self.themes = themes
        self.evidence = evidence
        self.reprints = reprints
    }
}

