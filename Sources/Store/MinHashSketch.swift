import Foundation

/// A MinHash sketch of an article's shingle set, for finding reprints.
///
/// One-permutation MinHash: each shingle hash is hashed once; its top 7 bits pick one of 128 bins
/// and each bin keeps its smallest value (32 bits). Bins left empty (short texts) borrow from the
/// next filled bin to their right, offset by the distance, so two sketches agree in a bin with
/// probability about the Jaccard similarity of the two sets. That costs one multiply per shingle
/// instead of one per shingle and hash function, which keeps detection off the ingest budget.
///
/// For the index, the first 96 bins are grouped in `bands` bands of `rows` bins; two articles become
/// candidates when they agree on every bin of at least one band (probability `1-(1-J^3)^32`:
/// 0.88 at J = 0.4, 0.95 at J = 0.45, 0.99 at J = 0.5, 0.4% at J = 0.05).
public struct MinHashSketch: Sendable, Equatable {
    public static let bins = 128
    public static let bands = 32
    public static let rows = 3
    /// Fewer distinct shingles than this (about 35 characters): too short to call a reprint.
    public static let minimumShingles = 30

    /// One value per bin.
    public var values: [UInt32]
    /// Distinct shingles in the text (for containment).
    public var shingles: Int

    public init(values: [UInt32], shingles: Int) {
        self.values = values
        self.shingles = shingles
    }

    /// The sketch of `text`, or nil when it is too short to compare.
    public init?(text: String) {
        let hashes = Shingles.hashes(text)
        guard hashes.count >= Self.minimumShingles else { return nil }
        var minima = [UInt64](repeating: .max, count: Self.bins)
        for h in hashes {
            let bin = Int(h >> 57)
            let value = h & 0xFFFF_FFFF
            if value < minima[bin] { minima[bin] = value }
        }
        var values = [UInt32](repeating: 0, count: Self.bins)
        for bin in 0..<Self.bins {
            var source = bin
            var distance: UInt64 = 0
            while minima[source] == .max {
                source = (source + 1) % Self.bins
                distance += 1
            }
            values[bin] = distance == 0 ? UInt32(minima[source])
                : UInt32(truncatingIfNeeded: Shingles.mix(minima[source] &+ distance &* 0x9E37_79B9))
        }
        self.init(values: values, shingles: hashes.count)
    }

    /// Estimated Jaccard similarity of the two shingle sets: the share of bins that agree.
    public func jaccard(_ other: MinHashSketch) -> Double {
        var equal = 0
        for i in 0..<Self.bins where values[i] == other.values[i] { equal += 1 }
        return Double(equal) / Double(Self.bins)
    }

    /// Estimated share of the smaller set that lies in the other (|A∩B| = J(|A|+|B|)/(1+J)).
    public static func containment(jaccard j: Double, _ a: Int, _ b: Int) -> Double {
        let smaller = min(a, b)
        guard smaller > 0 else { return 0 }
        return min(1, j * Double(a + b) / (1 + j) / Double(smaller))
    }

    /// The similarity a reprint is judged on, or nil when the two are different texts: Jaccard at
    /// least `jaccardThreshold`, or (for a shortened copy) the shorter at least `containmentThreshold`
    /// contained in the longer and at least a quarter of its size. The similarity reported is the
    /// larger of Jaccard and (where it may be trusted) containment.
    public func reprintSimilarity(_ other: MinHashSketch) -> Double? {
        let j = jaccard(other)
        let ratio = Double(min(shingles, other.shingles)) / Double(max(shingles, other.shingles))
        let c = j >= Self.containmentFloor && ratio >= 0.25 ? Self.containment(jaccard: j, shingles, other.shingles) : 0
        guard j >= Self.jaccardThreshold || c >= Self.containmentThreshold else { return nil }
        return max(j, c)
    }

    public static let jaccardThreshold = 0.5
    public static let containmentThreshold = 0.8
    /// Containment is estimated from J: below this the estimate is too noisy to trust.
    public static let containmentFloor = 0.2

    /// The LSH band keys: a 32-bit hash of each band's bins (and the band's number).
    public var bandKeys: [UInt32] {
        (0..<Self.bands).map { band in
            var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for k in 0..<Self.rows { h = Shingles.mix(h ^ UInt64(values[band * Self.rows + k])) }
            return UInt32(truncatingIfNeeded: h >> 32) | 1   // never 0: an empty slot of `BandIndex`
        }
    }

    /// Little-endian bin values, as stored.
    public var data: Data {
        var out = Data(capacity: Self.bins * 4)
        for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    public init?(data: Data, shingles: Int) {
        guard data.count == Self.bins * 4 else { return nil }
        let values = data.withUnsafeBytes { raw in
            (0..<Self.bins).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
        self.init(values: values, shingles: shingles)
    }
}
