/// A report's source format (`source.format`): what its bytes were, never what its name said.
///
/// A struct so a new document format declares its own name in its own file.
public struct SourceFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Plain text in one of the encodings `TextEncoding` lists.
    public static let text = SourceFormat("text")
    public static let html = SourceFormat("html")
    public static let pdf = SourceFormat("pdf")
    public static let docx = SourceFormat("docx")
}
