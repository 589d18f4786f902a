import GRDB
import ReportModel

extension SQLiteStore {
    /// Schema v4: reprint detection (MinHash sketches, an LSH band index, reprint links) and facts.
    ///
    /// Everything keyed by article rowid is appended in order, as in v3. The LSH band index lives in
    /// memory (`BandIndex`), rebuilt from `article_sketch` when the store opens.
    static func migrateToReprintsAndFacts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article_sketch (article_rowid INTEGER PRIMARY KEY, shingles INTEGER NOT NULL, sketch BLOB NOT NULL);
            CREATE TABLE article_reprint (
                original_rowid INTEGER NOT NULL,
                article_rowid INTEGER NOT NULL,
                similarity REAL NOT NULL,
                PRIMARY KEY (original_rowid, article_rowid)
            ) WITHOUT ROWID;
            ALTER TABLE article ADD COLUMN reprint_of INTEGER;  -- rowid of the article it repeats
            ALTER TABLE report ADD COLUMN reprint_of TEXT;      -- the original's report id (duplicate or reprinted main article)
            UPDATE report SET reprint_of = duplicate_of WHERE duplicate_of IS NOT NULL;
            CREATE TABLE fact (
                article_rowid INTEGER NOT NULL,
                n INTEGER NOT NULL,
                value TEXT NOT NULL,
                unit TEXT NOT NULL,
                norm_value REAL,
                norm_unit TEXT,
                about TEXT NOT NULL,
                place TEXT,
                sentence TEXT NOT NULL,
                PRIMARY KEY (article_rowid, n)
            ) WITHOUT ROWID;
            """)
        // Stores made before v4: sketch, index and fact rows for what they hold (in storage order, so
        // earlier reports stay the originals).
        for row in try Row.fetchAll(db, sql: "SELECT id, json FROM report ORDER BY rowid") {
            guard var report = try? PackedReport.unpack(row[1]) else { continue }
            var rowids: [Int: Int64] = [:]
            for article in try Row.fetchAll(db, sql: "SELECT idx, body, rowid FROM article WHERE report_id = ?", arguments: [row[0] as String]) {
                let index: Int = article[0]
                rowids[index] = article[2]
                if let i = report.articles.firstIndex(where: { $0.index == index }) {
                    report.articles[i].paragraphs = PackedReport.unpackText(article[1]).split(separator: "\n").map(String.init)
                }
            }
            let rows = PackedRows(report)
            for (article, articleRow) in zip(report.articles, rows.articles) {
                guard let rowid = rowids[article.index] else { continue }
                try insertSketchAndFacts(articleRow, rowid: rowid, in: db)
            }
        }
    }

    /// The rows an article adds for reprint detection and facts.
    static func insertSketchAndFacts(_ row: PackedRows.ArticleRow, rowid: Int64, in db: Database) throws {
        if let sketch = row.sketch {
            try db.cachedStatement(sql: "INSERT INTO article_sketch (article_rowid, shingles, sketch) VALUES (?, ?, ?)")
                .execute(arguments: [rowid, sketch.shingles, sketch.data])
        }
        let fact = try db.cachedStatement(sql: """
            INSERT INTO fact (article_rowid, n, value, unit, norm_value, norm_unit, about, place, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (n, f) in row.facts.enumerated() {
            try fact.execute(arguments: [rowid, n, f.value, f.unit, f.normalizedValue, f.normalizedUnit, f.about, f.place, f.sentence])
        }
    }
}
