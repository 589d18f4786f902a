import GRDB
import ReportModel

extension SQLiteStore {
    /// Every schema change, from the first version on. Never edit a shipped migration: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE report (
                    id TEXT PRIMARY KEY,
                    file TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    text_hash TEXT NOT NULL,
                    received TEXT NOT NULL,
                    published TEXT,
                    day TEXT NOT NULL,
                    title TEXT,
                    not_a_report INTEGER NOT NULL DEFAULT 0,
                    duplicate_of TEXT,
                    json BLOB NOT NULL  -- PackedReport: compressed JSON without paragraphs
                );
                CREATE INDEX report_day ON report (day, received);
                CREATE INDEX report_text_hash ON report (text_hash);
                CREATE TABLE drop_record (
                    file TEXT NOT NULL,
                    report_id TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    received TEXT NOT NULL,
                    archived_as TEXT NOT NULL
                );
                CREATE INDEX drop_file ON drop_record (file, sha256);
                CREATE TABLE report_theme (report_id TEXT NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (report_id, theme)) WITHOUT ROWID;
                CREATE TABLE report_place (report_id TEXT NOT NULL, place TEXT NOT NULL, PRIMARY KEY (report_id, place)) WITHOUT ROWID;
                CREATE TABLE article (
                    rowid INTEGER PRIMARY KEY,
                    report_id TEXT NOT NULL,
                    idx INTEGER NOT NULL,
                    title TEXT,
                    themes_by TEXT NOT NULL DEFAULT 'classifier',
                    themes TEXT NOT NULL DEFAULT '',  -- "id:score,…", what a search hit shows
                    author TEXT,
                    body BLOB NOT NULL,  -- the paragraphs, joined by newlines and compressed
                    tokens INTEGER NOT NULL DEFAULT 0
                );
                CREATE UNIQUE INDEX article_report ON article (report_id, idx);
                CREATE TABLE article_theme (article_rowid INTEGER NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (article_rowid, theme)) WITHOUT ROWID;
                CREATE VIRTUAL TABLE article_fts USING fts5 (body, content='', tokenize='unicode61 remove_diacritics 0');
                CREATE TABLE hot_key (key TEXT PRIMARY KEY, count INTEGER NOT NULL);
                CREATE TABLE hot_posting (
                    key TEXT NOT NULL,
                    article INTEGER NOT NULL,
                    tfs TEXT NOT NULL,
                    length INTEGER NOT NULL,
                    PRIMARY KEY (key, article)
                ) WITHOUT ROWID;
                CREATE TABLE failure (
                    file TEXT NOT NULL,
                    code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    at TEXT NOT NULL,
                    path TEXT
                );
                CREATE TABLE label (
                    report_id TEXT NOT NULL,
                    article INTEGER NOT NULL,
                    themes TEXT NOT NULL,
                    primary_theme TEXT,
                    at TEXT NOT NULL,
                    PRIMARY KEY (report_id, article)
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            // Running totals, kept in the same transactions as the rows they count, so `stats` and
            // start-up read a few rows instead of scanning 100,000 articles.
            try db.execute(sql: """
                CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO counter (name, value) SELECT 'reports', COUNT(*) FROM report;
                INSERT INTO counter (name, value) SELECT 'articles', COUNT(*) FROM article;
                INSERT INTO counter (name, value) SELECT 'tokens', COALESCE(SUM(tokens), 0) FROM article;
                INSERT INTO counter (name, value) SELECT 'failed', COUNT(*) FROM failure;
                INSERT INTO counter (name, value) SELECT 'theme:' || theme, COUNT(*) FROM article_theme GROUP BY theme;
                """)
            // FTS5 flushes its pending terms to a new segment every `hashsize` bytes (1 MB by default:
            // several times per ingest batch) and merges segments 4 at a time; 8 MB and 8 at a time
            // cut the commit's cost by a fifth for a few more segments per search.
            try db.execute(sql: """
                INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 8388608);
                INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 8);
                """)
        }
        migrator.registerMigration("v3") { db in
            // Report-level theme and place rows were keyed by the report id, a hash: every report
            // dirtied a random page of each of their indexes, which at 100,000 reports cost more than
            // the rows themselves. A report's themes and places are its articles' (the report's themes
            // are their union), so filters now go through the article rows, keyed by rowid (appended
            // in order), with an index by theme for theme filters.
            try db.execute(sql: """
                CREATE TABLE article_place (article_rowid INTEGER NOT NULL, place TEXT NOT NULL, PRIMARY KEY (article_rowid, place)) WITHOUT ROWID;
                CREATE INDEX article_theme_by_theme ON article_theme (theme, article_rowid);
                """)
            let insert = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO article_place (article_rowid, place)
                SELECT rowid, ? FROM article WHERE report_id = ? AND idx = ?
                """)
            for row in try Row.fetchAll(db, sql: "SELECT id, json FROM report") {
                guard let report = try? PackedReport.unpack(row[1]) else { continue }
                for article in report.articles {
                    for place in Set(article.places) { try insert.execute(arguments: [place, row[0] as String, article.index]) }
                }
            }
            try db.execute(sql: "DROP TABLE report_theme; DROP TABLE report_place;")
        }
        migrator.registerMigration("v4", migrate: migrateToReprintsAndFacts)
        migrator.registerMigration("v5-inbox-folders") { db in
            // The inbox subfolder a report was dropped in (filtered on by `list` and `search`), and
            // when a failed file was sent back to the inbox (`retry`): kept, not deleted, as history.
            try db.execute(sql: """
                ALTER TABLE report ADD COLUMN tag TEXT;
                CREATE INDEX report_tag ON report (tag);
                ALTER TABLE failure ADD COLUMN retried TEXT;
                CREATE INDEX failure_path ON failure (path);
                """)
        }
        return migrator
    }
}
