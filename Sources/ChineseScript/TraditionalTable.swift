/// Which scalars are traditional-only Chinese characters, and the simplified character each stands for.
///
/// Built from `pairs` (OpenCC's own character table, generated): a bit per scalar answers "is this
/// traditional?" in a couple of instructions, so simplified text, nearly all of what arrives, costs
/// one scan and no conversion.
struct TraditionalTable: Sendable {
    static let shared = TraditionalTable()
    /// Every traditional character of the table lies below this scalar.
    static let limit: UInt32 = 0x3_0000
    private let bits: [UInt64]
    private let simplifiedOf: [UInt32: UInt32]

    init() {
        var bits = [UInt64](repeating: 0, count: Int(Self.limit) / 64)
        var simplifiedOf: [UInt32: UInt32] = [:]
        var pending: UInt32?
        for scalar in Self.pairs.unicodeScalars where scalar != "\n" && scalar != " " {
            guard let traditional = pending else {
                pending = scalar.value
                continue
            }
            pending = nil
            guard traditional < Self.limit else { continue }
            bits[Int(traditional >> 6)] |= 1 << UInt64(traditional & 63)
            simplifiedOf[traditional] = scalar.value
        }
        self.bits = bits
        self.simplifiedOf = simplifiedOf
    }

    /// Number of characters in the table.
    var count: Int { simplifiedOf.count }

    @inline(__always)
    func isTraditional(_ value: UInt32) -> Bool {
        value >= 0x3400 && value < Self.limit && bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// The simplified character for a traditional one; any other scalar unchanged.
    @inline(__always)
    func simplified(_ value: UInt32) -> UInt32 {
        isTraditional(value) ? simplifiedOf[value] ?? value : value
    }
}
