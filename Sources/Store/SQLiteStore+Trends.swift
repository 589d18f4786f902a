import Foundation
import GRDB
import ReportModel

extension SQLiteStore {
    /// Which articles a trend or digest counts: in the date range, not a reprint, in a report that is
    /// not a reprint (so `list` with `"collapse": true` lists exactly their reports).
    static func countedArticles(since: String?, until: String?, theme: String?, place: String?) -> (sql: String, arguments: StatementArguments) {
        var parts = ["a.reprint_of IS NULL", "r.reprint_of IS NULL"]
        var arguments: StatementArguments = []
        if let since { parts.append("r.day >= ?"); arguments += [since] }
        if let until { parts.append("r.day <= ?"); arguments += [until] }
        if let theme {
            parts.append("EXISTS (SELECT 1 FROM article_theme t WHERE t.article_rowid = a.rowid AND t.theme = ?)")
            arguments += [theme]
        }
        if let place {
            parts.append("EXISTS (SELECT 1 FROM article_place p WHERE p.article_rowid = a.rowid AND p.place LIKE ?)")
            arguments += ["%\(place)%"]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    public func trends(_ query: TrendQuery) throws -> Trends {
        guard let starts = Trends.periodStarts(since: query.since, until: query.until, interval: query.interval) else {
            return Trends(periods: [], series: [], articles: 0)
        }
        let (condition, arguments) = Self.countedArticles(since: query.since, until: query.until, theme: query.theme, place: query.place)
        let keyJoin = query.by == .theme
            ? "JOIN article_theme k ON k.article_rowid = a.rowid" + (query.theme == nil ? "" : " AND k.theme = ?")
            : "JOIN article_place k ON k.article_rowid = a.rowid" + (query.place == nil ? "" : " AND k.place LIKE ?")
        let keyColumn = query.by == .theme ? "k.theme" : "k.place"
        var keyArguments: StatementArguments = []
        if query.by == .theme, let theme = query.theme { keyArguments += [theme] }
        if query.by == .place, let place = query.place { keyArguments += ["%\(place)%"] }
        return try db.read { db in
            let articles = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM article a JOIN report r ON r.id = a.report_id WHERE \(condition)
                """, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(keyColumn), r.day, COUNT(*) FROM article a JOIN report r ON r.id = a.report_id \(keyJoin)
                WHERE \(condition) GROUP BY \(keyColumn), r.day
                """, arguments: keyArguments + arguments).map { (key: $0[0] as String, day: $0[1] as String, count: $0[2] as Int) }
            return Trends(periods: starts, interval: query.interval, counts: rows, limit: query.limit, articles: articles)
        }
    }

    public func digestArticles(_ filter: ReportFilter) throws -> [DigestArticle] {
        let (condition, arguments) = Self.countedArticles(since: filter.since, until: filter.until, theme: filter.theme, place: filter.place)
        return try db.read { db in
            var out: [DigestArticle] = []
            var reports: [String: Report] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.report_id, a.idx, r.day, r.json, (SELECT COUNT(*) FROM article_reprint p WHERE p.original_rowid = a.rowid), a.body
                FROM article a JOIN report r ON r.id = a.report_id
                WHERE \(condition) AND r.not_a_report = 0
                ORDER BY r.day DESC, r.received DESC, a.rowid LIMIT ? OFFSET ?
                """, arguments: arguments + [filter.limit, filter.offset]) {
                let id: String = row[0]
                if reports[id] == nil { reports[id] = try PackedReport.unpack(row[3]) }
                guard let report = reports[id],
                      let article = Self.digestArticle(report, index: row[1], day: row[2], body: row[5], reprints: row[4], place: filter.place)
                else { continue }
                out.append(article)
            }
            return out
        }
    }

    /// One digest entry from its stored report, as both stores make it; nil when the report has no
    /// article `index`.
    package static func digestArticle(_ report: Report, index: Int, day: String, body: Data, reprints: Int, place: String?) -> DigestArticle? {
        guard let article = report.articles.first(where: { $0.index == index }) else { return nil }
        let primary = article.primaryTheme ?? article.themes.first?.id
        let title = article.title ?? report.displayTitle ?? leadLine(PackedReport.unpackText(body))
        // The sentence that shows the theme, not the title again.
        let quotes = article.themes.first(where: { $0.id == primary })?.evidence ?? []
        let evidence = quotes.first { $0 != title } ?? quotes.first
        return DigestArticle(report: report.id, article: index, title: title, place: mostSpecificPlace(article.places, matching: place),
                             date: day, primaryTheme: primary, themes: article.themes.map(\.id), evidence: evidence, reprints: reprints)
    }

    /// An untitled article's first line when it is short enough to stand for a title (a title line
    /// the segmenter kept in the body).
    static func leadLine(_ body: String) -> String? {
        guard let first = body.split(separator: "\n").first, first.count <= 40 else { return nil }
        return String(first)
    }

    /// The place an article is filed under: the one asked about, else the first it names.
    static func mostSpecificPlace(_ places: [String], matching: String?) -> String? {
        if let matching, let hit = places.first(where: { $0.contains(matching) }) { return hit }
        return places.first
    }
}
