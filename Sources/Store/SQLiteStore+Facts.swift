import GRDB
import ReportModel

extension SQLiteStore {
    public func facts(_ filter: FactFilter) throws -> (total: Int, facts: [Fact]) {
        var parts = ["1"]
        var arguments: StatementArguments = []
        if filter.collapse { parts.append("a.reprint_of IS NULL AND r.reprint_of IS NULL") }
        if let since = filter.since { parts.append("r.day >= ?"); arguments += [since] }
        if let until = filter.until { parts.append("r.day <= ?"); arguments += [until] }
        if let theme = filter.theme {
            parts.append("EXISTS (SELECT 1 FROM article_theme t WHERE t.article_rowid = a.rowid AND t.theme = ?)")
            arguments += [theme]
        }
        if let place = filter.place {
            // The fact's own place, or (for figures whose sentence names none) one of its article's.
            parts.append("(f.place LIKE ? OR EXISTS (SELECT 1 FROM article_place p WHERE p.article_rowid = a.rowid AND p.place LIKE ?))")
            arguments += ["%\(place)%", "%\(place)%"]
        }
        if let unit = filter.unit {
            parts.append("(f.unit = ? OR f.norm_unit = ?)")
            arguments += [unit, unit]
        }
        if let text = filter.text {
            for word in text.split(whereSeparator: \.isWhitespace) {
                parts.append("instr(f.sentence, ?) > 0")
                arguments += [String(word)]
            }
        }
        let condition = parts.joined(separator: " AND ")
        return try db.read { db in
            let from = "FROM fact f JOIN article a ON a.rowid = f.article_rowid JOIN report r ON r.id = a.report_id WHERE \(condition)"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: arguments) ?? 0
            let facts = try Row.fetchAll(db, sql: """
                SELECT f.value, f.unit, f.norm_value, f.norm_unit, f.about, f.place, r.day, a.report_id, a.idx, f.sentence, a.themes
                \(from) ORDER BY r.day DESC, a.rowid DESC, f.n LIMIT ? OFFSET ?
                """, arguments: arguments + [filter.limit, filter.offset]).map { row in
                Fact(value: row[0], unit: row[1], normalizedValue: row[2], normalizedUnit: row[3], about: row[4], place: row[5],
                     date: row[6], report: row[7], article: row[8], sentence: row[9],
                     themes: Self.themes(fromSummary: row[10]).map(\.id))
            }
            return (total, facts)
        }
    }
}
