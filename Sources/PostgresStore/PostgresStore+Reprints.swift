import Foundation
import PostgresNIO
import ReportModel
import Store

/// Near-duplicates on PostgreSQL, found as SQLite finds them (`SQLiteStore+Reprints`): each article's
/// MinHash sketch is stored with its LSH band keys; a new article's candidates are the stored articles
/// sharing the most bands (at most `SQLiteStore.maxCandidates`), and the earlier articles of its batch;
/// the one most similar on the sketches is its original, or that article's own original when this
/// article is similar enough to it too.
///
/// Across hosts: a host sees what other hosts committed before its batch's transaction began, so two
/// reprints of one story stored on two hosts in the same instant are not linked to each other.
extension PostgresStore {
    /// The article a new article repeats: a stored one, or an earlier article of the same batch.
    struct Original: Equatable {
        enum Place: Equatable {
            case stored(Int64)
            case batch(item: Int, article: Int)
        }
        var place: Place
        var report: String
        var index: Int
        var similarity: Double

        /// As the new article's report shows it.
        var nearDuplicate: NearDuplicate { NearDuplicate(report: report, article: index, similarity: similarity) }
    }

    /// A stored article's sketch, where it sits, and the original it repeats in turn.
    struct StoredSketch {
        var sketch: MinHashSketch
        var report: String
        var index: Int
        var reprintOf: Int64?
    }

    /// Per new report (in batch order), per article, the article it repeats, if any.
    func findReprints(_ fresh: [(report: Report, rows: PackedRows)], in session: PostgresSession) throws -> [[Original?]] {
        var found = fresh.map { $0.rows.articles.map { _ -> Original? in nil } }
        // Every new article's band keys in one query, each key tagged with its article.
        var keys: [Int64] = [], owners: [Int32] = []
        var articles: [(item: Int, article: Int)] = []
        for (k, entry) in fresh.enumerated() {
            for (a, row) in entry.rows.articles.enumerated() where row.sketch != nil {
                for key in row.bandKeys {
                    keys.append(Int64(key))
                    owners.append(Int32(articles.count))
                }
                articles.append((k, a))
            }
        }
        guard !articles.isEmpty else { return found }
        var shared = [[(article: Int64, bands: Int)]](repeating: [], count: articles.count)
        for row in try session.query("""
            SELECT q.n, b.article, count(*)::bigint FROM unnest(\(keys)::bigint[], \(owners)::integer[]) AS q(key, n)
            JOIN article_band b ON b.key = q.key GROUP BY q.n, b.article
            """) {
            let (n, article, bands) = try row.decode((Int32, Int64, Int64).self)
            shared[Int(n)].append((article, Int(bands)))
        }
        // Most bands shared first, ties to the earliest stored; then verified from the earliest stored on.
        let candidates = shared.map { list in
            list.sorted { $0.bands != $1.bands ? $0.bands > $1.bands : $0.article < $1.article }
                .prefix(SQLiteStore.maxCandidates).map(\.article).sorted()
        }
        var stored = try storedSketches(Array(Set(candidates.joined())), in: session)
        func storedSketch(_ id: Int64) throws -> StoredSketch? {
            if let known = stored[id] { return known }
            let fetched = try storedSketches([id], in: session)[id]
            stored[id] = fetched
            return fetched
        }

        var batchBands: [UInt32: [(item: Int, article: Int)]] = [:]
        for (n, (k, a)) in articles.enumerated() {
            // Later reports of the batch see the earlier ones (never another article of their own report).
            if n > 0, articles[n - 1].item != k {
                let previous = articles[n - 1].item
                for (b, other) in fresh[previous].rows.articles.enumerated() where other.sketch != nil {
                    for key in other.bandKeys { batchBands[key, default: []].append((previous, b)) }
                }
            }
            let row = fresh[k].rows.articles[a]
            guard let sketch = row.sketch else { continue }
            var best: Original?
            for id in candidates[n] {
                guard let other = stored[id], let similarity = sketch.reprintSimilarity(other.sketch) else { continue }
                if best == nil || similarity > best!.similarity {
                    best = Original(place: .stored(id), report: other.report, index: other.index, similarity: similarity)
                }
            }
            // Earlier reports of the batch (SQLite has committed them by now), in the order they came.
            var seen: Set<Int> = []
            var earlier: [(item: Int, article: Int)] = []
            for key in row.bandKeys {
                for candidate in batchBands[key] ?? [] where seen.insert(candidate.item << 20 | candidate.article).inserted {
                    earlier.append(candidate)
                }
            }
            for candidate in earlier.sorted(by: { ($0.item, $0.article) < ($1.item, $1.article) }) {
                guard let other = fresh[candidate.item].rows.articles[candidate.article].sketch,
                      let similarity = sketch.reprintSimilarity(other) else { continue }
                if best == nil || similarity > best!.similarity {
                    let report = fresh[candidate.item].report
                    best = Original(place: .batch(item: candidate.item, article: candidate.article), report: report.id,
                                    index: report.articles[candidate.article].index, similarity: similarity)
                }
            }
            // Reprints point at the first of a story: the original's own original, when this is similar to it too.
            if let match = best {
                var root: (place: Original.Place, report: String, index: Int, sketch: MinHashSketch)?
                switch match.place {
                case .stored(let id):
                    if let rootID = stored[id]?.reprintOf, let r = try storedSketch(rootID) { root = (.stored(rootID), r.report, r.index, r.sketch) }
                case .batch(let item, let article):
                    if let first = found[item][article] {
                        switch first.place {
                        case .stored(let id):
                            if let r = try storedSketch(id) { root = (first.place, r.report, r.index, r.sketch) }
                        case .batch(let i, let b):
                            if let s = fresh[i].rows.articles[b].sketch { root = (first.place, first.report, first.index, s) }
                        }
                    }
                }
                if let root, let similarity = sketch.reprintSimilarity(root.sketch) {
                    best = Original(place: root.place, report: root.report, index: root.index, similarity: similarity)
                }
            }
            found[k][a] = best
        }
        return found
    }

    /// The stored sketches of `ids`, with where each article sits and its own original.
    func storedSketches(_ ids: [Int64], in session: PostgresSession) throws -> [Int64: StoredSketch] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: StoredSketch] = [:]
        for row in try session.query("""
            SELECT s.article, s.shingles, s.sketch, a.report_id, a.idx, a.reprint_of FROM article_sketch s JOIN article a ON a.id = s.article
            WHERE s.article = ANY(\(ids))
            """) {
            let (id, shingles, data, report, index, reprintOf) = try row.decode((Int64, Int, Data, String, Int, Int64?).self)
            guard let sketch = MinHashSketch(data: data, shingles: shingles) else { continue }
            out[id] = StoredSketch(sketch: sketch, report: report, index: index, reprintOf: reprintOf)
        }
        return out
    }

    /// Stores the new articles' sketches and band keys, and links each reprint to its original.
    func insertSketches(_ reports: [(report: Report, rows: PackedRows)], originals: [String: [Original?]], rowids: [String: Int64],
                        in session: PostgresSession) throws {
        var sketchArticles: [Int64] = [], shingles: [Int] = [], sketches: [ByteBuffer] = []
        var bandKeys: [Int64] = [], bandArticles: [Int64] = []
        var reprints: [Int64] = [], reprintOf: [Int64] = [], similarities: [Double] = []
        for (report, rows) in reports {
            for (n, (article, row)) in zip(report.articles, rows.articles).enumerated() {
                guard let rowid = rowids["\(report.id)/\(article.index)"], let sketch = row.sketch else { continue }
                sketchArticles.append(rowid); shingles.append(sketch.shingles); sketches.append(ByteBuffer(bytes: sketch.data))
                for key in row.bandKeys { bandKeys.append(Int64(key)); bandArticles.append(rowid) }
                guard let original = originals[report.id]?[n] else { continue }
                let target: Int64?
                switch original.place {
                case .stored(let id): target = id
                case .batch: target = rowids["\(original.report)/\(original.index)"]
                }
                if let target {
                    reprints.append(rowid); reprintOf.append(target); similarities.append(original.similarity)
                }
            }
        }
        if !sketchArticles.isEmpty {
            try session.query("""
                INSERT INTO article_sketch (article, shingles, sketch) SELECT * FROM unnest(\(sketchArticles)::bigint[], \(shingles)::integer[], \(sketches)::bytea[])
                """)
            try session.query("INSERT INTO article_band (key, article) SELECT * FROM unnest(\(bandKeys)::bigint[], \(bandArticles)::bigint[])")
        }
        if !reprints.isEmpty {
            try session.query("""
                UPDATE article SET reprint_of = u.o, reprint_similarity = u.s
                FROM unnest(\(reprints)::bigint[], \(reprintOf)::bigint[], \(similarities)::double precision[]) AS u(a, o, s) WHERE article.id = u.a
                """)
        }
    }

    /// Each of `articles`' reprints, by original (`SQLiteStore.reprintsOf`).
    func reprintsOf(_ articles: [Int64], in session: PostgresSession) throws -> [Int64: [NearDuplicate]] {
        guard !articles.isEmpty else { return [:] }
        var out: [Int64: [NearDuplicate]] = [:]
        for row in try session.query("""
            SELECT reprint_of, report_id, idx, reprint_similarity FROM article WHERE reprint_of = ANY(\(articles)) ORDER BY id
            """) {
            let (original, report, index, similarity) = try row.decode((Int64, String, Int, Double).self)
            out[original, default: []].append(NearDuplicate(report: report, article: index, similarity: similarity))
        }
        return out
    }
}
