import Characters

/// Merges the fragments poppler leaves of a fake-bold line back into one line.
///
/// pdftotext drops most duplicates of a doubled run, but where the 0.3 pt copy of a run joined the next
/// punctuation mark it survives, one fragment a line:
/// `校的作者` / `校的作者，` / `，围绕…探讨` / `围绕…探讨，` / `，以飨读者`. Each fragment repeats the end of
/// what came before it (a whole run, bounded by punctuation, a space or a change of script) plus at most
/// the first character of the next run, which the next fragment then repeats at its start.
enum FragmentMerger {
    /// The lines with fragments merged, and how many fragments were merged.
    static func merge(_ lines: [PhysicalLine]) -> (lines: [PhysicalLine], merged: Int) {
        var out: [PhysicalLine] = []
        out.reserveCapacity(lines.count)
        var merged = 0
        var pending: Unicode.Scalar? = nil
        // A fragment followed by a doubled mark (`留改拆””中…`) is the fake-bold signature on its own.
        var signatures = 0
        for line in lines {
            guard var acc = out.last, !line.startsBlock else {
                out.append(line)
                pending = nil
                continue
            }
            var b = line.scalars
            // The copy of a run's next character (`。党的…`, `4位…`), or a closing mark no line may start with.
            if let first = b.first, first == acc.scalars.last,
                first == pending || (ScalarClass.isClosingMark(first) && acc.bold) {
                b.removeFirst()
                acc.scalars.append(contentsOf: b)
                acc.bold = true
                out[out.count - 1] = acc
                merged += 1
                pending = nil
                continue
            }
            if let k = runOverlap(acc.scalars, b) {
                let remainder = b[k...]
                if remainder.count >= 2, remainder.first == b[k + 1], ScalarClass.isCJKPunctuation(b[k]) { signatures += 1 }
                acc.scalars.append(contentsOf: remainder)
                acc.scalars = collapseDoubledMarks(acc.scalars)
                acc.bold = true
                out[out.count - 1] = acc
                merged += 1
                pending = remainder.count == 1 ? remainder.first : nil
                continue
            }
            pending = nil
            out.append(line)
        }
        // A single coincidence is not the pattern; keep the text as it was.
        if merged < 2 && signatures == 0 { return (lines, 0) }
        return (out, merged)
    }

    /// The length of the longest run that ends `acc` and starts `b`, when `b` is a fragment copy of it.
    static func runOverlap(_ acc: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int? {
        let limit = min(acc.count, b.count, 64)
        guard limit >= 2 else { return nil }
        var k = limit
        while k >= 2 {
            defer { k -= 1 }
            let from = acc.count - k
            guard acc[from] == b[0], acc[acc.count - 1] == b[k - 1] else { continue }
            var same = true
            for j in 0..<k where acc[from + j] != b[j] {
                same = false
                break
            }
            guard same else { continue }
            // The shared text must be a whole run: bounded in `acc` before it and in `b` after it.
            guard from == 0 || isRunBoundary(acc[from - 1], acc[from]) else { continue }
            guard k == b.count || isRunBoundary(b[k - 1], b[k]) else { continue }
            // Most of the shared text must be real characters, not punctuation alone.
            let letters = b[0..<k].filter { !ScalarClass.isPunctuation($0) && $0 != " " }.count
            guard letters >= 2 else { continue }
            let remainder = b.count - k
            guard remainder <= 1 || from == 0 || ScalarClass.isPunctuation(b[k]) else { continue }
            return k
        }
        return nil
    }

    @inline(__always)
    static func isRunBoundary(_ x: Unicode.Scalar, _ y: Unicode.Scalar) -> Bool {
        if ScalarClass.isPunctuation(x) || ScalarClass.isPunctuation(y) || x == " " || y == " " { return true }
        return CharacterClass.isHan(x) != CharacterClass.isHan(y)
    }

    /// `““`, `，，`, `。。` left where two fragments met; `——` and `……` are real and stay.
    static func collapseDoubledMarks(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(line.count)
        for s in line {
            if let last = out.last, last == s, ScalarClass.isCJKPunctuation(s), s != "—", s != "…" { continue }
            out.append(s)
        }
        return out
    }
}
