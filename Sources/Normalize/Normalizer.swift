/// Text after the repairs: one logical line per paragraph or structure line.
public struct NormalizedText: Sendable, Equatable {
    /// Paragraphs and structure lines (titles, bylines, footers), in reading order, never empty.
    public var lines: [String]
    /// What was repaired, in words a person understands.
    public var warnings: [String]

    public init(lines: [String], warnings: [String] = []) {
        self.lines = lines
        self.warnings = warnings
    }
}

/// Undoes what extraction, encodings and editors did to a report's text.
public struct Normalizer: Sendable {
    public init() {}

    public func normalize(_ text: String) -> NormalizedText {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces()
            if !line.isEmpty { lines.append(line) }
        }
        return NormalizedText(lines: lines)
    }
}

extension Substring {
    /// Without leading and trailing white space (ASCII, ideographic space, NBSP).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
