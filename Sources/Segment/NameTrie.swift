/// A trie over the scalars of a set of names, each name marked with the kinds it belongs to, so one
/// walk from a position finds the longest name of every kind that starts (or, built from reversed
/// names, ends) there.
///
/// The place extractor asks at nearly every Han character whether a gazetteer name starts there:
/// probing candidate lists per first character (or hashing arrays per length) cost more than the rest
/// of segmenting. A walk stops at the first scalar no name continues with, which for most positions
/// is the first or second one. The root's children are a flat table over the Basic Multilingual Plane
/// (one load, no hashing); deeper nodes have a handful of children each, kept in flat sorted arrays.
struct NameTrie: Sendable {
    /// Kinds of names, as bits of a node's mark.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let full = Kinds(rawValue: 1)
        static let bare = Kinds(rawValue: 2)
    }

    /// Child of the root by scalar value (BMP only), or -1.
    private var rootChildren: [Int32]
    /// Per node, its first edge in `edgeScalars`/`edgeTargets`; node n's edges end where node n+1's start.
    private var edgeStart: [Int32]
    private var edgeScalars: [UInt32]
    private var edgeTargets: [Int32]
    /// Per node, the kinds of the names that end there.
    private var marks: [UInt8]

    /// A trie of `names`, each with its kinds; with `reversed`, of the names read backwards.
    init(_ names: [([Unicode.Scalar], Kinds)], reversed: Bool = false) {
        // Built with dictionaries, then laid out flat (breadth first, so a node's children are adjacent).
        var children: [[UInt32: Int]] = [[:]]
        var nodeMarks: [UInt8] = [0]
        for (name, kinds) in names where !name.isEmpty {
            var node = 0
            for scalar in reversed ? Array(name.reversed()) : name {
                if let next = children[node][scalar.value] {
                    node = next
                } else {
                    children.append([:])
                    nodeMarks.append(0)
                    children[node][scalar.value] = children.count - 1
                    node = children.count - 1
                }
            }
            nodeMarks[node] |= kinds.rawValue
        }
        var order = [0]   // old node numbers, breadth first
        var newNumber = [Int](repeating: 0, count: children.count)
        var head = 0
        while head < order.count {
            for (_, child) in children[order[head]].sorted(by: { $0.key < $1.key }) {
                newNumber[child] = order.count
                order.append(child)
            }
            head += 1
        }
        rootChildren = [Int32](repeating: -1, count: 0x10000)
        edgeStart = []
        edgeScalars = []
        edgeTargets = []
        marks = order.map { nodeMarks[$0] }
        for old in order {
            edgeStart.append(Int32(edgeScalars.count))
            for (scalar, child) in children[old].sorted(by: { $0.key < $1.key }) {
                edgeScalars.append(scalar)
                edgeTargets.append(Int32(newNumber[child]))
                if old == 0, scalar < 0x10000 { rootChildren[Int(scalar)] = Int32(newNumber[child]) }
            }
        }
        edgeStart.append(Int32(edgeScalars.count))
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    private func child(_ node: Int32, _ scalar: Unicode.Scalar) -> Int32 {
        if node == 0 { return scalar.value < 0x10000 ? rootChildren[Int(scalar.value)] : -1 }
        var e = Int(edgeStart[Int(node)])
        let end = Int(edgeStart[Int(node) + 1])
        while e < end {
            let edge = edgeScalars[e]
            if edge == scalar.value { return edgeTargets[e] }
            if edge > scalar.value { return -1 }
            e += 1
        }
        return -1
    }

    /// Lengths of the longest full name and the longest bare form in `s` starting at `i` (0 for none).
    @inline(__always)
    func longest(in s: [Unicode.Scalar], at i: Int) -> (full: Int, bare: Int) {
        var node: Int32 = 0
        var full = 0, bare = 0
        var j = i
        while j < s.count {
            node = child(node, s[j])
            if node < 0 { break }
            j += 1
            let mark = marks[Int(node)]
            if mark & Kinds.full.rawValue != 0 { full = j - i }
            if mark & Kinds.bare.rawValue != 0 { bare = j - i }
        }
        return (full, bare)
    }

    /// In a trie of reversed names: where the longest name of any kind that ends just before `end`
    /// starts, if it starts at `lowerBound` or after.
    @inline(__always)
    func longestEnding(in s: [Unicode.Scalar], before end: Int, lowerBound: Int) -> Int? {
        var node: Int32 = 0
        var start: Int?
        var j = end - 1
        while j >= lowerBound {
            node = child(node, s[j])
            if node < 0 { break }
            if marks[Int(node)] != 0 { start = j }
            j -= 1
        }
        return start
    }

    /// Whether `name` is a name of any kind (in a trie of names read forwards).
    func contains(_ name: some Collection<Unicode.Scalar>) -> Bool {
        var node: Int32 = 0
        for scalar in name {
            node = child(node, scalar)
            if node < 0 { return false }
        }
        return !name.isEmpty && marks[Int(node)] != 0
    }
}
