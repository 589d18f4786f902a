import GRDB

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
                    json BLOB NOT NULL  -- PackedReport: deflated JSON without paragraphs
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
                    body BLOB NOT NULL,  -- the paragraphs, joined by newlines and deflated
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
        return migrator
    }
}
