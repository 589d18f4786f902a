/// Why a PDF, Word file or web page could not be turned into text.
public enum FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A PDF whose pages carry no text (a scan); OCR is out of scope.
    case noTextLayer
    /// A PDF that needs a password or forbids text extraction.
    case encryptedPDF
    /// A PDF that is truncated or that poppler cannot parse.
    case brokenPDF(String)
    /// The PDF extractor did not finish in time or ran out of memory.
    case extractionLimit(String)
    /// The PDF extractor is not installed or could not be started.
    case extractorUnavailable(String)
    /// A zip whose members would inflate far beyond what a document needs.
    case zipBomb(String)
    /// A zip (or Word file) whose structure or data is damaged.
    case brokenDocx(String)
    /// A zip that holds no Word document.
    case notADocx

    /// Stable code for the failed list, the journal and subscribers.
    public var code: String {
        switch self {
        case .noTextLayer: return "no_text_layer"
        case .encryptedPDF: return "encrypted_pdf"
        case .brokenPDF: return "broken_pdf"
        case .extractionLimit: return "extraction_limit"
        case .extractorUnavailable: return "extractor_unavailable"
        case .zipBomb: return "zip_bomb"
        case .brokenDocx: return "broken_docx"
        case .notADocx: return "not_a_docx"
        }
    }

    public var description: String {
        switch self {
        case .noTextLayer: return "the PDF has no text layer (a scanned image?); renewald does not do OCR"
        case .encryptedPDF: return "the PDF is encrypted or forbids copying its text"
        case .brokenPDF(let why): return "the PDF is damaged: \(why)"
        case .extractionLimit(let why): return "reading the PDF hit a limit: \(why)"
        case .extractorUnavailable(let why): return "cannot run pdftotext: \(why)"
        case .zipBomb(let why): return "the zip would inflate too far: \(why)"
        case .brokenDocx(let why): return "the Word file is damaged: \(why)"
        case .notADocx: return "the zip holds no Word document (word/document.xml)"
        }
    }
}
