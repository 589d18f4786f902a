/// Text read from a file's bytes, with what was found out on the way.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    /// `utf-8`, `utf-16le`, `utf-16be`, `gb18030`.
    public var encoding: String
    /// `text`, `html`, … (see `FileFormat`).
    public var format: FileFormat
    public var warnings: [String]

    public init(text: String, encoding: String, format: FileFormat = .text, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.format = format
        self.warnings = warnings
    }
}

/// The formats the bytes can reveal, whatever the file is called.
public enum FileFormat: String, Sendable, Equatable {
    case text, html, pdf, docx, zip, binary
}

/// Why a file's bytes could not be read as a report's text.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case binary(String)
    case undecodable
    case unsupportedFormat(FileFormat)

    /// A short stable code for the failed list and the journal.
    public var code: String {
        switch self {
        case .empty: return "empty"
        case .binary: return "binary"
        case .undecodable: return "undecodable"
        case .unsupportedFormat: return "unsupported_format"
        }
    }

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary(let what): return "the file is binary (\(what)), not text"
        case .undecodable: return "the text is in no encoding renewald reads (UTF-8, UTF-16 with BOM, GB18030)"
        case .unsupportedFormat(let f): return "\(f.rawValue) files are not read yet"
        }
    }
}
