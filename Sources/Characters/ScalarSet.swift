/// A set of scalars as a bitmap over the Basic Multilingual Plane: membership without hashing,
/// which matters because the extractors test every character of every line.
public struct ScalarSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)

    public init(_ scalars: some Sequence<Unicode.Scalar>) {
        for s in scalars where s.value < 0x10000 { bits[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63) }
    }

    public init(_ text: String) { self.init(text.unicodeScalars) }

    @inlinable @inline(__always)
    public func contains(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x10000 && bits[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0
    }
}

/// Words looked for in a line all at once: one pass over the line with a bitmap test per scalar, and
/// the words compared only where one of their first scalars stands (testing each word in turn walks
/// the line once per word).
public struct NeedleSet: Sendable {
    public let words: [[Unicode.Scalar]]
    @usableFromInline let firsts: ScalarSet

    public init(_ strings: [String]) {
        words = strings.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        firsts = ScalarSet(words.map { $0[0] })
    }

    /// Whether one of the words stands somewhere in `s`.
    @inlinable
    public func occurs(in s: [Unicode.Scalar]) -> Bool {
        for i in s.indices where firsts.contains(s[i]) {
            for word in words where word[0] == s[i] && s.has(word, at: i) { return true }
        }
        return false
    }
}
