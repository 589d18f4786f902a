/// A word as poppler's `pdftotext -bbox-layout` reports it: text and box in points, y down.
struct PDFWord: Equatable {
    var page: Int
    var x0: Double
    var top: Double
    var x1: Double
    var bottom: Double
    var text: String

    /// The font size, as the box height.
    var size: Double { bottom - top }
}

/// A page of words, with the page's size.
struct PDFPage: Equatable {
    var width: Double
    var height: Double
    var words: [PDFWord]
}

/// Parses the XHTML that `pdftotext -bbox-layout` writes: pages and their words. Flows, blocks and
/// lines are poppler's guesses and are ignored; the layout is rebuilt from the word boxes.
enum PDFBoxDocument {
    static func parse(_ xhtml: [UInt8]) -> [PDFPage] {
        var scanner = MarkupScanner(xhtml, lowercaseNames: true)
        var pages: [PDFPage] = []
        var word: PDFWord?
        var text = ""
        func number(_ name: String, _ attributes: ArraySlice<UInt8>) -> Double {
            MarkupScanner.attribute(name, in: attributes).flatMap { Double($0) } ?? 0
        }
        while let token = scanner.next() {
            switch token {
            case .start("page", let a, _):
                pages.append(PDFPage(width: number("width", a), height: number("height", a), words: []))
            case .start("word", let a, let selfClosing):
                guard !pages.isEmpty, !selfClosing else { break }
                word = PDFWord(page: pages.count - 1, x0: number("xmin", a), top: number("ymin", a),
                               x1: number("xmax", a), bottom: number("ymax", a), text: "")
                text = ""
            case .text(let raw):
                if word != nil { text += MarkupText.decode(raw) }
            case .end("word"):
                if var w = word {
                    w.text = text.trimmingLayoutSpaces()
                    if !w.text.isEmpty, w.x1 > w.x0, w.bottom > w.top { pages[pages.count - 1].words.append(w) }
                }
                word = nil
            default:
                break
            }
        }
        return pages
    }
}
