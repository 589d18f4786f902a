import GRDB
import ReportModel

/// Changes to the running totals in the `counter` table, gathered during a write transaction and
/// saved at its end (one statement per total that changed).
struct Counters {
    private var deltas: [String: Int] = [:]

    init(_ deltas: [String: Int] = [:]) { self.deltas = deltas }

    static func theme(_ id: String) -> String { "theme:" + id }

    mutating func add(_ name: String, _ delta: Int) { deltas[name, default: 0] += delta }

    /// A new report: itself, its articles, their index tokens and their themes.
    mutating func add(_ report: Report, rows: PackedRows) {
        add("reports", 1)
        add("articles", report.articles.count)
        add("tokens", rows.articles.reduce(0) { $0 + $1.length })
        for article in report.articles {
            for id in article.themeIDs { add(Self.theme(id), 1) }
        }
    }

    func save(in db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value
            """)
        for (name, delta) in deltas where delta != 0 { try upsert.execute(arguments: [name, delta]) }
    }

    /// Every total, by name.
    static func load(_ db: Database) throws -> [String: Int] {
        var totals: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, value FROM counter") { totals[row[0]] = row[1] }
        return totals
    }
}

extension Article {
    /// The article's themes as `article_theme` holds them (and the counters count them): each once.
    package var themeIDs: Set<String> { Set(themes.map(\.id)) }
}
