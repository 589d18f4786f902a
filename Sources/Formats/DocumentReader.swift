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
        let lines = try PDFReader(limits: pdfLimits).read(bytes)
        // A PDF's largest line may be the paper's banner: a fallback, never the structure's say.
        return ExtractedDocument(lines: lines, format: .pdf, fallbackTitle: ExtractedDocument.firstHeading(lines))
    }

    /// A Word file's text; any other zip fails with `not_a_docx`.
    public func readDocx(_ bytes: [UInt8]) throws(FormatError) -> ExtractedDocument {
        let lines = try DocxReader().read(bytes)
        return ExtractedDocument(lines: lines, format: .docx, titleHint: ExtractedDocument.firstHeading(lines))
    }

    /// A saved web page's article, decoded by its BOM or `<meta charset>`.
    public func readHTML(_ bytes: [UInt8]) throws(DecodeError) -> ExtractedDocument {
        let decoded = try HTMLCharset.decode(bytes)
        let page = HTMLReader().readPage(decoded.text)
        let h1 = ExtractedDocument.firstHeading(page.lines)
        return ExtractedDocument(lines: page.lines, format: .html, encoding: decoded.encoding, warnings: decoded.warnings,
                                 titleHint: h1, fallbackTitle: h1 == nil ? HTMLReader.titleElement(decoded.text) : nil,
                                 metadata: page.metadata)
    }
}
