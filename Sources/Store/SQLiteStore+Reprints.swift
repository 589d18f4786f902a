import Foundation
import GRDB
import ReportModel

extension SQLiteStore {
    /// Candidates sharing a band, at most this many per article (those sharing most bands first),
    /// verified on their sketches.
    package static let maxCandidates = 64

    /// The best stored article each article of `rows` repeats: candidates from the band index,
    /// their sketches read from `db`.
    func storedReprints(_ rows: PackedRows, in db: Database) throws -> [ReprintMatch?] {
        try rows.articles.map { row -> ReprintMatch? in
            guard let sketch = row.sketch else { return nil }
            let candidates = bands.candidates(row.bandKeys, limit: Self.maxCandidates)
            guard !candidates.isEmpty else { return nil }
            // One cached statement run per candidate: an `IN (…)` list of varying length was compiled
            // afresh for every article, and compiling cost more than the lookups.
            let statement = try db.cachedStatement(sql: """
                SELECT s.shingles, s.sketch, a.report_id, a.idx, a.reprint_of
                FROM article_sketch s JOIN article a ON a.rowid = s.article_rowid
                WHERE s.article_rowid = ?
                """)
            var best: ReprintMatch?
            for candidate in candidates.sorted(by: { $0.rowid < $1.rowid }) {   // ties go to the earliest stored
                guard let row = try Row.fetchOne(statement, arguments: [candidate.rowid]),
                      let other = MinHashSketch(data: row[1], shingles: row[0]),
                      let similarity = sketch.reprintSimilarity(other) else { continue }
                if best == nil || similarity > best!.similarity {
                    best = ReprintMatch(rowid: candidate.rowid, report: row[2], index: row[3], reprintOf: row[4], similarity: similarity)
                }
            }
            return best
        }
    }

    /// Looks an item's articles up in the store on the caller's (analysis) thread; nil while the band
    /// index is still loading (the writer looks then).
    func lookUpReprints(_ item: StoreItem) -> ReprintLookup? {
        guard item.rows.articles.contains(where: { $0.sketch != nil }), bands.isLoaded else { return nil }
        let generation = recent.committed   // read first: every commit up to it is in the index and the store
        // No snapshot is needed: stored sketches never change, a candidate committed after `generation`
        // is only looked at again by the writer, and `read`'s four statements around the lookups cost
        // more than they do.
        guard let matches = try? db.unsafeRead({ db in try storedReprints(item.rows, in: db) }) else { return nil }
        return ReprintLookup(matches: matches, generation: generation)
    }

    /// Fills the band index from the stored sketches on a thread of its own, so a large store opens
    /// (and the daemon is ready) at once. A commit that needs the index before this is done loads it
    /// itself on the writer's connection instead of waiting (entries loaded twice are kept once).
    func loadBandIndexInBackground() {
        let thread = Thread { [self] in
            try? loadBandIndex { after in try db.read { try Self.storedSketches(after: after, in: $0) } }
        }
        thread.name = "renewald-bands"
        thread.start()
    }

    /// The band index, complete: loads it with the caller's connection unless it is already.
    func ensureBandIndex(in db: Database) throws {
        guard !bands.isLoaded else { return }
        try loadBandIndex { after in try Self.storedSketches(after: after, in: db) }
    }

    /// Adds the stored sketches after rowid `after` (all of them at start-up; those another writer
    /// committed when the store catches up with it).
    func loadBandIndex(after start: Int64 = 0, _ fetch: (Int64) throws -> [Row]) throws {
        var after = start
        let complete = bands.isLoaded
        while complete || !bands.isLoaded {
            let rows = try fetch(after)
            guard let last = rows.last else { break }
            after = last[0]
            for row in rows {
                guard let sketch = MinHashSketch(data: row[2], shingles: row[1]) else { continue }
                bands.insert(sketch.bandKeys, rowid: row[0])
            }
        }
        bands.markLoaded()
    }

    static func storedSketches(after: Int64, in db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT article_rowid, shingles, sketch FROM article_sketch WHERE article_rowid > ? ORDER BY article_rowid LIMIT 5000",
                         arguments: [after])
    }

    /// At commit: the earlier lookup completed with the articles committed since (or a fresh lookup
    /// when there was none, or it is too old), each pointed at the first article of its story.
    func reprints(for item: StoreItem, in db: Database) throws -> [ReprintMatch?] {
        let rows = item.rows
        guard rows.articles.contains(where: { $0.sketch != nil }) else { return rows.articles.map { _ in nil } }
        var after: UInt64
        var found: [ReprintMatch?]
        if let lookup = item.reprintLookup, lookup.generation >= recent.oldestCovered {
            found = lookup.matches
            after = lookup.generation
        } else {
            try ensureBandIndex(in: db)
            found = try storedReprints(rows, in: db)
            after = recent.committed
        }
        for (i, row) in rows.articles.enumerated() {
            guard let sketch = row.sketch else { continue }
            for (candidate, other) in recent.candidates(bands: row.bandKeys, after: after)
            where candidate.report != item.report.id {
                guard let similarity = sketch.reprintSimilarity(other) else { continue }
                if found[i] == nil || similarity > found[i]!.similarity {
                    var match = candidate
                    match.similarity = similarity
                    found[i] = match
                }
            }
            if let match = found[i], let root = match.reprintOf {
                found[i] = try rootMatch(root, sketch: sketch, in: db) ?? match
            }
        }
        return found
    }

    /// The story's first article, when this article is similar enough to it too.
    func rootMatch(_ rowid: Int64, sketch: MinHashSketch, in db: Database) throws -> ReprintMatch? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.shingles, s.sketch, a.report_id, a.idx FROM article_sketch s JOIN article a ON a.rowid = s.article_rowid
            WHERE s.article_rowid = ?
            """), arguments: [rowid]),
              let other = MinHashSketch(data: row[1], shingles: row[0]),
              let similarity = sketch.reprintSimilarity(other) else { return nil }
        return ReprintMatch(rowid: rowid, report: row[2], index: row[3], reprintOf: nil, similarity: similarity)
    }

    /// Marks the report's reprinted articles (and the report, when its main article is one).
    static func mark(_ report: inout Report, reprints: [ReprintMatch?], rows: PackedRows) {
        mark(&report, originals: reprints.map { $0.map { NearDuplicate(report: $0.report, article: $0.index, similarity: $0.similarity) } },
             rows: rows)
    }

    /// The same, with each article's original as the report will show it (both stores mark alike).
    package static func mark(_ report: inout Report, originals: [NearDuplicate?], rows: PackedRows) {
        for (i, original) in originals.enumerated() { report.articles[i].nearDuplicateOf = original }
        if let main = mainArticle(rows) { report.nearDuplicateOf = report.articles[main].nearDuplicateOf }
    }

    /// The article that carries the report: the one with the most text.
    static func mainArticle(_ rows: PackedRows) -> Int? {
        rows.articles.indices.max { (rows.articles[$0].sketch?.shingles ?? 0, -$0) < (rows.articles[$1].sketch?.shingles ?? 0, -$1) }
    }

    /// Reprints of the given articles, by article rowid (for `get`).
    func reprintsOf(_ rowids: [Int64], in db: Database) throws -> [Int64: [NearDuplicate]] {
        guard !rowids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: rowids.count).joined(separator: ",")
        var out: [Int64: [NearDuplicate]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT p.original_rowid, a.report_id, a.idx, p.similarity FROM article_reprint p JOIN article a ON a.rowid = p.article_rowid
            WHERE p.original_rowid IN (\(placeholders)) ORDER BY p.article_rowid
            """, arguments: StatementArguments(rowids)) {
            out[row[0], default: []].append(NearDuplicate(report: row[1], article: row[2], similarity: row[3]))
        }
        return out
    }
}
