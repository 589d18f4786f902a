import Foundation
import Normalize
import ReportModel
import Segment
import Testing

/// Scores the segmenter on the dev corpus and the seed page, read from `../shared/corpus` at run time,
/// in reading order and in the PDF content-stream order (titles after their footers, banner last).
@Suite(.enabled(if: CorpusRun.requested, CorpusRun.reason)) struct CorpusTests {
    /// One gold-labelled report.
    struct GoldReport {
        var id: String
        var lines: [String]
        var gold: JSONValue
        var articles: [JSONValue] { gold["articles"]?.arrayValue ?? [] }
        var isReport: Bool { !(gold["not_a_report"]?.boolValue ?? false) }
    }

    /// `../shared/corpus` next to the repository root.
    static var corpusDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static func load() throws -> [GoldReport] {
        let root = corpusDirectory
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.appendingPathComponent("dev").path) else {
            throw CorpusMissing(path: root.path)
        }
        var folders = try fm.contentsOfDirectory(atPath: root.appendingPathComponent("dev").path).sorted()
            .map { root.appendingPathComponent("dev").appendingPathComponent($0) }
        folders.append(root.appendingPathComponent("seed"))
        return try folders.map { folder in
            let clean = try String(contentsOf: folder.appendingPathComponent("clean.txt"), encoding: .utf8)
            let gold = try JSONValue.parse(String(contentsOf: folder.appendingPathComponent("gold.json"), encoding: .utf8))
            return GoldReport(id: folder.lastPathComponent, lines: clean.split(separator: "\n").map(String.init), gold: gold)
        }
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "corpus not found at \(path): the evaluation corpus must sit at ../shared/corpus" }
    }

    /// The order a PDF's content stream gives: each title after its article's footer (or, for a
    /// one-article document, after everything), the page banner last; optionally titles broken in two.
    static func pdfOrder(_ report: GoldReport, breakTitles: Bool) -> [String] {
        let titles = Set(report.articles.compactMap { $0["title"]?.stringValue })
        let headline = report.gold["headline"]?.stringValue
        var out: [String] = []
        var pendingTitle: [String] = []
        var banner: [String] = []
        func split(_ t: String) -> [String] {
            guard breakTitles, t.count >= 8 else { return [t] }
            let mid = t.index(t.startIndex, offsetBy: t.count / 2)
            return [String(t[..<mid]), String(t[mid...])]
        }
        for line in report.lines {
            if line == headline {
                banner = split(line)
            } else if titles.contains(line) {
                pendingTitle = split(line)
            } else {
                out.append(line)
                if line.hasPrefix("（作者系") { out += pendingTitle; pendingTitle = [] }
            }
        }
        out += pendingTitle
        out += banner
        return out
    }

    /// Scores of one run over the corpus.
    struct Tally {
        var reports = 0, segmentation = 0, dates = 0
        var articles = 0, title = 0, author = 0, affiliation = 0, paragraphs = 0, firstSentence = 0
        var placesGold = 0, placesFound = 0, figuresGold = 0, figuresFound = 0
        var headlines = 0, headlinesOK = 0
        var rows: [String] = []

        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
        var segmentationRate: Double { ratio(segmentation, reports) }
        var titleRate: Double { ratio(title, articles) }
        var authorRate: Double { ratio(author, articles) }
        var affiliationRate: Double { ratio(affiliation, articles) }
        var paragraphRate: Double { ratio(paragraphs, articles) }
        var firstSentenceRate: Double { ratio(firstSentence, articles) }
        var placesRecall: Double { ratio(placesFound, placesGold) }
        var figuresRecall: Double { ratio(figuresFound, figuresGold) }
        var publishedRate: Double { ratio(dates, reports) }

        var summary: String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            return "segmentation \(f(segmentationRate))  title \(f(titleRate))  author \(f(authorRate))  "
                + "affiliation \(f(affiliationRate))  paragraphs \(f(paragraphRate))  first_sentence \(f(firstSentenceRate))  "
                + "places \(f(placesRecall))  figures \(f(figuresRecall))  published \(f(publishedRate))  "
                + "headline \(headlinesOK)/\(headlines)"
        }
    }

    /// Punctuation and spaces ignored, as the scorer does.
    static func norm(_ s: String?) -> String {
        let drop = Set("\"'“”‘’《》〈〉「」『』（）()【】[]，,。.、：:；;！!？?—-·… \t\u{3000}\u{A0}".unicodeScalars)
        var v = String.UnicodeScalarView()
        for u in (s ?? "").unicodeScalars where !drop.contains(u) { v.append(u) }
        return String(v)
    }

    static func score(_ corpus: [GoldReport], pdf: Bool = false, variant: (GoldReport) -> [String]) -> Tally {
        var tally = Tally()
        let segmenter = Segmenter()
        for report in corpus where report.isReport {
            // Content-stream order comes from a PDF: the reader says so, and titles may come last.
            let page = segmenter.segment(NormalizedText(lines: variant(report)), hints: LayoutHints(pdfLayout: pdf))
            tally.reports += 1
            let gold = report.articles
            let segOK = page.articles.count == gold.count
            tally.segmentation += segOK ? 1 : 0
            let publishedOK = page.published == report.gold["published"]?.stringValue
            tally.dates += publishedOK ? 1 : 0
            if let h = report.gold["headline"]?.stringValue {
                tally.headlines += 1
                tally.headlinesOK += norm(h) == norm(page.headline) ? 1 : 0
            }
            var misses: [String] = []
            for (g, p) in align(gold, page.articles, lines: report.lines) {
                tally.articles += 1
                func same(_ field: String, _ value: String?) -> Int {
                    let ok = norm(g[field]?.stringValue) == norm(value)
                    if !ok { misses.append("\(field)=\(value ?? "nil")≠\(g[field]?.stringValue ?? "nil")") }
                    return ok ? 1 : 0
                }
                tally.title += same("title", p?.title)
                tally.author += same("author", p?.author)
                tally.affiliation += same("affiliation", p?.affiliation)
                let paragraphs = p?.paragraphs.count ?? 0
                if paragraphs == g["paragraphs"]?.intValue { tally.paragraphs += 1 } else {
                    misses.append("paragraphs=\(paragraphs)≠\(g["paragraphs"]?.intValue ?? -1)")
                }
                let start = norm(g["first_sentence_start"]?.stringValue)
                if let first = p?.paragraphs.first, norm(first).hasPrefix(start) { tally.firstSentence += 1 } else {
                    misses.append("first=\(String((p?.paragraphs.first ?? "").prefix(12)))")
                }
                let goldPlaces = Set((g["places"]?.arrayValue ?? []).compactMap(\.stringValue))
                let found = goldPlaces.intersection(p?.places ?? [])
                tally.placesGold += goldPlaces.count
                tally.placesFound += found.count
                if found.count < goldPlaces.count { misses.append("places-\(goldPlaces.subtracting(found).sorted())") }
                let goldFigures = Set((g["figures"]?.arrayValue ?? []).map { "\($0["value"]?.stringValue ?? "")|\($0["unit"]?.stringValue ?? "")" })
                let predicted = Set((p?.figures ?? []).map { "\($0.value)|\($0.unit)" })
                tally.figuresGold += goldFigures.count
                tally.figuresFound += goldFigures.intersection(predicted).count
                let missing = goldFigures.subtracting(predicted)
                if !missing.isEmpty { misses.append("figures-\(missing.sorted())") }
            }
            let row = "\(report.id.padding(toLength: 36, withPad: " ", startingAt: 0)) articles \(page.articles.count)/\(gold.count)"
                + " published \(publishedOK ? "ok" : "\(page.published ?? "nil")")  " + misses.joined(separator: "; ")
            tally.rows.append(row)
        }
        return tally
    }

    /// Pairs each gold article with the predicted article sharing most of its text (the scorer's greedy rule).
    static func align(_ gold: [JSONValue], _ predicted: [Article], lines: [String]) -> [(JSONValue, Article?)] {
        var used: Set<Int> = []
        return gold.map { g in
            let key = String(norm(g["first_sentence_start"]?.stringValue).prefix(8))
            var text = ""
            if let start = lines.firstIndex(where: { norm($0).hasPrefix(key) }) {
                text = lines[start..<min(lines.count, start + (g["paragraphs"]?.intValue ?? 1))].joined()
            }
            let goldGrams = Bigrams(text)
            var best: Int?
            var bestScore = -1.0
            for (j, p) in predicted.enumerated() where !used.contains(j) {
                var s = goldGrams.f1(Bigrams(p.paragraphs.joined()))
                if !norm(g["title"]?.stringValue).isEmpty, norm(g["title"]?.stringValue) == norm(p.title) { s += 0.5 }
                if s > bestScore { best = j; bestScore = s }
            }
            if let best { used.insert(best) }
            return (g, best.map { predicted[$0] })
        }
    }

    /// Multiset of character bigrams, as the scorer computes it.
    struct Bigrams {
        var counts: [String: Int] = [:]
        init(_ text: String) {
            let t = Array(CorpusTests.norm(text))
            guard t.count >= 2 else { return }
            for i in 0..<(t.count - 1) { counts[String(t[i...i + 1]), default: 0] += 1 }
        }
        func f1(_ other: Bigrams) -> Double {
            let a = counts.values.reduce(0, +), b = other.counts.values.reduce(0, +)
            guard a > 0, b > 0 else { return 0 }
            let common = counts.reduce(0) { $0 + min($1.value, other.counts[$1.key] ?? 0) }
            guard common > 0 else { return 0 }
            let p = Double(common) / Double(b), r = Double(common) / Double(a)
            return 2 * p * r / (p + r)
        }
    }

    static func report(_ name: String, _ tally: Tally) {
        print("== \(name)")
        for row in tally.rows { print("  " + row) }
        print("  TOTAL " + tally.summary)
    }

    static func assertThresholds(_ t: Tally) {
        #expect(t.segmentationRate >= 0.9)
        #expect(t.titleRate >= 0.9)
        #expect(t.authorRate >= 0.9)
        #expect(t.affiliationRate >= 0.9)
        #expect(t.placesRecall >= 0.85)
        #expect(t.figuresRecall >= 0.85)
        #expect(t.publishedRate >= 0.9)
        #expect(t.paragraphRate >= 0.9)
        #expect(t.firstSentenceRate >= 0.9)
    }

    @Test func readingOrder() throws {
        let tally = Self.score(try Self.load()) { $0.lines }
        Self.report("reading order (clean.txt)", tally)
        Self.assertThresholds(tally)
    }

    @Test func pdfOrder() throws {
        let tally = Self.score(try Self.load(), pdf: true) { Self.pdfOrder($0, breakTitles: false) }
        Self.report("PDF order (titles after footers, banner last)", tally)
        Self.assertThresholds(tally)
    }

    @Test func pdfOrderWithBrokenTitles() throws {
        let tally = Self.score(try Self.load(), pdf: true) { Self.pdfOrder($0, breakTitles: true) }
        Self.report("PDF order, titles broken over two lines", tally)
        Self.assertThresholds(tally)
    }

    /// The seed page: the lead, four signed articles and the banner, in both orders.
    @Test(arguments: [false, true]) func seedPage(pdf: Bool) throws {
        let seed = try #require(try Self.load().first { $0.id == "seed" })
        let page = Segmenter().segment(NormalizedText(lines: pdf ? Self.pdfOrder(seed, breakTitles: true) : seed.lines), hints: LayoutHints(pdfLayout: pdf))
        #expect(page.headline == seed.gold["headline"]?.stringValue)
        #expect(page.published == nil)
        try #require(page.articles.count == 5)
        for (article, gold) in zip(page.articles, seed.articles) {
            #expect(article.title == gold["title"]?.stringValue)
            #expect(article.author == gold["author"]?.stringValue)
            #expect(article.affiliation == gold["affiliation"]?.stringValue)
            #expect(article.paragraphs.count == gold["paragraphs"]?.intValue)
        }
    }
}
