import ReportModel

/// Why a file's bytes could not be read as a report's text.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case binary(String)
    case undecodable

    /// A short stable code for the failed list and the journal.
    public var code: FailureCode {
        switch self {
        case .empty: return .empty
        case .binary: return .binary
        case .undecodable: return .undecodable
        }
    }

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case .binary(let what): return "the file is binary (\(what)), not text"
        case .undecodable: return "the text is in no encoding renewald reads (UTF-8, UTF-16 with BOM, GB18030)"
        }
    }
}

extension FailureCode {
    public static let empty = FailureCode("empty")
    public static let binary = FailureCode("binary")
    public static let undecodable = FailureCode("undecodable")
}
