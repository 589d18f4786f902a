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

extension Trends {
    /// The first day of every period from `since` to `until` (at most 5,000), or nil for a range
    /// that is not one.
    package static func periodStarts(since: String, until: String, interval: TrendInterval) -> [Int]? {
        guard let first = CalendarDay.number(since), let last = CalendarDay.number(until), first <= last else { return nil }
        var starts: [Int] = []
        var start = CalendarDay.periodStart(first, interval: interval)
        while start <= last && starts.count < 5000 {
            starts.append(start)
            start = CalendarDay.nextPeriod(start, interval: interval)
        }
        return starts
    }

    /// Counts per key and day, as a store's query returns them, summed into the periods of
    /// `interval` that start on `starts`; the `limit` keys with the largest totals, largest first.
    package init(periods starts: [Int], interval: TrendInterval, counts rows: [(key: String, day: String, count: Int)],
                 limit: Int, articles: Int) {
        var counts: [String: [Int]] = [:]
        for row in rows {
            guard let day = CalendarDay.number(row.day),
                  let slot = Self.slot(of: CalendarDay.periodStart(day, interval: interval), in: starts) else { continue }
            counts[row.key, default: Array(repeating: 0, count: starts.count)][slot] += row.count
        }
        let series = counts.map { Series(key: $0.key, counts: $0.value, total: $0.value.reduce(0, +)) }
            .sorted { ($0.total, $1.key) > ($1.total, $0.key) }
            .prefix(limit)
        self.init(periods: starts.map(CalendarDay.string), series: Array(series), articles: articles)
    }

    /// The index of `period` among the period starts (binary search).
    static func slot(of period: Int, in starts: [Int]) -> Int? {
        var lo = 0, hi = starts.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if starts[mid] == period { return mid }
            if starts[mid] < period { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
