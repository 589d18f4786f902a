import Characters
import ReportModel

/// A line of a document's text with what the file said about it.
public struct DocumentLine: Sendable, Equatable {
    /// What the layout or markup made of the line.
    public enum Role: Sendable, Equatable {
        /// A heading or a line set clearly larger than the body (level 1 is the largest).
        case heading(Int)
        /// A centred short line (bylines, sub-titles).
        case centered
        /// A body paragraph, or anything not known to be more.
        case paragraph
    }

    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .paragraph) {
        self.text = text
        self.role = role
    }
}

/// The text of a PDF, Word file or web page: one paragraph or structure line per line, in reading order.
public struct ExtractedDocument: Sendable, Equatable {
    public var lines: [DocumentLine]
    public var format: SourceFormat
    /// The character encoding the file used (`utf-8` for PDF and Word, whose text is Unicode inside).
    public var encoding: TextEncoding
    public var warnings: [String]
    /// The title the format itself marks: a web page's `<h1>`, a Word heading or Title paragraph, a
    /// PDF's largest line near the top; nil when it marks none.
    public var titleHint: String?
    /// A title from metadata outside the text (a web page's `<title>`, without the site name): used
    /// only when the text shows no title of its own.
    public var fallbackTitle: String?
    /// Lines the reader set apart as the page's metadata (a web page's info line: date, source,
    /// author, editor), not part of `lines`.
    public var metadata: [String]

    public init(lines: [DocumentLine], format: SourceFormat, encoding: TextEncoding = .utf8, warnings: [String] = [],
                titleHint: String? = nil, fallbackTitle: String? = nil, metadata: [String] = []) {
        self.metadata = metadata
        self.lines = lines
        self.format = format
        self.encoding = encoding
        self.warnings = warnings
        self.titleHint = titleHint
        self.fallbackTitle = fallbackTitle
    }

    /// The first level-1 heading among the first lines, the title a Word file or web page marks.
    static func firstHeading(_ lines: [DocumentLine]) -> String? {
        for line in lines.prefix(15) {
            if case .heading(1) = line.role, line.text.count <= 80 { return line.text }
        }
        return nil
    }

    /// The lines as the normaliser takes them: `\n` after each.
    public var text: String {
        var out = ""
        for line in lines { out += line.text; out += "\n" }
        return out
    }
}

extension String {
    /// Without leading and trailing white space, including the ideographic space and NBSP.
    func trimmingLayoutSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !CharacterClass.isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
