import ReportModel

/// Turns a PDF, a Word file or a saved web page into the lines the normaliser takes: one
/// paragraph or structure line (headline, title, byline, footer, metadata line) per line, in reading order.
public struct DocumentReader: Sendable {
    public var options: ReadOptions

    public init(pdfLimits: PDFExtractorLimits = PDFExtractorLimits()) {
        options = ReadOptions(pdfLimits: pdfLimits)
    }

    /// The document, read by the registered format that recognises its bytes; nil when none does
    /// (the file is plain text).
    public func read(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument? {
        guard let format = DocumentFormats.recognizing(bytes) else { return nil }
        return try format.read(bytes, options: options)
    }

    /// A PDF's text (runs pdftotext under the PDF limits).
    public func readPDF(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        try PDFDocument().read(bytes, options: options)
    }

    /// A Word file's text; any other zip fails with `not_a_docx`.
    public func readDocx(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        try WordDocument().read(bytes, options: options)
    }

    /// A saved web page's article, decoded by its BOM or `<meta charset>`.
    public func readHTML(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        try WebPage().read(bytes, options: options)
    }
}
