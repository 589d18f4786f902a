/// Finds every occurrence of many terms in one pass: an Aho–Corasick automaton over Unicode scalars.
///
/// Chinese running text has no word boundaries, so cue terms are matched as plain substrings; one
/// automaton holds all of them (theme cues, exclusions, domain words) and a text is scanned once,
/// whatever the number of terms. Scalars are folded first (full-width ASCII to ASCII, upper to lower
/// case) so `ＰＰＰ`, `PPP` and `ppp` match alike.
struct PatternMatcher: Sendable {
    /// One occurrence: which pattern, and the half-open scalar range it covers.
    struct Hit: Sendable, Equatable {
        var pattern: Int
        var start: Int
        var end: Int
    }

    /// Pattern lengths in scalars, by pattern id.
    let lengths: [Int]
    /// Symbol of each BMP scalar (0: in no pattern, so the automaton falls back to the root).
    private let symbols: [UInt16]
    /// Goto edges below the root, keyed by `state << 16 | symbol`.
    private let edges: EdgeTable
    /// Goto edges from the root, indexed by symbol (-1: stay at the root).
    private let rootEdges: [Int32]
    private let failure: [Int32]
    /// Patterns ending at each state, its failure chain included: `outputList[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputList: [Int32]

    /// Builds the automaton; pattern ids are indices into `patterns`. Empty patterns never match.
    init(patterns: [String]) {
        var symbols = [UInt16](repeating: 0, count: 0x10000)
        var symbolCount = 0
        var lengths: [Int] = []
        var children: [[Int: Int32]] = [[:]]
        var terminal: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() {
            let folded = pattern.unicodeScalars.map { PatternMatcher.fold($0.value) }
            lengths.append(folded.count)
            guard !folded.isEmpty, folded.allSatisfy({ $0 < 0x10000 }) else { continue }
            var state = 0
            for scalar in folded {
                if symbols[Int(scalar)] == 0 {
                    symbolCount += 1
                    symbols[Int(scalar)] = UInt16(symbolCount)
                }
                let symbol = Int(symbols[Int(scalar)])
                if let next = children[state][symbol] {
                    state = Int(next)
                } else {
                    children.append([:])
                    terminal.append([])
                    children[state][symbol] = Int32(children.count - 1)
                    state = children.count - 1
                }
            }
            terminal[state].append(Int32(id))
        }

        // Breadth-first: a state's failure target is always shallower, so it is complete when needed.
        var failure = [Int32](repeating: 0, count: children.count)
        var outputs = terminal
        var queue: [Int] = []
        for (_, child) in children[0] { queue.append(Int(child)) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (symbol, child) in children[state] {
                var fallback = Int(failure[state])
                while fallback != 0, children[fallback][symbol] == nil { fallback = Int(failure[fallback]) }
                let target = children[fallback][symbol].map(Int.init) ?? 0
                failure[Int(child)] = Int32(target == Int(child) ? 0 : target)
                outputs[Int(child)] += outputs[Int(failure[Int(child)])]
                queue.append(Int(child))
            }
        }

        var edgeList: [(Int, Int32)] = []
        var rootEdges = [Int32](repeating: -1, count: symbolCount + 1)
        for (state, map) in children.enumerated() {
            for (symbol, child) in map {
                if state == 0 { rootEdges[symbol] = child } else { edgeList.append((state << 16 | symbol, child)) }
            }
        }
        var outputStart: [Int32] = [0]
        var outputList: [Int32] = []
        for list in outputs {
            outputList += list
            outputStart.append(Int32(outputList.count))
        }
        self.lengths = lengths
        self.symbols = symbols
        self.edges = EdgeTable(edgeList)
        self.rootEdges = rootEdges
        self.failure = failure
        self.outputStart = outputStart
        self.outputList = outputList
    }

    /// Every occurrence of every pattern in `text` (already folded with `fold`), in order of end position.
    func hits(in text: [UInt32]) -> [Hit] {
        var found: [Hit] = []
        found.reserveCapacity(text.count / 2)
        // Unsafe buffers: this loop runs for every character of every article, and bounds checks and
        // array retains would cost more than the automaton itself.
        symbols.withUnsafeBufferPointer { symbols in
            rootEdges.withUnsafeBufferPointer { rootEdges in
                failure.withUnsafeBufferPointer { failure in
                    outputStart.withUnsafeBufferPointer { outputStart in
                        outputList.withUnsafeBufferPointer { outputList in
                            lengths.withUnsafeBufferPointer { lengths in
                                var state = 0
                                for index in text.indices {
                                    let scalar = text[index]
                                    let symbol = scalar < 0x10000 ? Int(symbols[Int(scalar)]) : 0
                                    if symbol == 0 {
                                        state = 0
                                        continue
                                    }
                                    while true {
                                        if state == 0 {
                                            state = max(0, Int(rootEdges[symbol]))
                                            break
                                        }
                                        let next = edges.target(state << 16 | symbol)
                                        if next >= 0 {
                                            state = Int(next)
                                            break
                                        }
                                        state = Int(failure[state])
                                    }
                                    for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                                        let id = Int(outputList[output])
                                        found.append(Hit(pattern: id, start: index + 1 - lengths[id], end: index + 1))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// Folds full-width ASCII to ASCII and ASCII capitals to lower case, so matching ignores both.
    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt32 {
        var value = scalar
        if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
        if value >= 0x41, value <= 0x5A { value += 0x20 }
        return value
    }
}

/// An open-addressing hash map from goto keys to target states: far cheaper per lookup than a
/// `Dictionary`, which matters as it is consulted for nearly every character of every article.
private struct EdgeTable: Sendable {
    private let keys: [Int]
    private let values: [Int32]
    private let mask: Int

    init(_ entries: [(Int, Int32)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [Int](repeating: -1, count: capacity)
        var values = [Int32](repeating: -1, count: capacity)
        for (key, value) in entries {
            var slot = EdgeTable.hash(key) & (capacity - 1)
            while keys[slot] != -1 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    /// The target state for `key`, or -1.
    @inline(__always)
    func target(_ key: Int) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            var slot = EdgeTable.hash(key) & mask
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == -1 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func hash(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
