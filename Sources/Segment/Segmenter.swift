import Normalize
import ReportModel
import Characters

/// A page split into its parts, before classification.
public struct Page: Sendable, Equatable {
    public var headline: String?
    /// `YYYY-MM-DD` from a dateline or sign-off, nil when no full date is given.
    public var published: String?
    /// An official document number from the header (`济建发〔2023〕47号`), nil when none.
    public var documentNumber: String?
    /// Articles with title, author, affiliation, paragraphs, places and figures; no themes yet.
    public var articles: [Article]
    public var warnings: [String]

    public init(headline: String? = nil, published: String? = nil, articles: [Article] = [], warnings: [String] = []) {
        self.headline = headline
        self.published = published
        self.articles = articles
        self.warnings = warnings
    }
}

/// Splits normalised text into headline and articles, and reads each article's writer, places and figures.
///
/// Works for text in reading order (title, byline, body, footer) and for text extracted from a PDF's
/// content stream, where each title follows its article's `（作者系…）` footer and the banner comes last.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: NormalizedText, hints: LayoutHints = LayoutHints()) -> Page {
        let all = PageMetaReader.joinLabelledValues(PageMetaReader.splitGluedDateline(Segmenter.lines(from: text.lines)))
        guard !all.isEmpty else { return Page(warnings: text.warnings) }
        // Metadata lines leave the page before its structure is read; titles lose a glued dateline.
        var meta = PageMetaReader.read(all, extra: hints.metadata)
        var lines: [Line] = []
        lines.reserveCapacity(all.count)
        // Lines that a metadata line followed before it left (`嵌入式服务设施建设` above `桂林晚报 2023年11月27日`).
        var beforeMeta: Set<Int> = []
        for (i, line) in all.enumerated() where !meta.metaLines.contains(i) {
            lines.append(meta.trimmed[i].map(Line.init) ?? line)
            if meta.metaLines.contains(i + 1) { beforeMeta.insert(lines.count - 1) }
        }
        guard !lines.isEmpty else { return Page(warnings: text.warnings) }
        let title = TitleHint.locate(hints.title ?? text.pictureTitle, in: lines)
        let structure = StructureParser(lines: lines, titleAt: title,
                                        tailTitles: hints.pdfLayout || text.rejoinedWraps >= 3 || TitleHint.looksLikePDFPage(lines),
                                        beforeMeta: beforeMeta).parse()
        var page = Page(warnings: text.warnings + structure.warnings)
        page.headline = joined(structure.headline, lines)
        for line in all.prefix(PageMetaReader.headLimit) where line.count <= 80 {
            if let number = DocumentNumber.find(in: line.scalars) { page.documentNumber = number; break }
        }
        page.published = published(structure, lines) ?? meta.tailDate
        if let head = meta.headDate, page.published == nil || !structure.parts.contains(where: { !$0.signoff.isEmpty }) {
            page.published = head
        }
        if page.published == nil { page.published = text.templateDate }

        let places = PlaceExtractor()
        for (n, part) in structure.parts.enumerated() {
            var article = Article(index: n)
            article.paragraphs = part.body.map { lines[$0].text }
            if !part.isLead {
                article.title = joined(part.title, lines)
                article.authors = authors(of: part, lines)
                // The writers the article's own credit names, and its staff photographers beside them.
                if !article.authors.isEmpty {
                    for name in staffPhotographers(part, lines) where !article.authors.contains(name) { article.authors.append(name) }
                }
                article.affiliation = affiliation(of: part, lines)
            }
            // Places and figures come from every line of the article, its frame included; the page's
            // headline and metadata belong to the first article.
            var own = part.title + [part.byline, part.authorLine, part.institutionLine].compactMap { $0 }
            own += part.body + [part.footer].compactMap { $0 } + part.signoff
            if n == 0 { own = structure.meta + structure.headline + own }
            let articleLines = own.sorted().map { lines[$0] }
            // A dateline names places too (`东湖社区　2023-09-18　广东`): the page's metadata lines count for the first article.
            article.places = places.places(in: n == 0 ? meta.metaLines.sorted().map { all[$0] } + articleLines : articleLines)
            article.figures = articleLines.flatMap(FigureExtractor.figures(in:))
            page.articles.append(article)
        }

        if let k = page.articles.indices.first(where: { !structure.parts[$0].isLead }) {
            readBodyCredits(structure.parts[k], lines, into: &meta)
        }
        apply(meta, to: &page, hintedTitle: (title == nil ? hints.title : nil).flatMap(TitleHint.cleaned)
              ?? hints.fallbackTitle.flatMap(TitleHint.cleaned))
        return page
    }

    /// Credits inside the text when the header names nobody: a news opening's editors and outlet,
    /// `【某某新聞王小美/綜合報導】`, a name closing the last paragraph, photo credits under pictures.
    private func readBodyCredits(_ part: PageStructure.Part, _ lines: [Line], into meta: inout PageMeta) {
        var outlet: String?
        var authors: [String] = []
        for i in part.body.prefix(2) {
            let credits = Bylines.openingCredits(lines[i])
            for name in credits.editors where !meta.editors.contains(name) { meta.editors.append(name) }
            outlet = outlet ?? credits.outlet
        }
        // `【記者陳信銘/高雄報導】` opens the story, below whatever tag lines the page set above it.
        if let lead = part.body.prefix(12).lazy.compactMap({ Bylines.lenticularLead(lines[$0]) }).first {
            authors += lead.names
            outlet = outlet ?? lead.outlet
        }
        // `…新市政大樓。（記者某某攝）`: a staff photographer credited under a picture is credited beside the
        // writers the header named (where it named none, the last pass below reads every photo credit).
        if !meta.authors.isEmpty {
            for name in staffPhotographers(part, lines) where !meta.authors.contains(name) { meta.authors.append(name) }
        }
        // The header named the authors and the outlet: what the passes below find would be dropped.
        if !meta.authors.isEmpty && meta.source != nil { return }
        // `…的治理格局。(梁晋杰)` closing the text, perhaps above empty `编辑:` fields and a copyright notice;
        // `…受益。□楊柳/本報記者/張輝` glued to the last paragraph.
        if authors.isEmpty {
            for i in (part.body + part.signoff).suffix(4).reversed() {
                if let name = Bylines.trailingAuthor(lines[i]) { authors.append(name); break }
                if let names = Bylines.gluedClosingByline(lines[i]) { authors = names; break }
            }
        }
        if authors.isEmpty, let last = part.body.last, let name = Bylines.gluedClosingName(lines[last]) { authors = [name] }
        // `(記者:張博瑞/台中報導)` closing the last paragraph of the story, with contact lines after it.
        if authors.isEmpty {
            for i in (part.body + part.signoff).suffix(10).reversed() {
                if let names = Bylines.closingCredit(lines[i]) { authors = names; break }
            }
        }
        // A journal's suggested citation names the authors the page leaves out.
        if authors.isEmpty {
            for i in part.body.prefix(12) where lines[i].count <= 200 {
                if let names = Bylines.citationAuthors(lines[i]) { authors = names; break }
            }
        }
        if authors.isEmpty {
            for i in part.body where lines[i].count <= 300 {
                if let name = Bylines.labelledPhotographer(lines[i]), !authors.contains(name) { authors.append(name) }
                guard let credit = Bylines.photoCredit(lines[i]) else { continue }
                for name in credit.names where !authors.contains(name) { authors.append(name) }
                outlet = outlet ?? credit.outlet
            }
        }
        if meta.source == nil { meta.source = outlet }
        if meta.authors.isEmpty { meta.authors = authors }
    }

    /// `（記者某某攝）`, `记者某某/摄`, `攝影 某某`: the staff photographers credited under the pictures of an article.
    private func staffPhotographers(_ part: PageStructure.Part, _ lines: [Line]) -> [String] {
        var names: [String] = []
        for i in part.body.prefix(40) where lines[i].count <= 300 {
            if let name = Bylines.labelledPhotographer(lines[i]) {
                if !names.contains(name) { names.append(name) }
                continue
            }
            guard let credit = Bylines.photoCredit(lines[i]),
                  Scalars.find(Bylines.reporter, in: TraditionalFold.fold(Array(lines[i].scalars.suffix(24)))) != nil else { continue }
            for name in credit.names where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The page's metadata goes to its articles: outlet and editors to all, credited authors to the
    /// one titled article that has none of its own.
    private func apply(_ meta: PageMeta, to page: inout Page, hintedTitle: String?) {
        let titled = page.articles.indices.filter { page.articles[$0].title != nil || page.articles.count == 1 }
        for k in page.articles.indices {
            page.articles[k].source = meta.source
            page.articles[k].editors = meta.editors
        }
        let authorsFromCredits = meta.authors.filter { !meta.editors.contains($0) }
        if titled.count == 1, page.articles[titled[0]].authors.isEmpty, !authorsFromCredits.isEmpty {
            page.articles[titled[0]].authors = authorsFromCredits
        }
        if let hinted = hintedTitle, page.articles.count == 1, page.articles[0].title == nil {
            page.articles[0].title = hinted
        }
        // `(吴某某 曾学江 刘某某)`: a person the page credits is no place, whatever the name ends in (江).
        for k in page.articles.indices where !page.articles[k].places.isEmpty {
            let people = Set((page.articles[k].authors + page.articles[k].editors).map { Scalars.string(TraditionalFold.fold(Array($0.unicodeScalars))) })
            guard !people.isEmpty else { continue }
            page.articles[k].places.removeAll { people.contains(Scalars.string(TraditionalFold.fold(Array($0.unicodeScalars)))) }
        }
        if !meta.metaLines.isEmpty {
            page.warnings.append("read \(meta.metaLines.count) metadata line\(meta.metaLines.count == 1 ? "" : "s") (date, source, credits)")
        }
    }

    /// Trimmed, non-empty lines; a footer broken over two lines is put back together.
    static func lines(from raw: [String]) -> [Line] {
        var out: [Line] = []
        for text in raw {
            let line = Line(text)
            guard line.count > 0 else { continue }
            if let previous = out.last, previous.isFooter, let last = previous.scalars.last, last != "）", last != ")",
               line.count <= 30, let end = line.scalars.last, end == "）" || end == ")" {
                out[out.count - 1] = Line(previous.text + line.text)
                continue
            }
            out.append(line)
        }
        return out
    }

    /// Lines of a title or headline as one string: a title broken over two lines is one title.
    private func joined(_ indices: [Int], _ lines: [Line]) -> String? {
        guard !indices.isEmpty else { return nil }
        var out: [Unicode.Scalar] = []
        for i in indices {
            let s = lines[i].scalars
            // Keep a space only between two Latin/digit runs; Chinese lines join directly.
            if let last = out.last, let first = s.first, !CharacterClass.isHan(last), !CharacterClass.isHan(first),
               !Scalars.isClosing(last), CharacterClass.isASCIILetter(last) || CharacterClass.isASCIIDigit(last) {
                out.append(" ")
            }
            out += s
        }
        // `钟楼某某启动加装电梯 |`: a table cell's rule left after the title.
        while let last = out.last, last == "|" || last == "｜" || CharacterClass.isSpace(last), out.count > 1 { out.removeLast() }
        return Scalars.string(out)
    }

    private func authors(of part: PageStructure.Part, _ lines: [Line]) -> [String] {
        if let b = part.byline, let names = Bylines.authors(fromByline: lines[b]) { return split(names) }
        if let a = part.authorLine, let names = Bylines.names(inAuthorLine: lines[a]) { return names }
        // The lead opens the body, or follows a reposting site's few lines of its own (`本文转自:鄂州日报`).
        for i in part.body.prefix(5) {
            if let names = Bylines.authors(fromNewsOpening: lines[i]) { return split(names) }
        }
        // A letter signed by a person: a bare name in its sign-off.
        for i in part.signoff.reversed() {
            if let names = Bylines.names(inAuthorLine: lines[i]), names.count <= 3 { return names }
        }
        return []
    }

    private func split(_ joined: String) -> [String] { joined.split(separator: "、").map(String.init) }

    private func affiliation(of part: PageStructure.Part, _ lines: [Line]) -> String? {
        if let f = part.footer { return Bylines.affiliation(fromFooter: lines[f]) }
        if let i = part.institutionLine { return Bylines.affiliation(fromInstitutionLine: lines[i]) }
        return nil
    }

    /// The sign-off date of a notice, summary, minutes or letter; else the dateline in the metadata.
    private func published(_ structure: PageStructure, _ lines: [Line]) -> String? {
        for part in structure.parts.reversed() {
            for i in part.signoff.reversed() where DateScanner.isDateOnly(lines[i]) {
                return DateScanner.dates(in: lines[i].scalars).first?.iso
            }
        }
        for i in structure.meta {
            if let found = DateScanner.dates(in: lines[i].scalars).first { return found.iso }
        }
        return nil
    }
}
