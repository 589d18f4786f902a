import PostgresNIO
import Store

/// The SQL conditions of a `ReportFilter` on report alias `r`, with their parameters: the same
/// conditions as `SQLiteStore.conditions`, so both stores list and search the same reports.
struct FilterSQL {
    private(set) var binds = PostgresBindings()
    var parts: [String] = []

    /// No conditions yet: the caller adds its own (`parts`, `bind`).
    init() {}

    init(_ filter: ReportFilter) {
        // Each placeholder is taken before `parts` changes: one access to `self` at a time.
        if let theme = filter.theme {
            let p = bind(theme)
            parts.append("r.id IN (SELECT a.report_id FROM article_theme t JOIN article a ON a.id = t.article WHERE t.theme = \(p))")
        }
        if let place = filter.place {
            // ILIKE: SQLite's LIKE ignores the case of ASCII letters.
            let p = bind("%\(PostgresStore.text(place))%")
            parts.append("EXISTS (SELECT 1 FROM article a JOIN article_place p ON p.article = a.id WHERE a.report_id = r.id AND p.place ILIKE \(p))")
        }
        if let since = filter.since { let p = bind(since); parts.append("r.day >= \(p)") }
        if let until = filter.until { let p = bind(until); parts.append("r.day <= \(p)") }
        if filter.collapse { parts.append("r.reprint_of IS NULL") }
        if let tag = filter.tag {
            // The folder itself or any below it ("tag/" up to, not including, "tag0"), as SQLite.
            let (exact, low, high) = (bind(tag), bind(tag + "/"), bind(tag + "0"))
            parts.append("(r.tag = \(exact) OR (r.tag > \(low) AND r.tag < \(high)))")
        }
    }

    /// A placeholder for `value`, bound as the next parameter.
    mutating func bind(_ value: String) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    var condition: String { parts.isEmpty ? "true" : parts.joined(separator: " AND ") }

    /// `head`, the condition, then `tail`, with the parameters bound so far.
    func query(_ head: String, _ tail: String) -> PostgresQuery {
        query(head + " " + condition + " " + tail)
    }

    /// `sql`, which holds the condition where the caller put it, with the parameters bound so far.
    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
