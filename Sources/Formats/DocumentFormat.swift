import ReportModel

/// A document format renewald reads: how its bytes are recognised and how they become lines.
///
/// Adding a format is one new file with a type conforming to this, plus its line in
/// `DocumentFormats.all`. Files no format recognises are read as plain text.
public protocol DocumentFormat: Sendable {
    /// Its `source.format`.
    var name: SourceFormat { get }
    /// Whether the bytes are this format, from their first bytes (magic numbers, never the name).
    func recognizes(_ bytes: [UInt8]) -> Bool
    /// The document's lines, or why they cannot be had.
    func read(_ bytes: [UInt8], options: ReadOptions) throws(FormatError) -> ExtractedDocument
}

/// What reading a document may take: the limits the daemon's configuration sets.
public struct ReadOptions: Sendable {
    public var pdfLimits: PDFExtractorLimits

    public init(pdfLimits: PDFExtractorLimits = PDFExtractorLimits()) {
        self.pdfLimits = pdfLimits
    }
}
