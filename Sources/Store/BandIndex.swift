import Foundation

/// The LSH band index, in memory: for every stored article's sketch, its band keys, so that the
/// articles sharing a band with a new one are found with a few probes.
///
/// On disk a table keyed by band hash would put each of an article's 32 keys on a random page (at
/// 100,000 articles every commit would rewrite half the index), and an FTS5 table of band tokens
/// answers a 32-term lookup only after probing every segment. In memory it is one open-addressing
/// table of 64-bit slots (band key in the high half, article rowid in the low half), about 11 bytes
/// per key: 35 MB at 100,000 articles. It is rebuilt from `article_sketch` when the store opens.
final class BandIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [UInt64]
    private var used = 0
    private var loaded = false
    private var highest: Int64 = 0
    /// Keys of the commit in progress (`stage`), indexed once it is durable.
    private var staged: [([UInt32], Int64)] = []

    init(capacity: Int = 1 << 16) {
        slots = [UInt64](repeating: 0, count: capacity)
    }

    var count: Int { lock.withLock { used } }

    /// Adds an article's band keys (rowids above 2³² are not indexed: a store that large needs a
    /// database index anyway).
    func insert(_ keys: [UInt32], rowid: Int64) {
        guard rowid > 0, rowid < 1 << 32 else { return }
        lock.withLock {
            if (used + keys.count) * 4 > slots.count * 3 { grow() }
            for key in keys { place(UInt64(key) << 32 | UInt64(rowid)) }
            highest = max(highest, rowid)
        }
    }

    /// Articles sharing at least one band with `keys`, with how many bands they share, most first.
    func candidates(_ keys: [UInt32], limit: Int) -> [(rowid: Int64, bands: Int)] {
        var shared: [Int64: Int] = [:]
        lock.withLock {
            let n = slots.count
            for key in keys {
                var i = Self.slot(UInt64(key), n)
                while slots[i] != 0 {
                    if UInt32(truncatingIfNeeded: slots[i] >> 32) == key { shared[Int64(slots[i] & 0xFFFF_FFFF), default: 0] += 1 }
                    i = i + 1 == n ? 0 : i + 1
                }
            }
        }
        return shared.map { (rowid: $0.key, bands: $0.value) }
            .sorted { $0.bands != $1.bands ? $0.bands > $1.bands : $0.rowid < $1.rowid }
            .prefix(limit).map { $0 }
    }

    private func place(_ entry: UInt64) {
        let n = slots.count
        var i = Self.slot(entry >> 32, n)
        while slots[i] != 0 {
            if slots[i] == entry { return }
            i = i + 1 == n ? 0 : i + 1
        }
        slots[i] = entry
        used += 1
    }

    /// Grows by half (not doubling, which would briefly hold three times the table).
    private func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count + old.count / 2)
        used = 0
        for entry in old where entry != 0 { place(entry) }
    }

    /// A key's home slot: multiply-shift onto [0, n). (In Swift `>>` binds tighter than `*`: written
    /// without the parentheses this was `(h >> 32) * (n >> 32)`, slot 0 for every key, and the whole
    /// table one run of slots that every insert and lookup walked.)
    @inline(__always)
    static func slot(_ key: UInt64, _ n: Int) -> Int {
        let h = Shingles.mix(key)
        return Int(((h >> 32) &* UInt64(n)) >> 32)
    }

    func commitStaged() {
        let batch = lock.withLock { () -> [([UInt32], Int64)] in
            defer { staged = [] }
            return staged
        }
        for (keys, rowid) in batch { insert(keys, rowid: rowid) }
    }

    func dropStaged() { lock.withLock { staged = [] } }

    // MARK: loading at start-up, off the caller's thread

    /// Marks the index complete (the store's sketches are all in it).
    func markLoaded() { lock.withLock { loaded = true } }

    var isLoaded: Bool { lock.withLock { loaded } }

    /// The highest article rowid indexed.
    var highestRowid: Int64 { lock.withLock { highest } }
}

extension BandIndex {
    /// Keys of a commit in progress, added when it succeeds.
    func stage(_ keys: [UInt32], rowid: Int64) {
        lock.withLock { staged.append((keys, rowid)) }
    }
}
