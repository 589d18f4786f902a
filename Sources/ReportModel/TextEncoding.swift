/// The character encoding a report's text was read in (`source.encoding`).
public struct TextEncoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Also what PDF and Word files report: their text is Unicode inside.
    public static let utf8 = TextEncoding("utf-8")
    public static let utf16LE = TextEncoding("utf-16le")
    public static let utf16BE = TextEncoding("utf-16be")
    /// GB18030, read for GBK and GB2312 too (its subsets).
    public static let gb18030 = TextEncoding("gb18030")
}
