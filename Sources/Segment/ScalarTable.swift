/// Values keyed by a BMP scalar, looked up through a flat index instead of a hash table.
struct ScalarMap<Value: Sendable>: Sendable {
    private var slots = [Int32](repeating: -1, count: 0x10000)
    private var values: [Value] = []

    init(_ pairs: [(Unicode.Scalar, Value)]) {
        for (key, value) in pairs where key.value < 0x10000 {
            slots[Int(key.value)] = Int32(values.count)
            values.append(value)
        }
    }

    @inline(__always)
    subscript(_ s: Unicode.Scalar) -> Value? {
        guard s.value < 0x10000 else { return nil }
        let slot = slots[Int(s.value)]
        return slot < 0 ? nil : values[Int(slot)]
    }
}

extension ScalarMap where Value == [[Unicode.Scalar]] {
    /// Words grouped by their first (or, with `byLast`, last) scalar, longest first.
    init(words: [[Unicode.Scalar]], byLast: Bool = false) {
        var groups: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for word in words where !word.isEmpty { groups[byLast ? word[word.count - 1] : word[0], default: []].append(word) }
        self.init(groups.map { ($0.key, $0.value.sorted { $0.count > $1.count }) })
    }
}
