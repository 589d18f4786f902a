import Foundation
import GRDB
import GRDBSQLite

/// How search ranks articles: bm25 with an idf that stays positive for common terms.
///
/// FTS5's own `bm25()` takes idf = ln((N − n + 0.5) / (n + 0.5)) and clamps it at 1e-6 once a term is
/// in half the articles or more. For the commonest terms of this corpus (社区, 改造, 城市) every score
/// was then about 1e-6, shown as 0, and in a query with a rarer term the common term's frequency
/// counted for nothing. Here, for each phrase i of the query (a term of Han characters is one phrase
/// of its character pairs; a single character matches as a prefix; a Latin word is one token):
///
///     idf_i   = 1 + ln((N + 1) / (n_i + 0.5))
///     score   = Σ_i idf_i · f_i · (k1 + 1) / (f_i + k1 · (1 − b + b · D / avgdl)),  k1 = 1.2, b = 0.75
///
/// N: articles in the index; n_i: articles matching phrase i; f_i: its occurrences in the article;
/// D: the article's index tokens (`SearchTokens.index`); avgdl: all index tokens / N. The idf is
/// Lucene's (ln(1 + (N − n + 0.5) / (n + 0.5)), which never goes negative) plus one, so a term in every
/// article still weighs 1 and such a search ranks by frequency and length with scores near 1, not 0.
/// Higher is better; ties go to the older article (lower rowid). `HotLists` scores its kept candidates
/// with the same formula, and the FTS5 path calls `rank(article_fts)`, registered on every connection.
package enum SearchRank {
    package static let k1 = 1.2
    package static let b = 0.75

    /// The SQL name of the FTS5 auxiliary function (`SELECT renewald_rank(article_fts) …`).
    static let functionName = "renewald_rank"
    /// The SQL name of the FTS5 auxiliary function that gives each phrase's occurrences in the row,
    /// comma-separated (`3,1`): what a hot list keeps of an article, without reading its text.
    static let frequenciesFunctionName = "renewald_frequencies"

    package static func idf(documents: Int, matching: Int) -> Double {
        1 + log((Double(documents) + 1) / (Double(matching) + 0.5))
    }

    /// One phrase's share of an article's score.
    @inline(__always)
    package static func termScore(frequency: Double, idf: Double, length: Double, averageLength: Double) -> Double {
        idf * frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / max(1, averageLength)))
    }

    /// One query's scorer over one set of statistics (N, all index tokens, n_i per phrase): what a
    /// store that ranks outside SQLite (PostgreSQL) sums per article.
    package struct Scorer: Sendable {
        let idf: [Double]
        let averageLength: Double

        package init(documents: Int, tokens: Int, matching: [Int]) {
            averageLength = documents > 0 ? Double(tokens) / Double(documents) : 1
            idf = matching.map { SearchRank.idf(documents: documents, matching: $0) }
        }

        /// The article's score from each phrase's occurrences in it and its index tokens.
        package func score(frequencies: [Int], length: Int) -> Double {
            var sum = 0.0
            for (tf, idf) in zip(frequencies, idf) {
                sum += SearchRank.termScore(frequency: Double(tf), idf: idf, length: Double(length), averageLength: averageLength)
            }
            return sum
        }
    }

    /// Registers `renewald_rank` and `renewald_frequencies` with FTS5 on this connection.
    static func register(in db: Database) throws {
        guard let api = fts5API(db) else { throw StoreError.unavailable("this SQLite has no FTS5") }
        for (name, function) in [(functionName, rankFunction), (frequenciesFunctionName, frequenciesFunction)] {
            let code = name.withCString { name in
                api.pointee.xCreateFunction!(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
            }
            guard code == SQLITE_OK else { throw StoreError.unavailable("could not register \(name) with FTS5 (\(code))") }
        }
    }

    /// The connection's `fts5_api`, nil when FTS5 is missing (GRDB's `FTS5.api` would stop the process).
    private static func fts5API(_ db: Database) -> UnsafePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?)", -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        withUnsafeMutablePointer(to: &api) { pointer in
            _ = sqlite3_bind_pointer(statement, 1, pointer, "fts5_api_ptr", nil)
            _ = sqlite3_step(statement)
        }
        return api
    }

    /// What one query needs for every row it scores, worked out at its first row.
    final class QueryStatistics {
        let idf: [Double]
        let averageLength: Double
        /// Occurrences of each phrase in the current row (reused from row to row).
        var frequencies: [Double]

        init(idf: [Double], averageLength: Double) {
            self.idf = idf
            self.averageLength = averageLength
            frequencies = Array(repeating: 0, count: idf.count)
        }
    }

    private static let rankFunction: fts5_extension_function = { api, fts, context, _, _ in
        guard let api = api?.pointee, let statistics = statistics(api, fts) else {
            sqlite3_result_error(context, "renewald_rank: FTS5 statistics unavailable", -1)
            return
        }
        guard count(api, fts, into: &statistics.frequencies) else {
            sqlite3_result_error(context, "renewald_rank: no phrase instances", -1)
            return
        }
        var length: Int32 = 0
        _ = api.xColumnSize!(fts, -1, &length)
        var score = 0.0
        for (frequency, idf) in zip(statistics.frequencies, statistics.idf) {
            score += termScore(frequency: frequency, idf: idf, length: Double(length), averageLength: statistics.averageLength)
        }
        sqlite3_result_double(context, score)
    }

    private static let frequenciesFunction: fts5_extension_function = { api, fts, context, _, _ in
        guard let api = api?.pointee else { return sqlite3_result_error(context, "renewald_frequencies: no FTS5 API", -1) }
        var frequencies = [Double](repeating: 0, count: Int(api.xPhraseCount!(fts)))
        guard count(api, fts, into: &frequencies) else {
            return sqlite3_result_error(context, "renewald_frequencies: no phrase instances", -1)
        }
        let text = frequencies.map { String(Int($0)) }.joined(separator: ",")
        sqlite3_result_text(context, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))   // SQLITE_TRANSIENT
    }

    /// Each phrase's occurrences in the current row, into `frequencies` (one per phrase).
    private static func count(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, into frequencies: inout [Double]) -> Bool {
        for i in frequencies.indices { frequencies[i] = 0 }
        var instances: Int32 = 0
        guard api.xInstCount!(fts, &instances) == SQLITE_OK else { return false }
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        for i in 0..<instances where api.xInst!(fts, i, &phrase, &column, &offset) == SQLITE_OK {
            frequencies[Int(phrase)] += 1
        }
        return true
    }

    /// The query's statistics, counted at its first row (each phrase's matching articles, as bm25
    /// counts them) and kept by FTS5 for the rest of the query.
    private static func statistics(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?) -> QueryStatistics? {
        if let kept = api.xGetAuxdata!(fts, 0) {
            return Unmanaged<QueryStatistics>.fromOpaque(kept).takeUnretainedValue()
        }
        var rows: sqlite3_int64 = 0
        var tokens: sqlite3_int64 = 0
        guard api.xRowCount!(fts, &rows) == SQLITE_OK, api.xColumnTotalSize!(fts, -1, &tokens) == SQLITE_OK else { return nil }
        var idf: [Double] = []
        for phrase in 0..<api.xPhraseCount!(fts) {
            var matching: Int = 0
            let code = api.xQueryPhrase!(fts, phrase, &matching) { _, _, counter in
                counter?.assumingMemoryBound(to: Int.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return nil }
            idf.append(Self.idf(documents: Int(rows), matching: matching))
        }
        let statistics = QueryStatistics(idf: idf, averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1)
        let kept = Unmanaged.passRetained(statistics).toOpaque()
        guard api.xSetAuxdata!(fts, kept, { Unmanaged<QueryStatistics>.fromOpaque($0!).release() }) == SQLITE_OK else {
            // FTS5 calls the destructor itself when it cannot keep the data.
            return nil
        }
        return statistics
    }
}
