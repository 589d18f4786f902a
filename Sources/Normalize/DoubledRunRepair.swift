import Characters

/// Undoes fake-bold doubling: pypdf prints every run of a bold line twice in a row
/// (`城市更新行动城市更新行动，，是党中央…`, `22月月22日日`).
///
/// A line is repaired only when all of it (each space-separated part) is made of doubled runs, so real
/// reduplication inside ordinary text (常常, 家家户户, 谢谢, 2296) is never touched.
enum DoubledRunRepair {
    /// The line printed once, or nil when the line is not wholly made of doubled runs.
    static func undouble(_ line: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard line.count >= 4 else { return nil }
        // Every scalar of a wholly doubled line (spaces aside) occurs an even number of times.
        var x1: UInt32 = 0
        var x2: UInt32 = 0
        for s in line where s != " " {
            x1 ^= s.value
            x2 ^= s.value &* 2_654_435_761
        }
        guard x1 == 0, x2 == 0 else { return nil }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(line.count / 2 + 4)
        var runs = 0
        var longestRun = 0
        var nonHanRuns = 0
        var start = 0
        while start < line.count {
            if line[start] == " " {
                out.append(" ")
                start += 1
                continue
            }
            var end = start
            while end < line.count, line[end] != " " { end += 1 }
            guard let parts = split(line, start, end) else { return nil }
            for (from, length) in parts {
                out.append(contentsOf: line[from..<(from + length)])
                runs += 1
                longestRun = max(longestRun, length)
                if length == 1, !CharacterClass.isHan(line[from]) { nonHanRuns += 1 }
            }
            start = end
        }
        // Evidence that this is fake bold and not a reduplicated word standing alone:
        // a run of two or more characters, or several runs that include doubled digits or marks.
        guard longestRun >= 2 || (runs >= 3 && nonHanRuns >= 1) else { return nil }
        // One character repeated (哈哈哈哈) is not evidence either.
        if let first = out.first(where: { $0 != " " }), out.allSatisfy({ $0 == first || $0 == " " }) { return nil }
        return out
    }

    /// Splits `line[start..<end]` into doubled runs `XX`, preferring long runs; nil when impossible.
    /// Dynamic programming over positions keeps it correct where a greedy choice would dead-end.
    /// A fake-bold token is one printed line's run, doubled: never thousands of characters. The
    /// bounds keep the search linear on hostile input (a megabyte of one repeated letter).
    static let maxToken = 4096
    static let maxRun = 128

    private static func split(_ line: [Unicode.Scalar], _ start: Int, _ end: Int) -> [(Int, Int)]? {
        let n = end - start
        guard n >= 2, n % 2 == 0, n <= maxToken else { return nil }
        // Cheap necessary condition first: in a doubled token every scalar occurs an even number of
        // times, so both XOR fingerprints vanish. Ordinary text fails here in one pass.
        var x1: UInt32 = 0
        var x2: UInt32 = 0
        for k in start..<end {
            let v = line[k].value
            x1 ^= v
            x2 ^= v &* 2_654_435_761
        }
        guard x1 == 0, x2 == 0 else { return nil }
        // choice[i] = run length chosen at offset i to reach the end, 0 = unreachable.
        var choice = [Int](repeating: 0, count: n + 1)
        var reachable = [Bool](repeating: false, count: n + 1)
        reachable[n] = true
        var i = n - 2
        while i >= 0 {
            var length = min((n - i) / 2, maxRun)
            while length >= 1 {
                if reachable[i + 2 * length], isDoubled(line, start + i, length) {
                    choice[i] = length
                    reachable[i] = true
                    break
                }
                length -= 1
            }
            i -= 1
        }
        guard reachable[0] else { return nil }
        var parts: [(Int, Int)] = []
        var at = 0
        while at < n {
            let length = choice[at]
            parts.append((start + at, length))
            at += 2 * length
        }
        return parts
    }

    @inline(__always)
    private static func isDoubled(_ line: [Unicode.Scalar], _ at: Int, _ length: Int) -> Bool {
        var k = 0
        while k < length {
            if line[at + k] != line[at + length + k] { return false }
            k += 1
        }
        return true
    }
}
