import Characters

/// One printed line of the input, with what the repairs learn about it on the way.
struct PhysicalLine: Sendable, Equatable {
    /// The text without leading and trailing white space.
    var scalars: [Unicode.Scalar]
    /// A blank line, a form feed or the start of the text comes before it: a block starts here.
    var startsBlock: Bool
    /// Leading white space in half-ems (an ideographic space counts 2), plus glyphs the extractor lost
    /// (NUL where an emoji was): room on the printed line that the text no longer shows.
    var indent: Int
    /// Printed in fake bold: its doubled runs were undone, or poppler fragments were merged into it.
    var bold: Bool = false

    init(scalars: [Unicode.Scalar], startsBlock: Bool, indent: Int = 0, bold: Bool = false) {
        self.scalars = scalars
        self.startsBlock = startsBlock
        self.indent = indent
        self.bold = bold
    }
}

/// Splits decoded text into printed lines: drops blank lines but remembers them as block starts.
enum LineReader {
    static func read(_ text: String) -> [PhysicalLine] {
        var lines: [PhysicalLine] = []
        var current: [Unicode.Scalar] = []
        current.reserveCapacity(256)
        var pendingBlock = true
        var lost = 0

        func flush() {
            var start = 0
            var indent = lost
            lost = 0
            while start < current.count, CharacterClass.isSpace(current[start]) {
                indent += current[start] == "\u{3000}" ? 2 : 1
                start += 1
            }
            var end = current.count
            while end > start, CharacterClass.isSpace(current[end - 1]) { end -= 1 }
            if start == end {
                pendingBlock = true
            } else {
                lines.append(PhysicalLine(scalars: Array(current[start..<end]), startsBlock: pendingBlock, indent: indent))
                pendingBlock = false
            }
            current.removeAll(keepingCapacity: true)
        }

        for s in text.unicodeScalars {
            switch s {
            case "\n":
                flush()
            case "\u{0C}":  // a page ends: like a blank line
                flush()
                pendingBlock = true
            case "\r", "\u{FEFF}", "\u{200B}":
                continue
            case "\u{0}":  // a glyph the font lacked (emoji): gone, but it took room on the line
                lost += 2
            default:
                // Other control characters are extraction noise.
                if s.value < 0x20 && s != "\t" { continue }
                current.append(s)
            }
        }
        flush()
        return lines
    }
}
