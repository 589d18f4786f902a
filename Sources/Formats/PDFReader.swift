/// Reads a PDF's text with poppler's word boxes and rebuilds paragraphs from the geometry.
struct PDFReader {
    var limits: PDFExtractorLimits

    func read(_ bytes: [UInt8]) throws(FormatError) -> [DocumentLine] {
        // Every complete PDF ends with %%EOF; poppler would quietly read what is left of a cut-off one.
        guard Self.containsASCII("%%EOF", in: bytes.suffix(2048)) else { throw .brokenPDF("the file is cut off (no %%EOF at its end)") }
        let xhtml = try PopplerProcess(limits: limits).wordBoxes(of: bytes)
        let pages = PDFBoxDocument.parse(xhtml)
        guard !pages.isEmpty else { throw .brokenPDF("poppler found no pages") }
        guard pages.contains(where: { !$0.words.isEmpty }) else { throw .noTextLayer }
        let lines = PDFLayout().lines(pages: pages)
        guard !lines.isEmpty else { throw .noTextLayer }
        return lines
    }

    static func containsASCII(_ needle: String, in bytes: ArraySlice<UInt8>) -> Bool {
        let n = Array(needle.utf8)
        let b = Array(bytes)
        guard b.count >= n.count else { return false }
        for i in 0...(b.count - n.count) where b[i] == n[0] && b[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }
}
