import Foundation

/// The sketches of the articles committed lately, in memory, with their band keys.
///
/// Reprints are looked up on the analysis threads against a snapshot of the store; articles
/// committed after that snapshot (the batch committing meanwhile, and earlier reports of the same
/// batch) are looked up here by the writer, which costs a few dictionary probes per article.
final class RecentSketches: @unchecked Sendable {
    struct Entry {
        var match: ReprintMatch
        var sketch: MinHashSketch
        var generation: UInt64
    }

    private let lock = NSLock()
    private var entries: [Int64: Entry] = [:]
    private var buckets: [UInt32: [Int64]] = [:]
    private var bandsByRowid: [Int64: [UInt32]] = [:]
    /// Commits finished so far (the generation a snapshot read now is sure to include).
    private(set) var generation: UInt64 = 0
    /// Generations kept: a snapshot older than this is looked up again in the store by the writer.
    let keep: UInt64

    init(keep: UInt64 = 4) { self.keep = keep }

    var committed: UInt64 { lock.withLock { generation } }

    /// The oldest snapshot generation whose gap this window still covers.
    var oldestCovered: UInt64 { lock.withLock { generation > keep ? generation - keep : 0 } }

    /// Adds an article that the commit now in progress (generation `generation + 1`) stores.
    func add(_ match: ReprintMatch, sketch: MinHashSketch, bands: [UInt32]) {
        lock.withLock {
            let g = generation + 1
            entries[match.rowid] = Entry(match: match, sketch: sketch, generation: g)
            bandsByRowid[match.rowid] = bands
            for band in bands { buckets[band, default: []].append(match.rowid) }
        }
    }

    /// Drops what the commit in progress added (it rolled back).
    func rollBack() {
        lock.withLock {
            let pending = entries.filter { $0.value.generation > generation }.map(\.key)
            for rowid in pending { remove(rowid) }
        }
    }

    /// The commit finished: later snapshots include it; forget what no snapshot can miss any more.
    func committedOne() {
        lock.withLock {
            generation += 1
            guard generation > keep else { return }
            let old = entries.filter { $0.value.generation <= generation - keep }.map(\.key)
            for rowid in old { remove(rowid) }
        }
    }

    private func remove(_ rowid: Int64) {
        entries[rowid] = nil
        for band in bandsByRowid.removeValue(forKey: rowid) ?? [] {
            buckets[band]?.removeAll { $0 == rowid }
            if buckets[band]?.isEmpty == true { buckets[band] = nil }
        }
    }

    /// Recent articles (committed after `after`, or in the commit in progress) sharing a band with `bands`.
    func candidates(bands: [UInt32], after: UInt64) -> [(ReprintMatch, MinHashSketch)] {
        lock.withLock {
            var seen: Set<Int64> = []
            var out: [(ReprintMatch, MinHashSketch)] = []
            for band in bands {
                for rowid in buckets[band] ?? [] where !seen.contains(rowid) {
                    seen.insert(rowid)
                    if let entry = entries[rowid], entry.generation > after { out.append((entry.match, entry.sketch)) }
                }
            }
            return out
        }
    }
}
