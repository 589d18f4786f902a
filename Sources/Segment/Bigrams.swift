import Characters

/// Character bigrams of Han and alphanumeric text, for measuring how much a title shares with an article.
enum Bigrams {
    @inline(__always)
    private static func counts(_ s: Unicode.Scalar) -> Bool {
        CharacterClass.isHan(s) || CharacterClass.isASCIIDigit(s) || CharacterClass.isASCIILetter(s)
    }

    /// Adjacent pairs of counted scalars within each line, packed into one integer each.
    static func list(of lines: [[Unicode.Scalar]]) -> [UInt64] {
        var out: [UInt64] = []
        for line in lines {
            var previous: Unicode.Scalar?
            for s in line {
                guard counts(s) else { previous = nil; continue }
                if let p = previous { out.append(UInt64(p.value) << 32 | UInt64(s.value)) }
                previous = s
            }
        }
        return out
    }

    static func set(of lines: [[Unicode.Scalar]]) -> Set<UInt64> { Set(list(of: lines)) }

    /// Share of `grams` found in `set` (0 when `grams` is empty).
    static func containment(_ grams: [UInt64], in set: Set<UInt64>) -> Double {
        guard !grams.isEmpty else { return 0 }
        return Double(grams.filter { set.contains($0) }.count) / Double(grams.count)
    }
}
