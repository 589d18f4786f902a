import PostgresNIO

extension PostgresStore {
    /// Every schema change, in order, from the first version on: a host applies the ones the
    /// database lacks at start, under an advisory lock, so hosts starting together migrate once.
    /// Never edit a shipped migration: add one.
    ///
    /// Text that is sorted or compared (ids, days, file names) is `COLLATE "C"`: byte order, as
    /// SQLite sorts, whatever locale the database was created with.
    static let migrations: [(version: Int, sql: String)] = [
        (1, """
            CREATE TABLE report (
                id text COLLATE "C" PRIMARY KEY,
                seq bigserial UNIQUE,           -- storing order: the first of several with one text is the original
                file text NOT NULL,
                sha256 text COLLATE "C" NOT NULL,  -- in full, so two files whose 16-hex ids collide are told apart
                text_hash text COLLATE "C" NOT NULL,
                received text COLLATE "C" NOT NULL,
                published text COLLATE "C",
                day text COLLATE "C" NOT NULL,
                title text,
                not_a_report boolean NOT NULL DEFAULT false,
                duplicate_of text COLLATE "C",
                reprint_of text COLLATE "C",
                json bytea NOT NULL,            -- PackedReport: compressed JSON without paragraphs
                host text NOT NULL,             -- the host that took the report
                tag text COLLATE "C"            -- the inbox subfolder it was dropped in
            );
            CREATE INDEX report_tag ON report (tag);
            CREATE INDEX report_day ON report (day DESC, received DESC, id);
            CREATE INDEX report_text_hash ON report (text_hash);
            CREATE TABLE drop_record (
                seq bigserial PRIMARY KEY,
                file text COLLATE "C" NOT NULL,
                report_id text COLLATE "C" NOT NULL,
                sha256 text COLLATE "C" NOT NULL,
                received text NOT NULL,
                archived_as text NOT NULL,
                host text NOT NULL
            );
            CREATE INDEX drop_file ON drop_record (file, sha256);
            CREATE TABLE article (
                id bigserial PRIMARY KEY,
                report_id text COLLATE "C" NOT NULL,
                idx integer NOT NULL,
                title text,
                themes_by text NOT NULL DEFAULT 'classifier',
                themes text NOT NULL DEFAULT '',   -- "id:score,…", what a search hit shows
                author text,
                body bytea NOT NULL,               -- the paragraphs, joined by newlines and compressed
                tokens integer NOT NULL DEFAULT 0, -- index tokens: the article's length for bm25
                reprint_of bigint,
                UNIQUE (report_id, idx)
            );
            CREATE TABLE article_theme (theme text COLLATE "C" NOT NULL, article bigint NOT NULL, PRIMARY KEY (theme, article));
            CREATE INDEX article_theme_by_article ON article_theme (article);
            CREATE TABLE article_place (article bigint NOT NULL, place text NOT NULL, PRIMARY KEY (article, place));
            -- The search index: renewald's own tokens as a positional tsvector, in chunks that stay
            -- within tsvector's limits (16,383 positions, 256 per lexeme) and overlap, so no phrase
            -- is lost at a chunk's edge (see SearchVector).
            CREATE TABLE article_chunk (
                article bigint NOT NULL,
                chunk integer NOT NULL,
                chunked boolean NOT NULL,          -- the article has several chunks
                tsv tsvector NOT NULL,
                PRIMARY KEY (article, chunk)
            );
            CREATE INDEX article_chunk_tsv ON article_chunk USING gin (tsv);
            CREATE TABLE failure (
                seq bigserial PRIMARY KEY,
                file text NOT NULL,
                code text NOT NULL,
                reason text NOT NULL,
                at text NOT NULL,
                path text,
                host text NOT NULL,
                retried text                    -- when `retry` moved the file back to the inbox
            );
            CREATE TABLE label (
                seq bigserial,
                report_id text COLLATE "C" NOT NULL,
                article integer NOT NULL,
                themes text NOT NULL,
                primary_theme text,
                at text NOT NULL,
                PRIMARY KEY (report_id, article)
            );
            -- Running totals, one row per name and host: each host adds to its own rows, so hosts
            -- never wait for each other on a counter; readers sum them.
            CREATE TABLE counter (
                name text COLLATE "C" NOT NULL,
                host text NOT NULL,
                value bigint NOT NULL,
                PRIMARY KEY (name, host)
            );
            -- Hot lists (SharedHotLists): each frequent query's best articles, kept by every host for
            -- the articles it stores, with match counts per host.
            CREATE TABLE hot_key (key text COLLATE "C" PRIMARY KEY, built_by text NOT NULL);
            CREATE TABLE hot_count (key text COLLATE "C" NOT NULL, host text NOT NULL, count bigint NOT NULL, PRIMARY KEY (key, host));
            CREATE TABLE hot_posting (
                key text COLLATE "C" NOT NULL,
                host text NOT NULL,
                article bigint NOT NULL,
                tfs text NOT NULL,          -- each term's frequency, comma-separated
                length integer NOT NULL,
                PRIMARY KEY (key, host, article)
            );
            """),
        (2, """
            -- subscribe across hosts: each host's events, numbered in commit order (PostgresStore+Events).
            CREATE TABLE event (
                number bigserial PRIMARY KEY,
                host text NOT NULL,
                kind text NOT NULL,
                json text NOT NULL
            );
            """),
        (3, """
            -- facts: each article's figures with what they are about, their place and sentence, as SQLite's v4.
            CREATE TABLE fact (
                article bigint NOT NULL,
                n integer NOT NULL,
                value text NOT NULL,
                unit text NOT NULL,
                norm_value double precision,
                norm_unit text,
                about text NOT NULL,
                place text,
                sentence text NOT NULL,
                PRIMARY KEY (article, n)
            );
            """),
        (4, """
            -- near-duplicates (PostgresStore+Reprints): each article's MinHash sketch and LSH band keys;
            -- a reprint points at its original with the similarity found.
            CREATE TABLE article_sketch (article bigint PRIMARY KEY, shingles integer NOT NULL, sketch bytea NOT NULL);
            CREATE TABLE article_band (key bigint NOT NULL, article bigint NOT NULL);
            CREATE INDEX article_band_key ON article_band (key);
            ALTER TABLE article ADD COLUMN reprint_similarity double precision;
            CREATE INDEX article_reprint_of ON article (reprint_of) WHERE reprint_of IS NOT NULL;
            """),
    ]

    /// Brings the database to the current schema.
    static func migrate(_ session: PostgresSession) throws {
        // A session-level advisory lock (taken outside the transaction) serialises hosts starting together.
        try session.execute("SELECT pg_advisory_lock(\(Self.migrationLock))")
        defer { try? session.execute("SELECT pg_advisory_unlock(\(Self.migrationLock))") }
        try session.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied text NOT NULL DEFAULT now()::text)")
        let applied = Set(try session.query("SELECT version FROM schema_version").map { try $0.decode(Int.self) })
        if let newest = applied.max(), newest > migrations.last!.version {
            throw PostgresStoreError.schema("the database has schema version \(newest), newer than this renewald knows (\(migrations.last!.version))")
        }
        for (version, sql) in migrations where !applied.contains(version) {
            try session.transaction {
                try session.execute(sql)
                try session.query("INSERT INTO schema_version (version) VALUES (\(version))")
            }
        }
    }

    /// The advisory lock key of schema migrations ("renewald" in ASCII, as a number).
    static let migrationLock: Int64 = 0x72656E6577616C64
}
