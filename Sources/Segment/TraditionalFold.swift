/// Traditional characters folded onto simplified ones, one scalar for one, so that tables written
/// in simplified script (gazetteer, suffixes, function words) also match `渝中區`, `於`, `臺中市`.
/// Positions never move, so a match found in the folded text is sliced from the text as written.
enum TraditionalFold {
    static let map: ScalarMap<Unicode.Scalar> = {
        let scalars = Array(TraditionalFoldData.pairs.unicodeScalars)
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        var i = 0
        while i + 1 < scalars.count {
            pairs.append((scalars[i], scalars[i + 1]))
            i += 2
        }
        return ScalarMap(pairs)
    }()

    /// `text` with every traditional character replaced; the same array when there is none.
    static func fold(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let map = TraditionalFold.map
        guard let first = text.firstIndex(where: { map[$0] != nil }) else { return text }
        var out = text
        for i in first..<out.count {
            if let simple = map[out[i]] { out[i] = simple }
        }
        return out
    }
}
