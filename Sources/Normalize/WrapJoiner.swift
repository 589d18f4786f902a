/// Rejoins lines broken at the column width into paragraphs, keeping structure lines on their own.
///
/// Paragraph ends are decided from sentence-final punctuation, the line's width against the column's,
/// blank lines (a blank after a full line that stops mid-sentence is a column end, not a paragraph end),
/// and structure lines: bylines, `（作者系…）` footers, headings, metadata and `时间：` field lines.
/// Titles set in fake bold and broken over two lines are joined into one.
struct WrapJoiner {
    var lines: [PhysicalLine]
    var widths: [Int]
    var roles: [LineRole]
    var profile: ColumnProfile
    /// `forced[i]`: line i continues line i-1 whatever the other rules say (a two-line title).
    var forced: [Bool]

    init(_ lines: [PhysicalLine]) {
        var lines = lines
        var widths = lines.map { $0.scalars.halfWidth }
        var profile = ColumnProfile.measure(lines, widths: widths)
        var roles = lines.map { LineRole.of($0.scalars) }
        if profile.hardWrapped, WrapJoiner.moveInterruptions(&lines, profile: profile) {
            widths = lines.map { $0.scalars.halfWidth }
            roles = lines.map { LineRole.of($0.scalars) }
            profile = ColumnProfile.measure(lines, widths: widths)
        }
        self.lines = lines
        self.widths = widths
        self.roles = roles
        self.profile = profile
        self.forced = [Bool](repeating: false, count: lines.count)
        if profile.hardWrapped { markTitlesBeforeBylines() }
    }

    /// The paragraphs and structure lines, and how many line breaks were removed.
    func join() -> (lines: [[Unicode.Scalar]], joined: Int) {
        var out: [[Unicode.Scalar]] = []
        out.reserveCapacity(lines.count)
        var joined = 0
        var current: [Unicode.Scalar] = []
        var last = -1
        var footerOpen = false
        var parts = 0
        var boldPair = false
        for i in lines.indices {
            if last >= 0, shouldJoin(last, i, footerOpen: footerOpen, parts: parts, boldPair: boldPair) {
                Self.append(&current, lines[i].scalars)
                joined += 1
                boldPair = lines[last].bold && lines[i].bold && widths[last] <= profile.width + 4
                parts += 1
            } else {
                if last >= 0 { out.append(current) }
                current = lines[i].scalars
                parts = 1
                boldPair = false
                if case .footer = roles[i] { footerOpen = true } else { footerOpen = false }
            }
            if footerOpen, current.last == "）" || current.last == ")" { footerOpen = false }
            last = i
        }
        if last >= 0 { out.append(current) }
        return (out, joined)
    }

    // MARK: - Decisions

    private func shouldJoin(_ a: Int, _ b: Int, footerOpen: Bool, parts: Int, boldPair: Bool) -> Bool {
        let rb = roles[b]
        if footerOpen {
            // `（作者系市委党校科学社会主义` / `教研部主任、教授）`
            return parts < 4 && (rb == .text || rb == .heading)
        }
        guard profile.hardWrapped else { return false }
        if forced[b] { return true }
        switch rb {
        case .byline, .footer, .metadata, .heading, .fieldLine: return false
        case .text: break
        }
        switch roles[a] {
        case .byline, .metadata: return false
        case .footer: return false  // a closed footer; an open one was handled above
        case .heading, .fieldLine, .text: break
        }
        let A = lines[a].scalars
        let B = lines[b].scalars
        guard let aLast = A.last, let bFirst = B.first else { return false }
        if aLast.value < 0x80, bFirst.value < 0x80 { return latinJoin(A, B) }
        let wa = widths[a]
        let T = profile.width
        let aFinal = A.endsSentence

        if lines[a].bold || lines[b].bold {
            return boldJoin(a, b, aFinal: aFinal, boldPair: boldPair)
        }
        if lines[b].startsBlock {
            // A blank line after a full line that stops mid-sentence is a column end.
            return !aFinal && wa >= T - 5 && wa <= T + 2
        }
        if profile.blockPerParagraph { return true }
        if wa > T + 2 { return false }  // wider than the column: a headline or title, not body text
        if wa >= T - 5 && !aFinal { return true }
        // A full line that happens to end a sentence is still mid-paragraph more often than not.
        return aFinal && wa >= T - 1
    }

    /// Lines of the bold lead run across the columns; bold titles come in two short halves.
    private func boldJoin(_ a: Int, _ b: Int, aFinal: Bool, boldPair: Bool) -> Bool {
        let T = profile.width
        let wa = widths[a]
        let wb = widths[b]
        guard lines[a].bold else { return false }  // body text followed by a bold line
        if wa > T + 4 {
            // The lead: wrapped at its own, wider measure.
            if !aFinal { return wb > T + 4 || lines[b].bold || lines[b].scalars.endsSentence }
            return false
        }
        guard lines[b].bold, !boldPair, !aFinal, wb <= T + 8 || wa + wb <= 2 * T + 8 else { return false }
        let A = lines[a].scalars
        let B = lines[b].scalars
        if let x = A.last, ScalarClass.isASCIIDigit(x), let y = B.first, ScalarClass.isASCIIDigit(y) { return true }
        if let x = A.last, x == "，" || x == "：" || x == "、" || x == "—" || x == "；" { return true }
        return abs(wa - wb) <= 3
    }

    /// English prose wraps at spaces, CSV-like data anywhere; join only where the break is plainly mid-text.
    private func latinJoin(_ A: [Unicode.Scalar], _ B: [Unicode.Scalar]) -> Bool {
        guard let x = A.last, let y = B.first else { return false }
        let continues = ScalarClass.isASCIILetter(x) || x == "," || x == "-" || x == "—" || x == "&"
        let lowerStart = (y.value >= 0x61 && y.value <= 0x7A) || ScalarClass.isASCIIDigit(y)
        return continues && lowerStart
    }

    /// Joins `next` to `current`, with a space between two words of Latin text.
    private static func append(_ current: inout [Unicode.Scalar], _ next: [Unicode.Scalar]) {
        if let x = current.last, let y = next.first, x.value < 0x80 || x == "—", y.value < 0x80,
            ScalarClass.isASCIIAlnum(y) || y == "(", current.contains(" ") || x == "—" {
            if ScalarClass.isASCIILetter(x) || x == "," || x == "—" || x == ";" || x == ")" { current.append(" ") }
        }
        current.append(contentsOf: next)
    }

    // MARK: - Pre-passes

    /// A title broken over two short lines right before a byline (`既有住宅绿色` / `化改造大有可为` / `□段晓明`).
    private mutating func markTitlesBeforeBylines() {
        let T = profile.width
        for j in lines.indices where roles[j] == .byline && j >= 2 {
            let a = j - 2
            let b = j - 1
            guard roles[a] == .text, roles[b] == .text, !lines[a].scalars.endsSentence, !lines[b].scalars.endsSentence,
                widths[a] <= T + 8, widths[b] <= T + 8, !lines[b].startsBlock || lines[a].bold else { continue }
            // The line before the title must end something, or the "title" is the tail of a paragraph.
            let before = a - 1
            let boundary = before < 0 || lines[a].startsBlock || lines[before].scalars.endsSentence
                || roles[before] != .text || (lines[a].bold && !lines[before].bold)
            if boundary, a == 0 || roles[before] != .byline { forced[b] = true }
        }
    }

    /// pypdf writes a page's pending title and banner headline where the page's text stops, often in the
    /// middle of a paragraph. Moves such a bold run after the end of the paragraph it interrupts.
    private static func moveInterruptions(_ lines: inout [PhysicalLine], profile: ColumnProfile) -> Bool {
        let T = profile.width
        func isText(_ k: Int) -> Bool { LineRole.of(lines[k].scalars) == .text }
        var moved = false
        var i = 1
        while i < lines.count {
            let a = i - 1
            let wa = lines[a].scalars.halfWidth
            guard lines[i].bold, !lines[a].bold, !lines[a].scalars.endsSentence, wa >= T - 5, wa <= T + 2, isText(a) else {
                i += 1
                continue
            }
            var runEnd = i
            while runEnd < lines.count, lines[runEnd].bold, runEnd - i < 4 { runEnd += 1 }
            guard runEnd < lines.count, !lines[runEnd].bold, !lines[runEnd].startsBlock, isText(runEnd) else {
                i = runEnd + 1
                continue
            }
            // The interrupted paragraph ends at the first short line ending a sentence, or before a structure line.
            var end = runEnd
            while end + 1 < lines.count {
                if lines[end].scalars.endsSentence && lines[end].scalars.halfWidth < T - 1 { break }
                if lines[end + 1].bold || lines[end + 1].startsBlock || !isText(end + 1) { break }
                end += 1
            }
            let run = Array(lines[i..<runEnd])
            lines.removeSubrange(i..<runEnd)
            let insertAt = end - run.count + 1
            lines.insert(contentsOf: run, at: insertAt)
            moved = true
            i = insertAt + run.count
        }
        return moved
    }
}
