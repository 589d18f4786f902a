import Characters

/// The character shingles near-duplicate detection compares: overlapping runs of `width` characters
/// of an article's body after folding, hashed to 64 bits.
///
/// Folding keeps what survives reprinting and keeps out what does not: Han characters, digits
/// (full-width folded to ASCII) and lower-cased Latin letters stay; punctuation, spaces, symbols,
/// zero-width and other scraper noise are dropped, so `加装★电​梯` shingles like `加装电梯`. A single
/// Latin letter between two Han characters (`加装x电梯`) is noise too; words such as `PPP模式` stay.
public enum Shingles {
    public static let width = 5

    /// Distinct shingle hashes of `text`, in no particular order.
    ///
    /// Kept distinct with an open-addressed table rather than by sorting: the sort was most of the
    /// sketch's cost on the ingest path.
    public static func hashes(_ text: String) -> [UInt64] {
        let folded = fold(text)
        guard folded.count >= width else { return [] }
        let n = folded.count - width + 1
        var capacity = 64
        while capacity < 2 * n { capacity <<= 1 }
        let mask = capacity - 1
        var out: [UInt64] = []
        out.reserveCapacity(n)
        var table = [UInt64](repeating: 0, count: capacity)   // 0 marks an empty slot; a hash of 0 is kept apart
        var sawZero = false
        table.withUnsafeMutableBufferPointer { table in
            for start in 0..<n {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in start..<(start + width) { h = (h ^ UInt64(folded[k])) &* 0x0000_0100_0000_01B3 }
                let x = mix(h)
                if x == 0 {
                    if !sawZero { sawZero = true; out.append(0) }
                    continue
                }
                var slot = Int(truncatingIfNeeded: x) & mask
                while table[slot] != 0 && table[slot] != x { slot = (slot + 1) & mask }
                if table[slot] == 0 {
                    table[slot] = x
                    out.append(x)
                }
            }
        }
        return out
    }

    /// The folded characters as scalar values.
    static func fold(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 3 + 8)
        // A pending lone Latin letter after a Han character: kept only if the next character is not Han.
        var pendingLetter: UInt32?
        var lettersInRun = 0
        var previousWasHan = false
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) { v -= 0xFEE0 }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            let isLetter = (0x61...0x7A).contains(v)
            let isDigit = (0x30...0x39).contains(v)
            let isHan = !isLetter && !isDigit && CharacterClass.isUnspaced(Unicode.Scalar(v) ?? " ")
            guard isLetter || isDigit || isHan else { continue }   // noise: dropped without breaking the run
            if isLetter {
                lettersInRun += 1
                if lettersInRun == 1 && previousWasHan {
                    pendingLetter = v
                    continue
                }
                if let p = pendingLetter { out.append(p); pendingLetter = nil }
                out.append(v)
                previousWasHan = false
                continue
            }
            if let p = pendingLetter {
                pendingLetter = nil
                if !isHan { out.append(p) }   // Han, letter, Han: the letter was noise
            }
            lettersInRun = 0
            previousWasHan = isHan
            out.append(v)
        }
        if let p = pendingLetter { out.append(p) }
        return out
    }

    /// splitmix64's finaliser: spreads FNV's weak low bits over the whole word.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
