import Foundation
import PostgresNIO
import ReportModel
import Store

// Figures, trends and the digest on PostgreSQL: the same questions as SQLiteStore+Facts and
// SQLiteStore+Trends, asked of the same rows (`fact`, `article_theme`, `article_place`), so every
// host of a collection, and either store, gives the same answer.
extension PostgresStore {
    /// The fact rows of newly stored articles.
    func insertFacts(_ facts: [(article: Int64, n: Int, row: FactExtraction.Row)], in session: PostgresSession) throws {
        guard !facts.isEmpty else { return }
        let normUnits = NullableText(facts.map { Self.text($0.row.normalizedUnit) })
        let places = NullableText(facts.map { Self.text($0.row.place) })
        try session.query("""
            INSERT INTO fact (article, n, value, unit, norm_value, norm_unit, about, place, sentence)
            SELECT a, n, v, u, CASE WHEN vn THEN NULL ELSE nv END, CASE WHEN un THEN NULL ELSE nu END, ab,
                   CASE WHEN pn THEN NULL ELSE p END, s
            FROM unnest(\(facts.map(\.article))::bigint[], \(facts.map(\.n))::integer[],
                        \(facts.map { Self.text($0.row.value) })::text[], \(facts.map { Self.text($0.row.unit) })::text[],
                        \(facts.map { $0.row.normalizedValue ?? 0 })::float8[], \(facts.map { $0.row.normalizedValue == nil })::boolean[],
                        \(normUnits.values)::text[], \(normUnits.nulls)::boolean[], \(facts.map { Self.text($0.row.about) })::text[],
                        \(places.values)::text[], \(places.nulls)::boolean[], \(facts.map { Self.text($0.row.sentence) })::text[])
                AS u(a, n, v, u, nv, vn, nu, un, ab, p, pn, s)
            ON CONFLICT DO NOTHING
            """)
    }

    public func facts(_ filter: FactFilter) throws -> (total: Int, facts: [Fact]) {
        var sql = FilterSQL()
        if filter.collapse { sql.parts.append("a.reprint_of IS NULL AND r.reprint_of IS NULL") }
        sql.add(since: filter.since, until: filter.until, theme: filter.theme)
        if let place = filter.place {
            // The fact's own place, or (for figures whose sentence names none) one of its article's.
            let p = sql.bind("%\(Self.text(place))%")
            sql.parts.append("(f.place ILIKE \(p) OR EXISTS (SELECT 1 FROM article_place p WHERE p.article = a.id AND p.place ILIKE \(p)))")
        }
        if let unit = filter.unit {
            let p = sql.bind(unit)
            sql.parts.append("(f.unit = \(p) OR f.norm_unit = \(p))")
        }
        for word in (filter.text ?? "").split(whereSeparator: \.isWhitespace) {
            sql.parts.append("strpos(f.sentence, \(sql.bind(String(word)))) > 0")
        }
        let from = "FROM fact f JOIN article a ON a.id = f.article JOIN report r ON r.id = a.report_id WHERE \(sql.condition)"
        return try run { session in
            let total = try session.query(sql.query("SELECT count(*) \(from)")).first.map { try $0.decode(Int64.self) } ?? 0
            let rows = try session.query(sql.query("""
                SELECT f.value, f.unit, f.norm_value, f.norm_unit, f.about, f.place, r.day, a.report_id, a.idx, f.sentence, a.themes
                \(from) ORDER BY r.day DESC, a.id DESC, f.n LIMIT \(filter.limit) OFFSET \(filter.offset)
                """))
            let facts = try rows.map { row -> Fact in
                let (value, unit, normValue, normUnit, about, place, day, report, index, sentence, themes) =
                    try row.decode((String, String, Double?, String?, String, String?, String, String, Int, String, String).self)
                return Fact(value: value, unit: unit, normalizedValue: normValue, normalizedUnit: normUnit, about: about, place: place,
                            date: day, report: report, article: index, sentence: sentence,
                            themes: SQLiteStore.themes(fromSummary: themes).map(\.id))
            }
            return (Int(total), facts)
        }
    }

    public func trends(_ query: TrendQuery) throws -> Trends {
        guard let starts = Trends.periodStarts(since: query.since, until: query.until, interval: query.interval) else {
            return Trends(periods: [], series: [], articles: 0)
        }
        var counted = FilterSQL.countedArticles(since: query.since, until: query.until, theme: query.theme, place: query.place)
        let articlesQuery = counted.query("SELECT count(*) FROM article a JOIN report r ON r.id = a.report_id WHERE \(counted.condition)")
        // The key's own join condition binds after the counted conditions: one list of placeholders.
        var keyJoin: String, keyColumn: String
        if query.by == .theme {
            keyColumn = "k.theme"
            keyJoin = "JOIN article_theme k ON k.article = a.id"
            if let theme = query.theme { keyJoin += " AND k.theme = \(counted.bind(theme))" }
        } else {
            keyColumn = "k.place"
            keyJoin = "JOIN article_place k ON k.article = a.id"
            if let place = query.place { keyJoin += " AND k.place ILIKE \(counted.bind("%\(Self.text(place))%"))" }
        }
        let countsQuery = counted.query("""
            SELECT \(keyColumn), r.day, count(*) FROM article a JOIN report r ON r.id = a.report_id \(keyJoin)
            WHERE \(counted.condition) GROUP BY \(keyColumn), r.day
            """)
        return try run { session in
            let articles = try session.query(articlesQuery).first.map { try $0.decode(Int64.self) } ?? 0
            let rows = try session.query(countsQuery).map { row in
                let (key, day, count) = try row.decode((String, String, Int64).self)
                return (key: key, day: day, count: Int(count))
            }
            return Trends(periods: starts, interval: query.interval, counts: rows, limit: query.limit, articles: Int(articles))
        }
    }

    public func digestArticles(_ filter: ReportFilter) throws -> [DigestArticle] {
        let counted = FilterSQL.countedArticles(since: filter.since, until: filter.until, theme: filter.theme, place: filter.place)
        let query = counted.query("""
            SELECT a.report_id, a.idx, r.day, r.json, (SELECT count(*) FROM article b WHERE b.reprint_of = a.id), a.body
            FROM article a JOIN report r ON r.id = a.report_id
            WHERE \(counted.condition) AND NOT r.not_a_report
            ORDER BY r.day DESC, r.received DESC, a.id LIMIT \(filter.limit) OFFSET \(filter.offset)
            """)
        return try run { session in
            var out: [DigestArticle] = []
            var reports: [String: Report] = [:]
            for row in try session.query(query) {
                let (id, index, day, json, reprints, body) = try row.decode((String, Int, String, Data, Int64, Data).self)
                if reports[id] == nil { reports[id] = try PackedReport.unpack(json) }
                guard let report = reports[id],
                      let article = SQLiteStore.digestArticle(report, index: index, day: day, body: body, reprints: Int(reprints), place: filter.place)
                else { continue }
                out.append(article)
            }
            return out
        }
    }
}

/// Conditions on article `a` of report `r`, as SQLiteStore builds them for facts, trends and the digest.
extension FilterSQL {
    /// The articles a trend or digest counts: in the date range, not a reprint, in a report that is
    /// not a reprint (SQLiteStore.countedArticles).
    static func countedArticles(since: String?, until: String?, theme: String?, place: String?) -> FilterSQL {
        var sql = FilterSQL()
        sql.parts = ["a.reprint_of IS NULL", "r.reprint_of IS NULL"]
        sql.add(since: since, until: until, theme: theme)
        if let place {
            let p = sql.bind("%\(PostgresStore.text(place))%")
            sql.parts.append("EXISTS (SELECT 1 FROM article_place p WHERE p.article = a.id AND p.place ILIKE \(p))")
        }
        return sql
    }

    mutating func add(since: String?, until: String?, theme: String?) {
        if let since { parts.append("r.day >= \(bind(since))") }
        if let until { parts.append("r.day <= \(bind(until))") }
        if let theme { parts.append("EXISTS (SELECT 1 FROM article_theme t WHERE t.article = a.id AND t.theme = \(bind(theme)))") }
    }
}
