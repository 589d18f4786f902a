/// Substring search on scalar arrays, and strings back from scalars, the form every stage keeps text in. Comparing scalars, not
/// `Character`s, is what the stages mean by "contains" (the text is already normalised), and it is
/// many times cheaper than `String.range(of:)`, which walks UTF-16 with Unicode folding.
extension Array where Element == Unicode.Scalar {
    /// Whether `needle` stands at `offset`.
    @inlinable
    public func has(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for i in 0..<needle.count where self[offset + i] != needle[i] { return false }
        return true
    }

    /// The first index at or after `from` where `needle` stands, or nil (also for an empty needle).
    @inlinable
    public func firstIndex(of needle: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard let first = needle.first, count >= needle.count else { return nil }
        var i = Swift.max(0, from)
        while i + needle.count <= count {
            if self[i] == first, has(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// The last index where `needle` stands wholly before `end`, or nil.
    @inlinable
    public func lastIndex(of needle: [Unicode.Scalar], before end: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        var i = Swift.min(end ?? count, count) - needle.count
        while i >= 0 {
            if self[i] == first, has(needle, at: i) { return i }
            i -= 1
        }
        return nil
    }
}

extension Collection where Element == Unicode.Scalar {
    /// The scalars as a string, encoded straight to UTF-8 (appending to a `UnicodeScalarView` is far slower).
    @inlinable
    public var string: String {
        let capacity = count * 4
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var n = 0
            for scalar in self {
                let v = scalar.value
                if v < 0x80 {
                    buffer[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | v >> 6); buffer[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | v >> 12); buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v & 0x3F); n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | v >> 18); buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); buffer[n + 3] = UInt8(0x80 | v & 0x3F); n += 4
                }
            }
            return n
        }
    }
}

extension String {
    /// The scalars as an array, decoded straight from the UTF-8 bytes: appending `unicodeScalars` to an
    /// array walks the string twice (to count, then to copy), and every stage turns its lines into scalars.
    public var scalarArray: [Unicode.Scalar] {
        var copy = self
        return copy.withUTF8 { utf8 in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(utf8.count)
            var i = 0
            let n = utf8.count
            while i < n {
                let b0 = UInt32(utf8[i])
                var v: UInt32
                if b0 < 0x80 {
                    v = b0; i += 1
                } else if b0 < 0xE0, i + 1 < n {
                    v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0, i + 2 < n {
                    v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                } else if i + 3 < n {
                    v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                        | UInt32(utf8[i + 3] & 0x3F); i += 4
                } else {
                    v = 0xFFFD; i += 1
                }
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            return out
        }
    }
}
