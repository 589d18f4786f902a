/// How a text was laid out: whether it is hard-wrapped, at what width, and whether blank lines separate paragraphs.
struct ColumnProfile: Equatable {
    /// The column width in half-ems: the top of the densest 1.5-em band of line widths.
    var width: Int
    /// Lines are broken at `width`, so lines must be rejoined.
    var hardWrapped: Bool
    /// Blank lines separate paragraphs (a gb18030 re-wrap, the seed page), so a block is one paragraph
    /// unless a structure line starts inside it.
    var blockPerParagraph: Bool
    /// Widths count Chinese punctuation as half width (PDF typesetting squeezes it) rather than full
    /// (a plain-text re-wrap counts characters): whichever makes the full lines agree better.
    var squeezed: Bool = true

    static let unwrapped = ColumnProfile(width: 0, hardWrapped: false, blockPerParagraph: false)

    /// Measures the lines' widths under both conventions and keeps the one whose full lines agree better.
    static func measure(_ lines: [PhysicalLine]) -> ColumnProfile {
        var squeezedWidths = [Int](repeating: 0, count: lines.count)
        var fullWidths = [Int](repeating: 0, count: lines.count)
        for (i, line) in lines.enumerated() {
            var narrow = 0
            var wide = 0
            for s in line.scalars {
                narrow &+= ScalarClass.halfWidth(s, squeezed: true)
                wide &+= ScalarClass.halfWidth(s, squeezed: false)
            }
            squeezedWidths[i] = narrow
            fullWidths[i] = wide
        }
        let squeezed = measure(lines, widths: squeezedWidths)
        let full = measure(lines, widths: fullWidths)
        if full.bandCount > squeezed.bandCount, full.profile.hardWrapped {
            var p = full.profile
            p.squeezed = false
            return p
        }
        return squeezed.profile
    }

    /// Measures the lines' widths; bold lines (headline, lead, titles) are set at other widths and do not count.
    private static func measure(_ lines: [PhysicalLine], widths: [Int]) -> (profile: ColumnProfile, bandCount: Int) {
        var histogram = [Int](repeating: 0, count: 122)
        var candidates = 0
        for (line, w) in zip(lines, widths) where !line.bold && w >= 8 {
            candidates += 1
            if w <= 120 { histogram[w] += 1 }
        }
        guard candidates >= 4 else { return (.unwrapped, 0) }
        // The densest band [v-3, v]; ties go to the wider band (justified lines fill the column).
        var best = 0
        var bestCount = 0
        var band = 0
        for v in 0...120 {
            band += histogram[v]
            if v >= 4 { band -= histogram[v - 4] }
            if band >= bestCount, band > 0 {
                best = v
                bestCount = band
            }
        }
        var longer = 0
        for (line, w) in zip(lines, widths) where !line.bold && w > best + 8 { longer += 1 }
        let wrapped = best <= 100 && bestCount >= 4 && bestCount * 10 >= candidates * 3 && longer * 4 < candidates
        guard wrapped else { return (.unwrapped, bestCount) }
        return (ColumnProfile(width: best, hardWrapped: true,
                              blockPerParagraph: blocksArePargraphs(lines, widths: widths, width: best)), bestCount)
    }

    /// Whether blank lines mark paragraphs: blocks of several lines hardly ever hold a paragraph end inside.
    private static func blocksArePargraphs(_ lines: [PhysicalLine], widths: [Int], width: Int) -> Bool {
        var blocks = 0
        var multiLine = 0
        var withInnerEnd = 0
        var i = 0
        while i < lines.count {
            var j = i + 1
            while j < lines.count, !lines[j].startsBlock { j += 1 }
            blocks += 1
            if j - i >= 2 {
                multiLine += 1
                var innerEnd = false
                for k in i..<(j - 1) where !lines[k].bold && lines[k].scalars.endsSentence && widths[k] < width - 4 {
                    innerEnd = true
                }
                if innerEnd { withInnerEnd += 1 }
            }
            i = j
        }
        return multiLine >= 2 && withInnerEnd * 7 <= multiLine && blocks * 8 >= lines.count
    }
}
