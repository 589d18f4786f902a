import Decode
import ReportModel

/// Why a PDF, Word file or web page could not be turned into text: a stable code and a reason in
/// the user's words.
///
/// A struct, so each format declares its own failures in its own file (`FormatError.noTextLayer`
/// lives beside the PDF format) and a new format adds no case here.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// For the failed list, the journal and subscribers.
    public var code: FailureCode
    public var description: String

    public init(_ code: FailureCode, _ description: String) {
        self.code = code
        self.description = description
    }

    /// A web page (or other text-based format) whose text could not be decoded.
    public init(_ error: DecodeError) {
        self.init(error.code, error.description)
    }
}
