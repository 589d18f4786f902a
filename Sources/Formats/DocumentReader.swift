import Decode

/// Turns a PDF, a Word file or a saved web page into the lines the normaliser takes: one
/// paragraph or structure line (headline, title, byline, footer, metadata line) per line, in reading order.
public struct DocumentReader: Sendable {
    public var pdfLimits: PDFExtractorLimits

    public init(pdfLimits: PDFExtractorLimits = PDFExtractorLimits()) {
        self.pdfLimits = pdfLimits
    }

    /// A PDF's text (runs pdftotext under `pdfLimits`).
    public func readPDF(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        ExtractedDocument(lines: try PDFReader(limits: pdfLimits).read(bytes), format: .pdf)
    }

    /// A Word file's text; any other zip fails with `not_a_docx`.
    public func readDocx(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        ExtractedDocument(lines: try DocxReader().read(bytes), format: .docx)
    }

    /// A saved web page's article, decoded by its BOM or `<meta charset>`.
    public func readHTML(_ bytes: [UInt8]) throws(DecodeError) -> ExtractedDocument {
        let decoded = try HTMLCharset.decode(bytes)
        return ExtractedDocument(lines: HTMLReader().read(decoded.text), format: .html,
                                 encoding: decoded.encoding, warnings: decoded.warnings)
    }
}
