/// Reads the text of a Word (.docx) file: the zip, then the WordprocessingML of the main document,
/// one line per paragraph, without LibreOffice.
struct DocxReader {
    var limits = ZipArchive.Limits()

    func read(_ bytes: [UInt8]) throws(FormatError) -> [DocumentLine] {
        let archive = try ZipArchive(bytes, limits: limits)
        let mainPath = try mainDocumentPath(archive)
        guard let main = archive.entry(named: mainPath) else { throw .notADocx }
        let headingLevels = try archive.entry(named: "word/styles.xml").map { e throws(FormatError) in
            Self.headingLevels(styles: try archive.data(of: e))
        } ?? [:]
        return Self.paragraphs(documentXML: try archive.data(of: main), headingLevels: headingLevels)
    }

    /// The main part named by the package relationships (`word/document.xml` in every Word file seen).
    func mainDocumentPath(_ archive: ZipArchive) throws(FormatError) -> String {
        guard let rels = archive.entry(named: "_rels/.rels") else {
            if archive.entry(named: "word/document.xml") != nil { return "word/document.xml" }
            throw .notADocx
        }
        var scanner = MarkupScanner(try archive.data(of: rels), lowercaseNames: false)
        while let token = scanner.next() {
            guard case .start(let name, let attributes, _) = token, name == "Relationship",
                  let type = MarkupScanner.attribute("Type", in: attributes, lowercaseNames: false),
                  type.hasSuffix("/officeDocument"),
                  var target = MarkupScanner.attribute("Target", in: attributes, lowercaseNames: false) else { continue }
            if target.hasPrefix("/") { target.removeFirst() }
            return target
        }
        throw .notADocx
    }

    /// Style id → heading level, from `heading N`/`Title` names and outline levels.
    static func headingLevels(styles: [UInt8]) -> [String: Int] {
        var levels: [String: Int] = [:]
        var scanner = MarkupScanner(styles, lowercaseNames: false)
        var current: String?
        while let token = scanner.next() {
            switch token {
            case .start("w:style", let attributes, _):
                current = MarkupScanner.attribute("w:styleId", in: attributes, lowercaseNames: false)
            case .start("w:name", let attributes, _):
                guard let id = current, let name = MarkupScanner.attribute("w:val", in: attributes, lowercaseNames: false)?.lowercased() else { break }
                if name == "title" { levels[id] = 1 }
                if name.hasPrefix("heading "), let n = Int(name.dropFirst(8)) { levels[id] = n }
            case .start("w:outlineLvl", let attributes, _):
                guard let id = current, levels[id] == nil,
                      let v = MarkupScanner.attribute("w:val", in: attributes, lowercaseNames: false).flatMap({ Int($0) }), v < 9 else { break }
                levels[id] = v + 1
            case .end("w:style"):
                current = nil
            default:
                break
            }
        }
        return levels
    }

    /// One paragraph being read; paragraphs nest when a text box sits inside a paragraph.
    private struct Paragraph {
        var text = ""
        var style: String?
        var centered = false
    }

    /// The document's paragraphs in order; a line break inside a paragraph starts a new line.
    static func paragraphs(documentXML: [UInt8], headingLevels: [String: Int]) -> [DocumentLine] {
        var scanner = MarkupScanner(documentXML, lowercaseNames: false)
        var stack: [Paragraph] = []
        var lines: [DocumentLine] = []
        var inText = false
        var skipDepth = 0   // inside mc:Fallback: the same content again, for old readers
        while let token = scanner.next() {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if skipDepth > 0 {
                    if name == "mc:Fallback", !selfClosing { skipDepth += 1 }
                    continue
                }
                switch name {
                case "mc:Fallback": if !selfClosing { skipDepth = 1 }
                case "w:p": if !selfClosing { stack.append(Paragraph()) }
                case "w:t": inText = !selfClosing
                case "w:pStyle":
                    if !stack.isEmpty { stack[stack.count - 1].style = MarkupScanner.attribute("w:val", in: attributes, lowercaseNames: false) }
                case "w:jc":
                    let v = MarkupScanner.attribute("w:val", in: attributes, lowercaseNames: false)
                    if !stack.isEmpty, v == "center" { stack[stack.count - 1].centered = true }
                case "w:tab", "w:ptab":
                    if !stack.isEmpty { stack[stack.count - 1].text += " " }
                case "w:br", "w:cr":
                    let type = MarkupScanner.attribute("w:type", in: attributes, lowercaseNames: false)
                    if !stack.isEmpty, type == nil || type == "textWrapping" { stack[stack.count - 1].text += "\n" }
                case "w:noBreakHyphen":
                    if !stack.isEmpty { stack[stack.count - 1].text += "-" }
                default: break
                }
            case .end(let name):
                if skipDepth > 0 {
                    if name == "mc:Fallback" { skipDepth -= 1 }
                    continue
                }
                if name == "w:t" { inText = false }
                if name == "w:p", let p = stack.popLast() {
                    let role: DocumentLine.Role = p.style.flatMap { headingLevels[$0] ?? builtInHeadingLevel($0) }.map { .heading($0) }
                        ?? (p.centered ? .centered : .paragraph)
                    for piece in p.text.split(separator: "\n") {
                        let text = String(piece).trimmingLayoutSpaces()
                        if !text.isEmpty { lines.append(DocumentLine(text, role: role)) }
                    }
                }
            case .text(let raw):
                if inText, skipDepth == 0, !stack.isEmpty { stack[stack.count - 1].text += MarkupText.decode(raw) }
            }
        }
        return lines
    }

    /// Heading style ids when styles.xml is missing: `Heading1`, `Title`.
    static func builtInHeadingLevel(_ styleID: String) -> Int? {
        if styleID == "Title" { return 1 }
        guard styleID.hasPrefix("Heading"), let n = Int(styleID.dropFirst(7)) else { return nil }
        return n
    }
}
