import Characters

/// Rejoins lines broken at the column width into paragraphs, keeping structure lines on their own.
///
/// Paragraph ends are decided from sentence-final punctuation, the line's width against the column's,
/// blank lines (a blank after a full line that stops mid-sentence is a column end, not a paragraph end),
/// open brackets and quotes, and structure lines: bylines, `（作者系…）` footers, headings, metadata,
/// `时间：` field lines and document titles. Titles broken over two lines are joined into one.
struct WrapJoiner {
    var lines: [PhysicalLine]
    /// Widths in half-ems under the profile's convention, first-line indent included.
    var widths: [Int]
    var roles: [LineRole]
    var profile: ColumnProfile
    /// `forced[i]`: line i continues line i-1 whatever the other rules say (a broken title).
    var forced: [Bool]

    /// How far (half-ems) a line may fall short of the column and still be full: justified lines vary with
    /// squeezed punctuation, digits, Latin words that did not fit, lost glyphs and 2-em indents.
    private let fullSlack = 7
    /// Across a blank line the evidence must be stronger: the line must really reach the column's end.
    private let columnEndSlack = 4
    private let finalSlack = 0

    init(_ lines: [PhysicalLine]) {
        var lines = lines
        var profile = ColumnProfile.measure(lines)
        if profile.hardWrapped, WrapJoiner.moveInterruptions(&lines, profile: profile) {
            profile = ColumnProfile.measure(lines)
        }
        self.lines = lines
        self.profile = profile
        // A first-line indent or a lost glyph took room on the printed line.
        self.widths = lines.map { $0.scalars.halfWidth(squeezed: profile.squeezed) + min($0.indent, 4) }
        self.roles = WrapJoiner.roles(of: lines)
        self.forced = [Bool](repeating: false, count: lines.count)
        if profile.hardWrapped { markBrokenTitles() }
    }

    private static let about = Array("关于".unicodeScalars)

    /// Each line's role; a document title is only believed near the top, in bold, or as `关于…`.
    static func roles(of lines: [PhysicalLine]) -> [LineRole] {
        var roles = lines.map { LineRole.of($0.scalars) }
        var textLinesSeen = 0
        for i in lines.indices where roles[i] == .text {
            let line = lines[i].scalars
            if LineRole.looksLikeDocumentTitle(line), textLinesSeen < 3 || lines[i].bold || line.hasPrefix(Self.about) {
                roles[i] = .documentTitle
            }
            textLinesSeen += 1
        }
        return roles
    }

    /// What the paragraph being built says about whether it is finished.
    struct Paragraph {
        var parts = 0
        /// Quotes and brackets opened and not yet closed: the sentence goes on.
        var open = 0
        /// Contains `，。；！？`: it is prose, not a title.
        var punctuated = false
        /// Two short bold lines were joined: a title, which never takes a third line.
        var boldPair = false
        var footerOpen = false

        mutating func add(_ line: [Unicode.Scalar]) {
            parts += 1
            for s in line {
                switch s {
                case "“", "（", "(", "《", "「", "『", "【", "〔": open += 1
                case "”", "）", ")", "》", "」", "』", "】", "〕": open = max(0, open - 1)
                case "，", "。", "；", "！", "？": punctuated = true
                default: break
                }
            }
        }
    }

    /// The paragraphs and structure lines, how many line breaks were removed, and how many of those
    /// were inside a block (not across a blank line).
    func join() -> (lines: [[Unicode.Scalar]], joined: Int, inBlocks: Int) {
        var out: [[Unicode.Scalar]] = []
        out.reserveCapacity(lines.count)
        var joined = 0, inBlocks = 0
        var current: [Unicode.Scalar] = []
        var paragraph = Paragraph()
        var last = -1
        for i in lines.indices {
            if last >= 0, shouldJoin(last, i, paragraph) {
                Self.append(&current, lines[i].scalars)
                joined += 1
                if !lines[i].startsBlock { inBlocks += 1 }
                paragraph.boldPair = lines[last].bold && lines[i].bold && widths[last] <= profile.width + 4
            } else {
                if last >= 0 { out.append(current) }
                current = lines[i].scalars
                paragraph = Paragraph()
                if case .footer = roles[i] { paragraph.footerOpen = true }
            }
            paragraph.add(lines[i].scalars)
            if paragraph.footerOpen, current.last == "）" || current.last == ")" { paragraph.footerOpen = false }
            last = i
        }
        if last >= 0 { out.append(current) }
        return (out, joined, inBlocks)
    }

    // MARK: - Decisions

    private func shouldJoin(_ a: Int, _ b: Int, _ paragraph: Paragraph) -> Bool {
        let rb = roles[b]
        if paragraph.footerOpen {
            // `（作者系市委党校科学社会主义` / `教研部主任、教授）`
            return paragraph.parts < 4 && (rb == .text || rb == .heading)
        }
        guard profile.hardWrapped else { return false }
        if forced[b] { return true }
        let A = lines[a].scalars
        let B = lines[b].scalars
        guard let aLast = A.last, let bFirst = B.first else { return false }
        let sameBlock = !lines[b].startsBlock
        let T = profile.width
        let wa = widths[a]
        let aFinal = A.endsSentence

        switch rb {
        case .byline, .footer, .metadata, .heading, .fieldLine: return false
        case .documentTitle:
            // The second half of a broken title (`设局关于做好2024` / `年城镇…的通知`).
            return sameBlock && !paragraph.punctuated && roles[a] == .text && (profile.blockPerParagraph || lines[a].bold)
        case .text: break
        }
        switch roles[a] {
        case .byline, .metadata, .documentTitle, .footer: return false
        case .heading, .fieldLine:
            // A long heading or field may wrap inside its block, never across a blank line.
            guard sameBlock else { return false }
            // A run-in heading (`一、电梯运行存在严重安全隐患。`) leads into its paragraph.
            if roles[a] == .heading, aFinal { return wa >= T - fullSlack }
            // `时间：2023年4月18日` / `19:00—21:30`: only a line that reaches the column's end goes on.
            if roles[a] == .fieldLine, !aFinal, wa < T - fullSlack, LineRole.isShortField(A) {
                return firstWordDidNotFit(wa, B) || (CharacterClass.isASCIIDigit(aLast) && CharacterClass.isASCIIDigit(bFirst))
            }
        case .text: break
        }
        if aLast.value < 0x80, bFirst.value < 0x80, isLatinContext(A, B) { return latinJoin(A, B) }

        if lines[a].bold || lines[b].bold {
            return boldJoin(a, b, aFinal: aFinal, boldPair: paragraph.boldPair)
        }
        if !sameBlock {
            // A blank line after a full line that stops mid-sentence, or inside quotes, is a column end.
            if aFinal || aLast == "：" { return false }
            if paragraph.open > 0 && paragraph.parts <= 3 { return true }
            return wa >= T - (profile.blockPerParagraph ? columnEndSlack : fullSlack) && wa <= T + 2
        }
        if profile.blockPerParagraph { return true }
        // A number split at the line end (`202` / `4年`, `4` / `.6公里`), or a mark that cannot end a paragraph.
        if CharacterClass.isASCIIDigit(aLast), CharacterClass.isASCIIDigit(bFirst) || bFirst == "." || bFirst == "%" { return true }
        if aLast == "，" || aLast == "、" || aLast == "—" || aLast == "“" || aLast == "（" || aLast == "《" { return true }
        if wa > T + 2 { return false }  // wider than the column: a headline or title, not body text
        if !aFinal { return wa >= T - fullSlack || firstWordDidNotFit(wa, B) }
        // A full line that happens to end a sentence is still mid-paragraph more often than not.
        return wa >= T + finalSlack
    }

    /// The next line starts with a number or Latin word too wide for the room left on this line.
    private func firstWordDidNotFit(_ wa: Int, _ B: [Unicode.Scalar]) -> Bool {
        var w = 0
        for s in B {
            guard s.value < 0x80 || s == "×" || s == "—" || s == "％" else { break }
            if s == " " { break }
            w += ScalarClass.halfWidth(s, squeezed: profile.squeezed)
        }
        return w >= 2 && wa + w > profile.width - 2
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
        if let x = A.last, CharacterClass.isASCIIDigit(x), let y = B.first, CharacterClass.isASCIIDigit(y) { return true }
        if let x = A.last, x == "，" || x == "：" || x == "、" || x == "—" || x == "；" { return true }
        return abs(wa - wb) <= 3
    }

    /// Both sides of the break are Latin text (a menu, a CSV), not a number inside Chinese text.
    private func isLatinContext(_ A: [Unicode.Scalar], _ B: [Unicode.Scalar]) -> Bool {
        !A.suffix(6).contains(where: CharacterClass.isHan) && !B.prefix(6).contains(where: CharacterClass.isHan)
    }

    /// English prose wraps at spaces, CSV-like data anywhere; join only where the break is plainly mid-text.
    private func latinJoin(_ A: [Unicode.Scalar], _ B: [Unicode.Scalar]) -> Bool {
        guard let x = A.last, let y = B.first else { return false }
        let lower = y.value >= 0x61 && y.value <= 0x7A
        if CharacterClass.isASCIILetter(x) || x == "&" { return lower }
        if x == "," || x == "-" || x == "—" { return lower || CharacterClass.isASCIIDigit(y) }
        return false
    }

    /// Joins `next` to `current`, with a space between two words of Latin text.
    private static func append(_ current: inout [Unicode.Scalar], _ next: [Unicode.Scalar]) {
        if let x = current.last, let y = next.first, CharacterClass.isASCIIAlnum(y) || y == "(",
            CharacterClass.isASCIILetter(x) || x == "," || x == "—" || x == ";" || x == ")",
            current.contains(" " as Unicode.Scalar), !current.suffix(24).contains(where: CharacterClass.isHan) {
            current.append(" ")
        }
        current.append(contentsOf: next)
    }

    // MARK: - Pre-passes

    /// A title broken over two short lines right before a byline (`既有住宅绿色` / `化改造大有可为` / `□段晓明`),
    /// or a document title whose first half stands alone at the top (`江汉区水务和湖泊局2023` / `年老旧…工作总结`).
    private mutating func markBrokenTitles() {
        let T = profile.width
        for j in lines.indices where roles[j] == .documentTitle && j >= 1 {
            let a = j - 1
            let line = lines[a].scalars
            guard roles[a] == .text, !line.contains(where: { $0 == "，" || $0 == "。" || $0 == "；" }), widths[a] <= T + 8,
                !lines[j].startsBlock || lines[a].bold else { continue }
            if a == 0 || lines[a].startsBlock || roles[a - 1] == .metadata || lines[a - 1].scalars.endsSentence
                || (lines[a].bold && !lines[a - 1].bold) {
                forced[j] = true
            }
        }
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
        func width(_ k: Int) -> Int { lines[k].scalars.halfWidth(squeezed: profile.squeezed) }
        var moved = false
        var i = 1
        while i < lines.count {
            let a = i - 1
            let wa = width(a)
            guard lines[i].bold, !lines[a].bold, !lines[a].scalars.endsSentence, wa >= T - 8, wa <= T + 2, isText(a) else {
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
                if lines[end].scalars.endsSentence && width(end) < T - 1 { break }
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
