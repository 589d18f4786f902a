/// Counts malformed UTF-8 sequences without building a string.
enum UTF8Validation {
    struct Result { var count: Int; var firstOffset: Int }

    /// Stops counting at `limit`; `firstOffset` is the offset of the first bad sequence (or the byte count).
    static func invalidSequences(_ bytes: [UInt8], limit: Int) -> Result {
        var result = Result(count: 0, firstOffset: bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: need = -1
            }
            if need > 0 && i + need >= n {
                // Cut off at the end of the data: one bad sequence, whatever bytes of it remain.
                if result.count == 0 { result.firstOffset = i }
                result.count += 1
                return result
            }
            var ok = need > 0
            if ok {
                for k in 1...need {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if ok, scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { ok = false }
            }
            if ok {
                i += need + 1
            } else {
                if result.count == 0 { result.firstOffset = i }
                result.count += 1
                if result.count >= limit { return result }
                i += 1
            }
        }
        return result
    }
}
