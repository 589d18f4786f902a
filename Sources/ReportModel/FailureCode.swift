/// Why a file did not become a report, as the `failed` op, `NAME.reason.json` and the journal's
/// `ERROR_CODE=` spell it.
///
/// A struct, not an enum, so each module (and each document format) declares its own codes next to
/// the errors that carry them: `extension FailureCode { static let brokenPDF = FailureCode("broken_pdf") }`.
public struct FailureCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Larger than `max_file_bytes`.
    public static let tooLarge = FailureCode("too_large")
}
