import Classify
import QueryProtocol
import ReportModel
import Store

/// The `digest` op: what arrived in a period, by theme, with the charts' data and the key figures.
/// `renewald digest` renders exactly this as a page.
enum DigestAnswer {
    /// `7d`, `2w`, `3m` (30 days) back from today, or a date.
    static func since(_ text: String, today: String) throws(ProtocolError) -> String {
        if CalendarDay.number(text) != nil, text.count == 10 { return text }
        guard let unit = text.last, let n = Int(text.dropLast()), n > 0, n <= 36500,
              let days = ["d": 1, "w": 7, "m": 30][String(unit)], let end = CalendarDay.number(today) else {
            throw ProtocolError(.badRequest, "\"since\" must be a date YYYY-MM-DD or a duration such as 7d, 4w, 3m")
        }
        return CalendarDay.string(end - n * days + 1)
    }

    /// Daily bars for up to a month, weekly up to half a year, then monthly.
    static func interval(since: String, until: String) -> TrendInterval {
        let days = (CalendarDay.number(until) ?? 0) - (CalendarDay.number(since) ?? 0) + 1
        return days <= 31 ? .day : days <= 183 ? .week : .month
    }

    static func result(_ request: Request, store: any ReportStore, taxonomy: Taxonomy, today: String) throws -> JSONValue {
        let until = try request.date("until") ?? today
        let since = try Self.since(try request.string("since") ?? "7d", today: until)
        guard since <= until else { throw ProtocolError(.badRequest, "\"since\" must not be after \"until\"") }
        let place = try request.string("place")
        let limit = try request.int("limit", default: 500, range: 1...5000)
        let interval = interval(since: since, until: until)

        let articles = try store.digestArticles(ReportFilter(place: place, since: since, until: until, limit: limit, collapse: true))
        var groups: [String: [DigestArticle]] = [:]
        for article in articles { groups[article.primaryTheme ?? "", default: []].append(article) }
        var themeGroups: [JSONValue] = []
        for theme in taxonomy.themes + [Theme(id: "", zh: "其他", en: "Other")] {
            guard let items = groups[theme.id], !items.isEmpty else { continue }
            themeGroups.append(ReportKey.object([
                .id: theme.id.isEmpty ? .null : .string(theme.id), .zh: .string(theme.zh), .en: .string(theme.en),
                .count: .int(items.count),
                .articles: .array(items.map { a in
                    ReportKey.object([.report: .string(a.report), .article: .int(a.article), .title: .optional(a.title),
                                      .place: .optional(a.place), .date: .string(a.date), .evidence: .optional(a.evidence),
                                      .themes: .strings(a.themes), .reprints: .int(a.reprints)])
                }),
            ]))
        }
        let byTheme = TrendQuery(interval: interval, since: since, until: until, place: place, by: .theme, limit: 50)
        let byPlace = TrendQuery(interval: interval, since: since, until: until, place: place, by: .place, limit: 12)
        let facts = try store.facts(FactFilter(place: place, since: since, until: until, limit: 1000, collapse: true)).facts
        return ReportKey.object([
            .since: .string(since), .until: .string(until), .place: .optional(place), .interval: .string(interval.rawValue),
            .articles: .int(articles.count), .reprintsFolded: .int(articles.reduce(0) { $0 + $1.reprints }),
            .themes: .array(themeGroups),
            .themeNames: .object(taxonomy.themes.map { ($0.id, .string($0.zh)) }),
            .trends: TrendsAnswer.json(try store.trends(byTheme), query: byTheme),
            .places: TrendsAnswer.json(try store.trends(byPlace), query: byPlace),
            .facts: .array(keyFigures(facts).map(FactsAnswer.json)),
        ])
    }

    /// Base units worth a headline, in order: money, area, households, lifts, projects.
    static let unitRank = ["元": 0, "㎡": 1, "户": 2, "部": 3, "个": 4, "栋": 5, "人": 6, "名": 6, "处": 7, "米": 8]

    /// The period's key figures: at most one per article, the largest of each weighty unit in turn
    /// (the biggest sum of money, the biggest area, the most households …, then the second of each).
    static func keyFigures(_ facts: [Fact], count: Int = 12) -> [Fact] {
        var byUnit: [Int: [Fact]] = [:]
        for fact in facts {
            guard let unit = fact.normalizedUnit, let rank = unitRank[unit] else { continue }
            byUnit[rank, default: []].append(fact)
        }
        var queues = byUnit.sorted { $0.key < $1.key }.map { $0.value.sorted { ($0.normalizedValue ?? 0) > ($1.normalizedValue ?? 0) } }
        var seen: Set<String> = []
        var out: [Fact] = []
        while out.count < count, queues.contains(where: { !$0.isEmpty }) {
            for i in queues.indices where out.count < count {
                while let fact = queues[i].first {
                    queues[i].removeFirst()
                    let key = "\(fact.report)#\(fact.article)"
                    if seen.insert(key).inserted { out.append(fact); break }
                }
            }
        }
        return out
    }
}
