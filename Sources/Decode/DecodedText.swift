import ReportModel

/// Text read from a file's bytes, with what was found out on the way.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: TextEncoding
    public var warnings: [String]

    public init(text: String, encoding: TextEncoding, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}
