import ChineseScript
import Classify
import Decode
import Formats
import Normalize
import ReportModel
import Segment

/// Why a file did not become a report.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case decode(DecodeError)
    case format(FormatError)
    case tooLarge(bytes: Int, limit: Int)
    /// Analysis went over a per-file limit (time or memory); `code` says which.
    case overLimit(code: FailureCode, reason: String)

    /// Stable code for the failed list, the journal and subscribers.
    public var code: FailureCode {
        switch self {
        case .decode(let e): return e.code
        case .format(let e): return e.code
        case .tooLarge: return .tooLarge
        case .overLimit(let code, _): return code
        }
    }

    public var description: String {
        switch self {
        case .decode(let e): return e.description
        case .format(let e): return e.description
        case .tooLarge(let bytes, let limit): return "the file has \(bytes) bytes; the limit is \(limit)"
        case .overLimit(_, let reason): return reason
        }
    }
}

/// The whole pure pipeline: bytes → decode → normalise → segment → classify → a report.
public struct ReportBuilder: Sendable {
    public var decoder = TextDecoder()
    /// PDF, Word, web pages and any other registered `DocumentFormat` → text lines.
    public var documents = DocumentReader()
    public var normalizer = Normalizer()
    public var segmenter = Segmenter()
    public var classifier: ThemeClassifier

    public init(classifier: ThemeClassifier) {
        self.classifier = classifier
    }

    /// The report id for a file's bytes: the first 16 hex digits of its SHA-256.
    public static func reportID(sha256: String) -> String { String(sha256.prefix(16)) }

    public func build(bytes: [UInt8], file: String, received: String) throws(IngestError) -> Report {
        try build(bytes: bytes, file: file, received: received) { (_: Int) throws(IngestError) in }
    }

    /// `build`, calling `checkpoint` between stages: it throws to give up on a file that is over
    /// its time or memory limit (the daemon's per-file limits). Its argument is the size of the
    /// decoded text in UTF-8 bytes once known (0 before), from which the rest's cost can be judged.
    public func build(bytes: [UInt8], file: String, received: String,
                      checkpoint: (_ textBytes: Int) throws(IngestError) -> Void) throws(IngestError) -> Report {
        // Plain text and web pages become text of about their own size: judge the cost before even
        // decoding (slow for tens of megabytes in a debug build). PDF and Word are judged once read.
        let recognized = DocumentFormats.recognizing(bytes)
        try checkpoint(recognized == nil || recognized?.name == .html ? bytes.count : 0)
        let sha = SHA256.hex(bytes)
        let (decoded, format, hints) = try decode(bytes)
        let textBytes = decoded.text.utf8.count
        try checkpoint(textBytes)
        var report = try analyze(decoded.text, hints: hints) { () throws(IngestError) in try checkpoint(textBytes) }
        report.id = Self.reportID(sha256: sha)
        report.file = file
        report.sha256 = sha
        report.received = received
        report.source = Source(format: format, encoding: decoded.encoding, bytes: bytes.count)
        report.warnings = decoded.warnings + report.warnings
        return report
    }

    /// The file's text, by what its bytes are (magic numbers, not the name): a registered document
    /// format, else plain text.
    func decode(_ bytes: [UInt8]) throws(IngestError) -> (DecodedText, SourceFormat, LayoutHints) {
        let read: ExtractedDocument?
        do { read = try documents.read(bytes) } catch { throw .format(error) }
        guard let document = read else {
            do { return (try decoder.decode(bytes), .text, LayoutHints()) } catch { throw .decode(error) }
        }
        let hints = LayoutHints(title: document.titleHint, fallbackTitle: document.fallbackTitle, pdfLayout: document.format == .pdf,
                                metadata: document.metadata)
        return (DecodedText(text: document.text, encoding: document.encoding, warnings: document.warnings), document.format, hints)
    }

    /// Normalise, segment and classify a text (the `classify` op, and the tail of `build`).
    ///
    /// Text in traditional characters is segmented, classified and mined for places and figures in its
    /// simplified form; its title, paragraphs and quotes are then put back as written (see `Script`).
    public func analyze(_ text: String, hints: LayoutHints = LayoutHints()) -> Report {
        // A checkpoint that never throws: the call cannot fail.
        (try? analyze(text, hints: hints) { () throws(IngestError) in })!
    }

    func analyze(_ text: String, hints: LayoutHints = LayoutHints(), checkpoint: () throws(IngestError) -> Void) throws(IngestError) -> Report {
        let normalized = normalizer.normalize(text)
        try checkpoint()
        let script = Script(lines: normalized.lines, hints: hints)
        // (The normalized text copied whole, its words converted: a field rebuilt by hand was dropped twice.)
        let page = script.map { script in
            var simplified = normalized
            simplified.lines = script.simplifiedLines
            simplified.pictureTitle = normalized.pictureTitle.map { SimplifiedChinese.simplified($0) }
            return segmenter.segment(simplified, hints: script.simplifiedHints)
        } ?? segmenter.segment(normalized, hints: hints)
        try checkpoint()
        var report = Report(id: "", file: "", sha256: "", received: "", published: page.published,
                            source: Source(format: .text, encoding: .utf8, bytes: text.utf8.count),
                            headline: page.headline, articles: page.articles, warnings: page.warnings)
        report.documentNumber = page.documentNumber
        guard let script else {
            apply(classifier.classify(report.articles, headline: report.headline), to: &report)
            return report
        }
        let simplified = report
        script.restoreText(of: &report)
        apply(classify(report, simplified: simplified), to: &report)
        return report
    }

    /// Classify a stored report again (after `reload`), keeping a person's labels.
    public func reclassify(_ report: Report) -> Report {
        var updated = report
        apply(classify(report, simplified: Script.simplifiedText(of: report)), to: &updated)
        return updated
    }

    func apply(_ classification: Classification, to report: inout Report) {
        // A person who labelled an article has said it is a report.
        report.notAReport = classification.notAReport && !report.articles.contains { $0.themesBy == .person }
        for (i, themes) in classification.articles.enumerated() where i < report.articles.count {
            guard report.articles[i].themesBy != .person else { continue }
            report.articles[i].themes = classification.notAReport ? [] : themes.themes
            report.articles[i].primaryTheme = classification.notAReport ? nil : themes.primary
        }
        report.themes = report.notAReport ? [] : Self.aggregate(report.articles)
    }

    /// The report's themes: the best score each theme reached in any article (a person's labels included).
    static func aggregate(_ articles: [Article]) -> [ThemeScore] {
        ThemeClassifier.aggregate(articles.map(\.themes))
    }
}
