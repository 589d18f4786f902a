import Foundation
import QueryProtocol
import ReportModel
import Store

/// The `trends` op: article counts per theme or place per week or month, reprints counted once.
enum TrendsAnswer {
    static func query(_ request: Request, store: any ReportStore, today: String) throws -> TrendQuery {
        let interval = TrendInterval(rawValue: try request.choice("interval", in: TrendInterval.allCases.map(\.rawValue), default: "week")!)!
        let by = TrendQuery.Dimension(rawValue: try request.choice("by", in: ["theme", "place"], default: "theme")!)!
        let until = try request.date("until") ?? today
        guard let end = CalendarDay.number(until) else { throw ProtocolError(.badRequest, "\"until\" must be a date YYYY-MM-DD") }
        // By default twelve periods back from `until`.
        let defaultSince = CalendarDay.string(end - (interval == .month ? 365 : interval == .week ? 83 : 29))
        let since = try request.date("since") ?? defaultSince
        guard since <= until else { throw ProtocolError(.badRequest, "\"since\" must not be after \"until\"") }
        return TrendQuery(interval: interval, since: since, until: until, theme: try request.string("theme"),
                          place: try request.string("place"), by: by,
                          limit: try request.int("limit", default: by == .place ? 20 : 50, range: 1...1000))
    }

    static func result(_ request: Request, store: any ReportStore, today: String) throws -> JSONValue {
        let query = try query(request, store: store, today: today)
        return json(try store.trends(query), query: query)
    }

    static func json(_ trends: Trends, query: TrendQuery) -> JSONValue {
        ReportKey.object([
            .interval: .string(query.interval.rawValue), .by: .string(query.by.rawValue),
            .since: .string(query.since), .until: .string(query.until),
            .theme: .optional(query.theme), .place: .optional(query.place),
            .periods: .strings(trends.periods),
            .series: .array(trends.series.map { s in
                ReportKey.object([.key: .string(s.key), .counts: .array(s.counts.map(JSONValue.int)), .total: .int(s.total)])
            }),
            .articles: .int(trends.articles),
        ])
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func today() -> String {
        CalendarDay.string(Int(Date().timeIntervalSince1970 / 86400))
    }
}
