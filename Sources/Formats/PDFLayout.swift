/// Rebuilds reading order and paragraphs from word boxes: undoes fake bold (text drawn twice at a
/// small offset), splits rows at column gutters, orders blocks by recursive X-Y cuts, and joins
/// lines into paragraphs by real line widths, first-line indents and font sizes.
struct PDFLayout {
    /// One printed line of one column, fake bold undone.
    struct Line {
        var page: Int
        var x0: Double
        var x1: Double
        var top: Double
        var bottom: Double
        var size: Double
        var text: [Unicode.Scalar]
        /// The left and right edges of the column the line sits in (set while ordering).
        var columnLeft = 0.0
        var columnRight = 0.0
        /// How many lines of this size the column has: edges of a two-line block say little.
        var columnLines = 0
    }

    /// The report's paragraphs and structure lines, in reading order.
    func lines(pages: [PDFPage]) -> [DocumentLine] {
        var ordered: [Line] = []
        for page in pages {
            let lines = dropPageNumbers(rowLines(page.words), pageHeight: page.height)
            guard !lines.isEmpty else { continue }
            let size = Self.bodySize(lines)
            let rowGap = Self.typicalRowGap(lines)
            var out: [Line] = []
            cut(lines, bounds: nil, bodySize: size, bigGap: max(1.0 * size, 1.8 * rowGap + 1), into: &out)
            ordered += rejoinRows(out)
        }
        return paragraphs(ordered)
    }

    // MARK: rows

    /// Words grouped into printed lines: same baseline and size, split at column gutters, with
    /// the second drawing of fake-bold runs merged away.
    func rowLines(_ words: [PDFWord]) -> [Line] {
        let sorted = words.sorted { ($0.bottom, $0.size, $0.x0) < ($1.bottom, $1.size, $1.x0) }
        var rows: [[PDFWord]] = []
        for w in sorted {
            if let j = rows.indices.reversed().prefix(6).first(where: {
                abs(rows[$0][0].bottom - w.bottom) <= 0.5 && abs(rows[$0][0].size - w.size) <= 0.5
            }) {
                rows[j].append(w)
            } else {
                rows.append([w])
            }
        }
        var lines: [Line] = []
        for row in rows {
            let words = row.sorted { $0.x0 < $1.x0 }
            var current: Line?
            var doubled = false
            var gaps: [Gap] = []
            for w in words {
                let h = w.size
                let scalars = Array(w.text.unicodeScalars)
                guard var line = current else {
                    current = Line(page: w.page, x0: w.x0, x1: w.x1, top: w.top, bottom: w.bottom, size: h, text: scalars)
                    continue
                }
                let gap = w.x0 - line.x1
                // Narrow gutters (1-1.5 em) must still split; a wide space inside one column
                // is put back together once the columns are known (see `rejoinRows`).
                if gap > 0.8 * h {
                    lines.append(finish(line, doubled: doubled, gaps: gaps))
                    doubled = false
                    gaps = []
                    current = Line(page: w.page, x0: w.x0, x1: w.x1, top: w.top, bottom: w.bottom, size: h, text: scalars)
                    continue
                }
                if gap < 0, let k = Self.repeatedPrefix(of: scalars, after: line.text, overlap: -gap, size: h) {
                    // The second drawing of a run, with whatever poppler glued to it.
                    line.text += scalars[k...]
                    doubled = true
                } else {
                    // Perhaps a real space, unless it is only the blank side of a narrow punctuation glyph.
                    if gap >= 0.25 * h, let last = line.text.last, let first = scalars.first,
                       Self.estimatedWidth(last) == 1.0 || last.isASCII, Self.estimatedWidth(first) == 1.0 || first.isASCII {
                        gaps.append(Gap(at: line.text.count, width: gap, latin: Self.isAsciiWord(last) && Self.isAsciiWord(first)))
                    }
                    line.text += scalars
                }
                line.x1 = max(line.x1, w.x1)
                line.top = min(line.top, w.top)
                current = line
            }
            if let line = current { lines.append(finish(line, doubled: doubled, gaps: gaps)) }
        }
        return lines
    }

    /// White space between two words of a line, where a space may belong.
    struct Gap {
        var at: Int
        var width: Double
        /// Between two Latin words or numbers, where a space always belongs.
        var latin: Bool
    }

    /// Puts spaces where the gaps are real spaces, and undoes doubled marks in fake bold: a
    /// narrow mark and its copy can land in one word (`““`); Chinese never doubles these marks.
    /// A Chinese line letter-spaced to fill its measure has many equal gaps; those are not spaces.
    func finish(_ line: Line, doubled: Bool, gaps: [Gap]) -> Line {
        var l = line
        let cjk = gaps.filter { !$0.latin }.map(\.width).sorted()
        let spacing = cjk.count >= 3 ? cjk[cjk.count / 2] * 1.8 : 0
        for gap in gaps.reversed() where gap.latin || gap.width > spacing {
            l.text.insert(" ", at: gap.at)
        }
        guard doubled else { return l }
        var out: [Unicode.Scalar] = []
        for s in l.text where !(out.last == s && Self.doubledMarks.contains(s)) { out.append(s) }
        l.text = out
        return l
    }

    static let doubledMarks: Set<Unicode.Scalar> = ["“", "”", "‘", "’", "《", "》", "（", "）", "〔", "〕", "【", "】", "「", "」",
                                                    "『", "』", "，", "。", "、", "；", "：", "？", "！"]

    /// How many leading characters of `word` repeat the end of `text` at the same place: the
    /// longest k whose characters the boxes' overlap can hold. Nil when the overlap is only a
    /// squeezed punctuation box and the text does not repeat.
    static func repeatedPrefix(of word: [Unicode.Scalar], after text: [Unicode.Scalar], overlap: Double, size: Double) -> Int? {
        var k = min(word.count, text.count)
        while k > 0 {
            if text[(text.count - k)...].elementsEqual(word[..<k]) {
                var width = 0.0
                for s in word[..<k] { width += estimatedWidth(s) }
                if overlap >= 0.6 * width * size { return k }
            }
            k -= 1
        }
        return nil
    }

    /// A character's width in em, as set in Chinese text (punctuation may be squeezed to half).
    static func estimatedWidth(_ s: Unicode.Scalar) -> Double {
        let v = s.value
        if v < 0x80 { return 0.5 }
        if (0x3000...0x303F).contains(v) || (0xFF00...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v) || (0x2010...0x206F).contains(v) { return 0.5 }
        return 1.0
    }

    /// Lines that are only a page number, at the top or bottom of the page.
    func dropPageNumbers(_ lines: [Line], pageHeight: Double) -> [Line] {
        guard lines.count > 2, let top = lines.map(\.top).min(), let bottom = lines.map(\.bottom).max() else { return lines }
        return lines.filter { line in
            guard line.top <= top + 0.5 || line.bottom >= bottom - 0.5 else { return true }
            let core = line.text.filter { !($0.properties.isWhitespace || "-–—第页/PpagePAGE".unicodeScalars.contains($0)) }
            return core.isEmpty || !core.allSatisfy { $0.properties.numericType != nil }
        }
    }

    /// Pieces of one printed row that the ordering kept next to each other were split at a wide
    /// space, not at a gutter (the other column's piece of a row comes much later): join them.
    func rejoinRows(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        for line in lines {
            if var last = out.last, abs(last.bottom - line.bottom) <= 0.5, abs(last.size - line.size) <= 0.5,
               line.x0 > last.x1, line.x0 - last.x1 < 1.5 * line.size {
                last.text.append(" ")
                last.text += line.text
                last.x1 = line.x1
                last.columnLeft = min(last.columnLeft, line.columnLeft)
                last.columnRight = max(last.columnRight, line.columnRight)
                out[out.count - 1] = last
            } else {
                out.append(line)
            }
        }
        return out
    }

    // MARK: order

    /// The body font size: the size most characters are set in.
    static func bodySize(_ lines: [Line]) -> Double {
        var weight: [Int: Int] = [:]
        for l in lines { weight[Int((l.size * 2).rounded()), default: 0] += l.text.count }
        return Double(weight.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 20) / 2
    }

    /// The usual white space between a line and the next one below it in the same column.
    static func typicalRowGap(_ lines: [Line]) -> Double {
        var gaps: [Double] = []
        for a in lines {
            var best: Double?
            for b in lines where b.top >= a.bottom - 0.1 && b.x0 < a.x1 && b.x1 > a.x0 {
                let g = b.top - a.bottom
                if best.map({ g < $0 }) ?? true { best = g }
            }
            if let g = best { gaps.append(g) }
        }
        guard !gaps.isEmpty else { return 0 }
        return gaps.sorted()[gaps.count / 2]
    }

    /// Recursive X-Y cut: column gutters that run through the whole region first, then wide
    /// horizontal gaps (headline, lead, column area), then any horizontal gap; lines keep the
    /// edges of the column they were cut into.
    func cut(_ lines: [Line], bounds: (Double, Double, Int)?, bodySize: Double, bigGap: Double, into out: inout [Line]) {
        let b = bounds ?? Self.edges(lines)
        if lines.count > 1 {
            // A gutter that runs through the whole region wins: a column may end early, leaving a
            // wide horizontal gap on one side only.
            let columns = Self.verticalParts(lines, minGap: 0.8 * bodySize)
            if columns.count > 1 {
                for column in columns {
                    cut(column, bounds: Self.edges(column), bodySize: bodySize, bigGap: bigGap, into: &out)
                }
                return
            }
            let bands = Self.horizontalBands(lines, minGap: bigGap)
            if bands.count > 1 {
                for band in bands { cut(band, bounds: b, bodySize: bodySize, bigGap: bigGap, into: &out) }
                return
            }
            let rows = Self.horizontalBands(lines, minGap: 0.01)
            if rows.count > 1 {
                for row in rows { cut(row, bounds: b, bodySize: bodySize, bigGap: bigGap, into: &out) }
                return
            }
        }
        for var line in lines.sorted(by: { ($0.top, $0.x0) < ($1.top, $1.x0) }) {
            line.columnLeft = b.0
            line.columnRight = b.1
            line.columnLines = b.2
            out.append(line)
        }
    }

    /// A column's left edge, right edge and line count. The right edge is where most lines end
    /// (justified text), not the furthest end: a comma's box can hang past the measure.
    static func edges(_ lines: [Line]) -> (Double, Double, Int) {
        let left = lines.map(\.x0).min() ?? 0
        let furthest = lines.map(\.x1).max() ?? 0
        var ends: [Int: Int] = [:]
        for l in lines where l.x1 >= furthest - 2 * l.size { ends[Int((l.x1 * 2).rounded()), default: 0] += 1 }
        guard let mode = ends.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.value >= 2 else { return (left, furthest, lines.count) }
        return (left, Double(mode.key) / 2, lines.count)
    }

    /// Lines split where no line crosses a horizontal strip at least `minGap` high, top to bottom.
    static func horizontalBands(_ lines: [Line], minGap: Double) -> [[Line]] {
        let sorted = lines.sorted { $0.top < $1.top }
        var bands: [[Line]] = []
        var reach = -Double.infinity
        for l in sorted {
            if bands.isEmpty || l.top - reach >= minGap { bands.append([l]) } else { bands[bands.count - 1].append(l) }
            reach = max(reach, l.bottom)
        }
        return bands
    }

    /// Lines split at gutters at least `minGap` wide, left to right; only when the parts stand
    /// side by side (a right-aligned line below a left-aligned one is not a column).
    static func verticalParts(_ lines: [Line], minGap: Double) -> [[Line]] {
        let sorted = lines.sorted { $0.x0 < $1.x0 }
        var parts: [[Line]] = []
        var reach = -Double.infinity
        for l in sorted {
            if parts.isEmpty || l.x0 - reach >= minGap { parts.append([l]) } else { parts[parts.count - 1].append(l) }
            reach = max(reach, l.x1)
        }
        guard parts.count > 1 else { return parts }
        for i in 1..<parts.count {
            let a = parts[i - 1], b = parts[i]
            let aTop = a.map(\.top).min()!, aBottom = a.map(\.bottom).max()!
            let bTop = b.map(\.top).min()!, bBottom = b.map(\.bottom).max()!
            if min(aBottom, bBottom) <= max(aTop, bTop) { return [lines] }
        }
        return parts
    }

    // MARK: paragraphs

    /// Joins printed lines into paragraphs: a line runs on when the one before it fills its column
    /// and it is not indented, in the same type size; a title broken over lines is joined too.
    func paragraphs(_ lines: [Line]) -> [DocumentLine] {
        guard !lines.isEmpty else { return [] }
        let body = Self.bodySize(lines)
        var out: [DocumentLine] = []
        var text: [Unicode.Scalar] = []
        var previous: Line?
        func role(_ l: Line) -> DocumentLine.Role {
            if l.size >= 1.8 * body { return .heading(1) }
            if l.size >= 1.15 * body { return .heading(2) }
            let mid = (l.columnLeft + l.columnRight) / 2
            if l.x0 > l.columnLeft + 1.5 * l.size, abs((l.x0 + l.x1) / 2 - mid) < 0.5 * l.size { return .centered }
            return .paragraph
        }
        var currentRole = DocumentLine.Role.paragraph
        for line in lines {
            if let a = previous, continues(a, with: line, bodySize: body) {
                if let last = text.last, let first = line.text.first, Self.isAsciiWord(last), Self.isAsciiWord(first) { text.append(" ") }
                text += line.text
            } else {
                if !text.isEmpty { out.append(DocumentLine(String(String.UnicodeScalarView(text)).trimmingLayoutSpaces(), role: currentRole)) }
                text = line.text
                currentRole = role(line)
            }
            previous = line
        }
        if !text.isEmpty { out.append(DocumentLine(String(String.UnicodeScalarView(text)).trimmingLayoutSpaces(), role: currentRole)) }
        return out.filter { !$0.text.isEmpty }
    }

    func continues(_ a: Line, with b: Line, bodySize: Double) -> Bool {
        guard abs(a.size - b.size) <= 0.5 else { return false }
        if a.size >= 1.15 * bodySize {
            // A headline or title set over two lines: directly below, in the same column.
            return a.page == b.page && b.top >= a.top && b.top - a.bottom < 0.8 * a.size && a.columnLeft == b.columnLeft
        }
        // A column of one line says nothing about its width.
        guard a.columnLines >= 2, b.columnLines >= 2 else { return false }
        let full = a.x1 >= a.columnRight - 0.8 * a.size
        let indented = b.x0 >= b.columnLeft + 0.8 * b.size
        return full && !indented
    }

    static func isAsciiWord(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
    }
}
