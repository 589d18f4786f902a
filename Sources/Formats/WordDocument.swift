import ReportModel

/// Word `.docx`: its own zip reader with zip-bomb limits, WordprocessingML headings and paragraphs.
/// Any zip is taken as a Word file, so another zip fails with `not_a_docx`, not as binary.
public struct WordDocument: DocumentFormat {
    public init() {}

    public var name: SourceFormat { .docx }

    public func recognizes(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    public func read(_ bytes: [UInt8], options: ReadOptions) throws(FormatError) -> ExtractedDocument {
        let lines = try DocxReader().read(bytes)
        return ExtractedDocument(lines: lines, format: .docx, titleHint: ExtractedDocument.firstHeading(lines))
    }
}

extension FailureCode {
    public static let zipBomb = FailureCode("zip_bomb")
    public static let brokenDocx = FailureCode("broken_docx")
    public static let notADocx = FailureCode("not_a_docx")
}

extension FormatError {
    /// A zip that holds no Word document.
    public static let notADocx = FormatError(.notADocx, "the zip holds no Word document (word/document.xml)")

    /// A zip whose members would inflate far beyond what a document needs.
    public static func zipBomb(_ why: String) -> FormatError { FormatError(.zipBomb, "the zip would inflate too far: \(why)") }

    /// A zip (or Word file) whose structure or data is damaged.
    public static func brokenDocx(_ why: String) -> FormatError { FormatError(.brokenDocx, "the Word file is damaged: \(why)") }
}
