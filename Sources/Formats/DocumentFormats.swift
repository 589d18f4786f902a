/// The registry of document formats, asked in order; the first that recognises a file reads it.
public enum DocumentFormats {
    public static let all: [any DocumentFormat] = [
        PDFDocument(),
        WordDocument(),
        WebPage(),
    ]

    /// The format that recognises the bytes, or nil for plain text.
    public static func recognizing(_ bytes: [UInt8]) -> (any DocumentFormat)? {
        all.first { $0.recognizes(bytes) }
    }
}
