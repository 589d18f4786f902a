import ReportModel

/// PDF, read through poppler's `pdftotext -bbox-layout` under time, CPU and memory limits.
public struct PDFDocument: DocumentFormat {
    public init() {}

    public var name: SourceFormat { .pdf }

    public func recognizes(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    public func read(_ bytes: [UInt8], options: ReadOptions) throws(FormatError) -> ExtractedDocument {
        let lines = try PDFReader(limits: options.pdfLimits).read(bytes)
        // A PDF's largest line may be the paper's banner: a fallback, never the structure's say.
        return ExtractedDocument(lines: lines, format: .pdf, fallbackTitle: ExtractedDocument.firstHeading(lines))
    }
}

extension FailureCode {
    public static let noTextLayer = FailureCode("no_text_layer")
    public static let encryptedPDF = FailureCode("encrypted_pdf")
    public static let brokenPDF = FailureCode("broken_pdf")
    public static let extractionLimit = FailureCode("extraction_limit")
    public static let extractorUnavailable = FailureCode("extractor_unavailable")
}

extension FormatError {
    /// A PDF whose pages carry no text (a scan); OCR is out of scope.
    public static let noTextLayer = FormatError(.noTextLayer, "the PDF has no text layer (a scanned image?); renewald does not do OCR")
    /// A PDF that needs a password or forbids text extraction.
    public static let encryptedPDF = FormatError(.encryptedPDF, "the PDF is encrypted or forbids copying its text")

    /// A PDF that is truncated or that poppler cannot parse.
    public static func brokenPDF(_ why: String) -> FormatError { FormatError(.brokenPDF, "the PDF is damaged: \(why)") }

    /// The PDF extractor did not finish in time or ran out of memory.
    public static func extractionLimit(_ why: String) -> FormatError {
        FormatError(.extractionLimit, "reading the PDF hit a limit: \(why)")
    }

    /// The PDF extractor is not installed or could not be started.
    public static func extractorUnavailable(_ why: String) -> FormatError {
        FormatError(.extractorUnavailable, "cannot run pdftotext: \(why)")
    }
}
