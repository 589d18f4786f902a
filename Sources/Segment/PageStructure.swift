import Characters

/// Where each line of a page belongs: headline, metadata, and per article its title, byline,
/// body, footer and sign-off. Indices refer to the page's lines.
struct PageStructure {
    /// One article's lines by role.
    struct Part {
        var title: [Int] = []
        var byline: Int?
        var authorLine: Int?
        var institutionLine: Int?
        var body: [Int] = []
        var footer: Int?
        var signoff: [Int] = []
        /// An editor's lead (编者按, a 本报讯 introduction): no title, author or affiliation.
        var isLead = false
    }

    var meta: [Int] = []
    var headline: [Int] = []
    var parts: [Part] = []
    var warnings: [String] = []
}

/// Decides the structure of a page from its lines.
struct StructureParser {
    let lines: [Line]
    /// The line the format marked as the title, if any.
    var titleAt: Int? = nil
    /// Whether a title may be taken from the last lines (PDF content-stream order).
    var tailTitles = true
    /// Lines a metadata line followed before the metadata left the page.
    var beforeMeta: Set<Int> = []

    func parse() -> PageStructure {
        var page = PageStructure()
        var start = 0
        while start < lines.count, start < 4, LineRoles.isMeta(lines[start]) {
            page.meta.append(start)
            start += 1
        }
        let range = start..<lines.count
        let bylines = range.filter { lines[$0].isByline }.count
        let footers = range.filter { lines[$0].isFooter }.count
        if bylines >= 2 || footers >= 2 {
            parseMulti(range, into: &page)
        } else if let t = titleAt, t >= start {
            // Lines above a marked title are the page's header: kept as metadata, never body.
            page.meta += Array(start..<t)
            parseSingle((t + 1)..<lines.count, into: &page, title: [t])
        } else {
            parseSingle(range, into: &page)
        }
        return page
    }

    // MARK: - Single article

    /// Title, byline or author lines, body, footer, sign-off; the title may instead come last (PDF order).
    private func parseSingle(_ range: Range<Int>, into page: inout PageStructure, title: [Int] = []) {
        var part = PageStructure.Part()
        part.title = title
        var lo = range.lowerBound
        var hi = range.upperBound
        guard lo < hi else { page.parts = [part]; return }

        // `焦點政治` ⏎ `都更法規…講堂登場`: a column's name of two to four characters above a web page's title.
        // `本地` ⏎ `2023-05-21 23:14:32` ⏎ the title: a column name the page's date line followed.
        if title.isEmpty, !tailTitles, lo + 1 < hi, isColumnLabel(lines[lo]), lines[lo + 1].isTitleCandidate, lines[lo + 1].count >= 12,
           lo + 2 >= hi || !lines[lo + 2].isTitleCandidate || beforeMeta.contains(lo) {
            page.meta.append(lo)
            lo += 1
        }
        // Head title: up to two title-like lines before the byline or body; none where the page opens
        // with a run of short lines (a post written as verse, one phrase a line).
        // (A line the page's publish line followed is its title, whatever the lines under it.)
        if title.isEmpty, beforeMeta.contains(lo) || !(!tailTitles && opensWithVerse(lo, hi)) {
            if lo < hi, lo == range.lowerBound, lo == 0 || page.meta.last == lo - 1, isColonTitle(lines[lo]) || isExclaimedTitle(lo) {
                part.title.append(lo)
                lo += 1
            }
            // A title broken over two lines happens on a printed page; web text has one title line, but for
            // an e-paper's headline set in two short lines right above its `桂林晚报 2023年11月27日` line.
            // A title ends where the page's publish line followed it.
            while lo < hi, part.title.count < (tailTitles ? 2 : 1) || (part.title.count < 3 && endsUnfinished(part.title.last))
                || printedHeadline(part.title, next: lo, end: hi), isHeadTitle(lo), !(part.title.last.map(beforeMeta.contains) ?? false) {
                part.title.append(lo)
                lo += 1
            }
        }
        // Byline, author names and institution, in any order, right after the title.
        var scanned = 0
        while lo < hi, scanned < 3 {
            let line = lines[lo]
            if part.byline == nil, line.isByline {
                part.byline = lo
            } else if part.authorLine == nil, part.byline == nil, Bylines.names(inAuthorLine: line) != nil,
                      lo + 1 < hi, Bylines.isInstitutionLine(lines[lo + 1]) || Bylines.names(inAuthorLine: line)!.count >= 2 {
                part.authorLine = lo
            } else if part.institutionLine == nil, part.authorLine != nil, Bylines.isInstitutionLine(line) {
                part.institutionLine = lo
            } else {
                break
            }
            lo += 1
            scanned += 1
        }

        // Tail title (PDF order): the banner drawn after everything else.
        if part.title.isEmpty, tailTitles {
            var tail: [Int] = []
            var k = hi - 1
            while k >= lo, tail.count < 2, isTailTitle(k) {
                tail.insert(k, at: 0)
                k -= 1
            }
            if !tail.isEmpty, tail.count < hi - lo {
                part.title = tail
                hi = tail[0]
            }
        }

        // Footer, then the sign-off block at the end.
        if let f = (lo..<hi).last(where: { lines[$0].isFooter }) {
            part.footer = f
            part.signoff = Array((f + 1)..<hi)
            hi = f
        } else {
            let block = signoffStart(lo, hi)
            part.signoff = Array(block..<hi)
            hi = block
        }
        part.body = Array(lo..<hi)
        // `□文/摄 某某日报全媒体记者 张三 李四` below the photo captions and figure lines a news page
        // sets between its title and its text.
        if part.byline == nil, part.authorLine == nil,
           let k = part.body.prefix(16).first(where: { lines[$0].isByline }), k > lo,
           (lo..<k).allSatisfy({ lines[$0].count <= 60 }), Bylines.authors(fromByline: lines[k]) != nil {
            part.byline = k
            part.body.removeAll { $0 == k }
        }
        // `构筑宜居宜业幸福城` ⏎ a caption ⏎ `董璐` ⏎ the lead: a writer named alone under the title's
        // pictures' captions, right above the text (a word alone right under a title may be its column: `商業`).
        if part.byline == nil, part.authorLine == nil, !part.title.isEmpty,
           let j = part.body.prefix(3).firstIndex(where: { isLoneName(lines[$0]) }), j >= 1, j + 1 < part.body.count,
           lines[part.body[j + 1]].count >= 30, part.body[..<j].allSatisfy({ lines[$0].count <= 60 && lines[$0].containsFullStop }) {
            part.authorLine = part.body.remove(at: j)
        }
        if part.title.isEmpty, tailTitles { recoverTitleAtPageBreak(&part, headline: &page.headline) }
        if part.title.isEmpty, !tailTitles, let k = forwardedDocumentTitle(part.body) {
            part.title = [k]
            part.body.removeAll { $0 == k }
        }
        page.parts = [part]
    }

    /// `各镇(街)，区各部门：` ⏎ `《某某工作方案》已经区政府同意，现印发给你们…` ⏎ the issuer ⏎ its date ⏎
    /// `某某工作方案`: a notice forwarding a document, printed without its own title (the page's `<title>`
    /// had it): the forwarded document's title under the notice's sign-off is the title.
    private func forwardedDocumentTitle(_ body: [Int]) -> Int? {
        guard body.count >= 4, let first = body.first, LineRoles.isAddressee(lines[first]) else { return nil }
        for n in 2..<min(body.count, 8) where DateScanner.isDateOnly(lines[body[n - 1]]) {
            let title = lines[body[n]]
            guard title.isTitleCandidate, title.count >= 6, title.count <= 40,
                  Self.documentKinds.contains(where: { Scalars.hasSuffix(title.scalars, $0, before: title.count) }) else { return nil }
            return body[n]
        }
        return nil
    }

    static let documentKinds: [[Unicode.Scalar]] = ["方案", "办法", "办法（试行）", "意见", "规定", "细则", "计划", "规划", "导则", "指引", "通知", "公告",
                                                  "辦法", "規定", "細則", "計劃", "規劃", "導則", "通告"].map(\.scalars)

    /// `董璐`: one personal name of two or three characters alone on a line, not a place's name.
    private func isLoneName(_ line: Line) -> Bool {
        guard line.count >= 2, line.count <= 3, let names = Bylines.names(inAuthorLine: line), names.count == 1 else { return false }
        return !Gazetteer.contains(TraditionalFold.fold(line.scalars))
    }

    private func isHeadTitle(_ i: Int) -> Bool {
        let line = lines[i]
        guard line.isTitleCandidate else { return false }
        // `郭鐘瀚 夏森煒 林萍 吳巧玲`: a line of three or more names is the authors, however long.
        if let names = Bylines.names(inAuthorLine: line), names.count >= 3 || line.count <= 12 { return false }
        return !Bylines.isInstitutionLine(line)
    }

    /// `今年老旧小区改造 惠及46万户人家!` right above the page's `2021年08月23日 来源:…` line: a headline
    /// may exclaim or ask, or be cut short by its site (`…带动了整个片区…`); where the metadata line follows
    /// it, it is no sentence of the body. A post's headline may run on (`旧貌换新颜!某区69个小区改造进行中，
    /// 涉及居民1.1万户!`): never with a full stop.
    static func isExclaimedTitle(_ line: Line) -> Bool {
        guard line.count >= 6, line.count <= 60, !line.containsFullStop, !line.isByline,
              let last = line.lastMeaningful, "!?！？…".unicodeScalars.contains(last) else { return false }
        return !line.scalars.contains { $0 == "；" || $0 == ";" || $0 == "：" }
    }

    private func isExclaimedTitle(_ i: Int) -> Bool { beforeMeta.contains(i) && Self.isExclaimedTitle(lines[i]) }

    /// Two to four Han characters alone: a column or section name.
    private func isColumnLabel(_ line: Line) -> Bool {
        line.count >= 2 && line.count <= 4 && line.scalars.allSatisfy(CharacterClass.isHan)
    }

    /// Four or more short title-like lines in a row from `lo`: verse, not a title.
    private func opensWithVerse(_ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo >= 4 else { return false }
        for k in lo..<(lo + 4) where !(lines[k].isTitleCandidate && lines[k].count <= 20) { return false }
        return true
    }

    /// Whether line `next` is the second half of a short headline whose first half is `title`: both
    /// short, and the page's metadata line right after it.
    private func printedHeadline(_ title: [Int], next: Int, end: Int) -> Bool {
        // (`看家乡事，品故乡情` above a headline is a site's slogan: a headline's halves are set apart by space.)
        guard title.count == 1, let first = title.first, lines[first].count <= 16, lines[next].count <= 16, next + 1 < end,
              !lines[first].scalars.contains(where: { $0 == "，" || $0 == "," }) else { return false }
        return beforeMeta.contains(next) || LineRoles.isMeta(lines[next + 1])
    }

    /// `…办公厅关于印发`: a title line that cannot end there, so the title goes on to the next line.
    private func endsUnfinished(_ i: Int?) -> Bool {
        guard let i else { return false }
        let s = lines[i].scalars
        return StructureParser.unfinishedEnds.contains { Scalars.hasSuffix(s, $0, before: s.count) }
    }

    static let unfinishedEnds: [[Unicode.Scalar]] = ["印发", "印發", "关于", "關于", "關於", "转发", "轉發", "的"].map(\.scalars)

    /// `昌国开源：老旧小区改造有序推进` at the very top: a title with a colon, not a `时间：` label.
    private func isColonTitle(_ line: Line) -> Bool {
        guard let label = line.labelLength, line.count <= 60, line.count - label >= 7, !line.containsFullStop, !line.endsSentence,
              !line.isByline, !line.isFooter else { return false }
        let head = Array(line.scalars[..<label])
        guard head.allSatisfy(CharacterClass.isHan) || head.allSatisfy({ CharacterClass.isHan($0) || CharacterClass.isASCIILetter($0) }) else { return false }
        let word = Scalars.string(head)
        return !StructureParser.fieldLabels.contains { word.hasSuffix($0) }
    }

    /// Labels that open a field, never a title: `时间：`, `摘要：`, `主持人：`.
    static let fieldLabels = ["时间", "日期", "地点", "摘要", "关键词", "主持", "主持人", "参会", "参会人员", "出席", "列席", "记录", "议题",
                              "附件", "联系人", "电话", "抄送", "主送", "来源", "作者", "编辑", "记者", "事由", "目的", "背景", "说明",
                              "备注", "注", "主题", "内容", "标题", "题目", "编者按", "按", "导读", "提要"]

    private func isTailTitle(_ i: Int) -> Bool {
        let line = lines[i]
        guard line.isTitleCandidate, !DateScanner.isDateOnly(line), !LineRoles.isIssuer(line),
              !LineRoles.isSalutation(line), Bylines.names(inAuthorLine: line) == nil else { return false }
        return true
    }

    /// First index of the trailing sign-off block (issuer, date, 此致, contacts, attachments) within lo..<hi.
    func signoffStart(_ lo: Int, _ hi: Int) -> Int {
        var k = hi
        var sawAnchor = false
        while k > lo {
            let line = lines[k - 1]
            if DateScanner.isDateOnly(line) || LineRoles.isSalutation(line) || LineRoles.isContactOrAttachment(line) {
                sawAnchor = true
            } else if LineRoles.isIssuer(line) {
                sawAnchor = true
            } else if sawAnchor, startsWithNumber(line), !line.endsSentence, line.count <= 50, attachmentAbove(k - 1, lo) {
                // `2.2024年…表`: an attachment list continued.
            } else if sawAnchor, Bylines.names(inAuthorLine: line) != nil {
                // A letter's signer.
            } else {
                break
            }
            k -= 1
        }
        return k
    }

    /// `2.2024年…表`, `3、…`: an item of a numbered list.
    private func startsWithNumber(_ line: Line) -> Bool {
        let s = line.scalars
        var i = 0
        while i < s.count, CharacterClass.isASCIIDigit(s[i]) { i += 1 }
        return i > 0 && i < s.count && (s[i] == "." || s[i] == "、" || s[i] == "．")
    }

    private func attachmentAbove(_ i: Int, _ lo: Int) -> Bool {
        var k = i - 1
        while k >= max(lo, i - 6) {
            if Scalars.has(lines[k].scalars, LineRoles.attachment) { return true }
            k -= 1
        }
        return false
    }

    /// A PDF page's content stream ends with the titles drawn on it and its banner, so an article
    /// running on to the next page has its title (and the banner) in the middle of its body. Takes
    /// the first short run of title-like lines inside the body when the first shares enough words
    /// with the article; a second line is the banner.
    private func recoverTitleAtPageBreak(_ part: inout PageStructure.Part, headline: inout [Int]) {
        let body = part.body
        guard body.count >= 3 else { return }
        var k = 1
        while k < body.count - 1 {
            guard lines[body[k]].isTitleCandidate, !lines[body[k - 1]].isTitleCandidate else { k += 1; continue }
            var run = [body[k]]
            while k + run.count < body.count - 1, run.count < 3, lines[body[k + run.count]].isTitleCandidate {
                run.append(body[k + run.count])
            }
            let rest = body.filter { !run.contains($0) }
            let grams = Bigrams.set(of: rest.map { lines[$0].scalars })
            let overlap = Bigrams.containment(Bigrams.list(of: [lines[run[0]].scalars]), in: grams)
            guard overlap >= 0.2 || run.count >= 2 else { k += run.count; continue }
            part.title = [run[0]]
            if run.count > 1, headline.isEmpty { headline = Array(run.dropFirst()) }
            part.body = rest
            return
        }
    }

    // MARK: - Multi-article page

    /// A core is byline + body + footer; titles sit in the gaps between cores.
    private struct Core {
        var lines: [Int]
    }

    private func parseMulti(_ range: Range<Int>, into page: inout PageStructure) {
        // Chunks end after a footer and before a byline.
        var chunks: [[Int]] = []
        var current: [Int] = []
        for i in range {
            if lines[i].isByline, !current.isEmpty {
                chunks.append(current)
                current = []
            }
            current.append(i)
            if lines[i].isFooter {
                chunks.append(current)
                current = []
            }
        }
        if !current.isEmpty { chunks.append(current) }

        var head: [Int] = []
        var tail: [Int] = []
        var cores: [Core] = []
        var gaps: [[Int]] = []          // gaps[k]: title lines just before cores[k] (k ≥ 1)
        var pendingGap: [Int] = []
        for (n, chunk) in chunks.enumerated() {
            let anchored = chunk.contains { lines[$0].isByline || lines[$0].isFooter }
            if !anchored {
                if cores.isEmpty { head += chunk } else if n == chunks.count - 1 { tail = chunk } else { pendingGap += chunk }
                continue
            }
            var body = chunk
            var leading: [Int] = []
            if !lines[body[0]].isByline {
                while let first = body.first, lines[first].isTitleCandidate, !lines[first].isFooter { leading.append(first); body.removeFirst() }
            }
            var trailing: [Int] = []
            if let last = body.last, !lines[last].isFooter {
                while body.count > 1, let last = body.last, lines[last].isTitleCandidate, !lines[last].isByline {
                    trailing.insert(last, at: 0)
                    body.removeLast()
                }
            }
            if cores.isEmpty {
                head += leading
            } else {
                gaps.append(pendingGap + leading)
            }
            pendingGap = trailing
            cores.append(Core(lines: body))
        }
        if !pendingGap.isEmpty { tail = pendingGap + tail }
        gaps.insert([], at: 0)

        // The head: headline lines, the lead's paragraphs, then (reading order) the first title.
        var headCands = head.prefix { lines[$0].isTitleCandidate }.map { $0 }
        let afterCands = head.dropFirst(headCands.count)
        var leadBody = Array(afterCands)
        var firstTitle: [Int] = []
        while let last = leadBody.last, lines[last].isTitleCandidate { firstTitle.insert(last, at: 0); leadBody.removeLast() }
        if leadBody.isEmpty, firstTitle.isEmpty, headCands.count >= 2 {
            firstTitle = Array(headCands.dropFirst())
            headCands = [headCands[0]]
        } else if leadBody.isEmpty, firstTitle.isEmpty, headCands.count == 1 {
            firstTitle = headCands
            headCands = []
        }
        let tailCands = tail.prefix { lines[$0].isTitleCandidate && !LineRoles.isIssuer(lines[$0]) && !DateScanner.isDateOnly(lines[$0]) }.map { $0 }
        let tailRest = Array(tail.dropFirst(tailCands.count))

        // Layout first: a title right before the first byline means reading order; titles after the
        // last footer mean content-stream (PDF) order. Text overlap settles what layout cannot.
        let readingLayout = !firstTitle.isEmpty
        let pdfLayout = !tailCands.isEmpty
        let overlap = overlapVote(cores: cores, gaps: gaps, firstTitle: firstTitle, tailTitle: tailCands)
        let readingOrder: Bool
        if readingLayout != pdfLayout {
            readingOrder = readingLayout
            if overlap.disagreeing > 0 {
                page.warnings.append("title placement uncertain for \(overlap.disagreeing) article\(overlap.disagreeing == 1 ? "" : "s")")
            }
        } else {
            readingOrder = overlap.score >= 0
            let guessed = gaps.filter { !$0.isEmpty }.count + (readingOrder ? (firstTitle.isEmpty ? 0 : 1) : (tailCands.isEmpty ? 0 : 1))
            if guessed > 0 {
                page.warnings.append("title placement guessed for \(guessed) article\(guessed == 1 ? "" : "s")")
            }
        }

        var parts: [PageStructure.Part] = cores.map { core in
            var part = PageStructure.Part()
            var body = core.lines
            if let first = body.first, lines[first].isByline { part.byline = first; body.removeFirst() }
            if let last = body.last, lines[last].isFooter { part.footer = last; body.removeLast() }
            part.body = body
            return part
        }
        if readingOrder {
            page.headline = headCands
            if !parts.isEmpty { parts[0].title = firstTitle }
            for k in 1..<max(1, parts.count) { parts[k].title = gaps[k] }
            if !tailCands.isEmpty, !parts.isEmpty { parts[parts.count - 1].signoff += tailCands }
        } else {
            for k in 0..<parts.count where k + 1 < parts.count { parts[k].title = gaps[k + 1] }
            // The last title and the banner share the tail: the title takes as many lines as the
            // page's other titles do, the banner the rest.
            var lineCounts: [Int: Int] = [:]
            for gap in gaps where !gap.isEmpty { lineCounts[gap.count, default: 0] += 1 }
            let typical = lineCounts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key ?? 1
            if tailCands.count > typical {
                parts[parts.count - 1].title = Array(tailCands.prefix(typical))
                page.headline = Array(tailCands.dropFirst(typical))
            } else if tailCands.count >= 2 {
                parts[parts.count - 1].title = Array(tailCands.dropLast())
                page.headline = [tailCands[tailCands.count - 1]]
            } else {
                parts[parts.count - 1].title = tailCands
                page.headline = headCands
            }
            if !firstTitle.isEmpty { leadBody += firstTitle }
            if !headCands.isEmpty, page.headline != headCands { leadBody = headCands + leadBody }
        }
        if !tailRest.isEmpty, !parts.isEmpty { parts[parts.count - 1].signoff += tailRest }
        if !readingOrder {
            for k in parts.indices where parts[k].title.isEmpty {
                recoverTitleAtPageBreak(&parts[k], headline: &page.headline)
            }
        }
        if !leadBody.isEmpty {
            var lead = PageStructure.Part()
            lead.body = leadBody
            lead.isLead = true
            parts.insert(lead, at: 0)
        }
        page.parts = parts
    }

    /// Sums, over the titles between articles, how much more each overlaps the article after it
    /// than the one before it (positive: reading order), and counts titles that disagree with layout.
    private func overlapVote(cores: [Core], gaps: [[Int]], firstTitle: [Int], tailTitle: [Int]) -> (score: Double, disagreeing: Int) {
        guard cores.count >= 2 else { return (0, 0) }
        let grams = cores.map { core in Bigrams.set(of: core.lines.map { lines[$0].scalars }) }
        var score = 0.0
        var votesForward = 0, votesBackward = 0
        for k in 1..<cores.count where !gaps[k].isEmpty {
            let title = Bigrams.list(of: gaps[k].map { lines[$0].scalars })
            let before = Bigrams.containment(title, in: grams[k - 1])
            let after = Bigrams.containment(title, in: grams[k])
            score += after - before
            if after > before + 0.1 { votesForward += 1 } else if before > after + 0.1 { votesBackward += 1 }
        }
        let readingLayout = !firstTitle.isEmpty
        return (score, readingLayout ? votesBackward : votesForward)
    }
}
