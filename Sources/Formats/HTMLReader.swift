import Characters

/// Reads a saved web page: keeps the article (headline, metadata lines, paragraphs) and drops
/// navigation, breadcrumbs, sidebars, share bars, footers, scripts and styles.
struct HTMLReader {
    /// An element of the page, with its children in order.
    struct Node {
        var name: String
        /// `class` and `id`, lowercased, for telling page furniture from content.
        var classAndID: String
        var centered: Bool
        var parent: Int
        var children: [Child] = []
    }

    enum Child {
        case node(Int)
        case text(String)
    }

    static let voidElements: Set<String> = ["br", "img", "meta", "link", "input", "hr", "wbr", "area", "base", "col",
                                            "embed", "source", "track", "param", "keygen"]
    /// Elements that are never article text.
    static let furnitureElements: Set<String> = ["head", "title", "script", "style", "noscript", "template", "svg", "iframe",
                                                 "form", "select", "button", "textarea", "nav", "aside", "footer", "object",
                                                 "canvas", "video", "audio", "map", "menu", "label"]
    static let blockElements: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
                                             "td", "th", "tbody", "thead", "blockquote", "section", "article", "main", "header",
                                             "dl", "dt", "dd", "pre", "figure", "figcaption", "center", "address", "hr", "body"]
    /// Class/id words of page furniture (matched as whole words of the class or id).
    static let furnitureWords: Set<String> = ["nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar",
                                              "side", "aside", "footer", "foot", "topbar", "toolbar", "share", "comment", "comments",
                                              "related", "recommend", "hot", "copyright", "pages", "pagination", "pager", "login",
                                              "search", "ad", "ads", "advert", "logo", "print", "qrcode", "bdshare", "tags", "location", "position"]
    /// Class/id fragments of page furniture, matched anywhere (`mainnav`, `right-sidebar`).
    static let furnitureFragments = ["breadcrumb", "sidebar", "footer", "navbar", "copyright", "recommend", "comment", "share"]

    /// Lines of page chrome that survive inside the article block: copyright, licence numbers.
    static let footerMarks = ["版权所有", "©", "Copyright", "copyright", "ICP备", "ICP证", "公网安备", "许可证编号", "违法和不良信息举报",
                              "All Rights Reserved", "主办单位：", "承办单位：", "网站标识码", "技术支持："]
    /// Labels of the site's own info line (date · source · editor), kept apart from the report's text.
    static let infoLabels = ["来源：", "来源:", "作者：", "作者:", "责任编辑", "编辑：", "发布时间", "发布日期", "浏览次数", "阅读次数", "点击数", "字号："]

    /// The text of the page's `<title>` element, if any (at most 200 characters).
    static func titleElement(_ html: String) -> String? {
        var scanner = MarkupScanner(Array(html.utf8), lowercaseNames: true,
                                    rawTextElements: ["script", "style", "textarea", "title", "noscript", "template"])
        var inTitle = false
        while let token = scanner.next() {
            switch token {
            case .start(let name, _, let selfClosing):
                if name == "title", !selfClosing { inTitle = true }
                if name == "body" { return nil }
            case .text(let raw):
                guard inTitle else { continue }
                let text = collapse(Array(MarkupText.decode(raw).unicodeScalars))
                return text.isEmpty || text.count > 200 ? nil : text
            case .end(let name):
                if name == "title" { inTitle = false }
            }
        }
        return nil
    }

    func read(_ html: String) -> [DocumentLine] { readPage(html).lines }

    /// The article's lines, and apart from them the site's info lines (date · source · author · editor),
    /// which are not the report's text but say who wrote and edited it and when.
    func readPage(_ html: String) -> (lines: [DocumentLine], metadata: [String]) {
        let nodes = Self.parse(html)
        guard !nodes.isEmpty else { return ([], []) }
        var furniture = [Bool](repeating: false, count: nodes.count)
        for (i, node) in nodes.enumerated() where i > 0 {
            furniture[i] = furniture[node.parent] || Self.isFurniture(node, nodes: nodes)
        }
        Self.markLinkLists(nodes, furniture: &furniture)
        var textLength = [Int](repeating: 0, count: nodes.count)
        var paragraphText = [Int](repeating: 0, count: nodes.count)
        var hasH1 = [Bool](repeating: false, count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where !furniture[i] {
            for child in nodes[i].children {
                switch child {
                case .text(let t):
                    // Text straight inside a block (lines split by <br>) is body text too.
                    let n = Self.visibleCount(t)
                    textLength[i] += n
                    paragraphText[i] += n
                case .node(let c) where !furniture[c]:
                    textLength[i] += textLength[c]
                    hasH1[i] = hasH1[i] || hasH1[c] || nodes[c].name == "h1"
                    if nodes[c].name == "p" || nodes[c].name == "div" && nodes[c].children.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
                        paragraphText[i] += textLength[c]
                    }
                default: break
                }
            }
        }
        // The block with the most paragraph text is the body; climb to take in the headline and the
        // article's metadata lines, but not a page's worth of other text.
        guard let body = paragraphText.indices.max(by: { paragraphText[$0] < paragraphText[$1] }), paragraphText[body] > 0 else {
            return Self.finish(Self.lines(of: 0, nodes: nodes, furniture: furniture), bodyStart: nil)
        }
        var container = body
        for _ in 0..<6 {
            let parent = nodes[container].parent
            guard parent >= 0, container != 0 else { break }
            let extra = textLength[parent] - textLength[container]
            if extra <= 300 || (hasH1[0] && !hasH1[container] && extra <= 1500) { container = parent } else { break }
        }
        var lines = Self.lines(of: container, nodes: nodes, furniture: furniture, marking: body)
        let bodyStart = lines.firstIndex { $0.fromBody }
        lines = lines.map { var l = $0; l.fromBody = false; return l }
        return Self.finish(lines, bodyStart: bodyStart)
    }

    static let listBlocks: Set<String> = ["div", "ul", "ol", "table", "section", "dl", "p", "td", "span"]

    /// Blocks that are mostly links (menus, "more news" lists, prev/next bars without a telling
    /// class) are furniture too: three links or more, or two that are all the block says.
    static func markLinkLists(_ nodes: [Node], furniture: inout [Bool]) {
        var text = [Int](repeating: 0, count: nodes.count)
        var linked = [Int](repeating: 0, count: nodes.count)
        var links = [Int](repeating: 0, count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where !furniture[i] {
            for child in nodes[i].children {
                switch child {
                case .text(let t):
                    let n = visibleCount(t)
                    text[i] += n
                    if nodes[i].name == "a" { linked[i] += n }
                case .node(let c) where !furniture[c]:
                    text[i] += text[c]
                    linked[i] += nodes[i].name == "a" ? text[c] : linked[c]
                    links[i] += links[c] + (nodes[c].name == "a" ? 1 : 0)
                default: break
                }
            }
        }
        for i in nodes.indices where !furniture[i] && listBlocks.contains(nodes[i].name) && text[i] > 0 {
            let density = Double(linked[i]) / Double(text[i])
            if (links[i] >= 3 && density >= 0.7) || (links[i] == 2 && density >= 0.9) { furniture[i] = true }
        }
    }

    /// Drops page chrome lines and puts the article's header lines (between the headline and the
    /// body) above the headline, where printed reports have their metadata lines.
    static func finish(_ raw: [MarkedLine], bodyStart: Int?) -> (lines: [DocumentLine], metadata: [String]) {
        var lines: [DocumentLine] = []
        var metadata: [String] = []
        var header: [DocumentLine] = []
        var headlineAt: Int?
        for (i, marked) in raw.enumerated() {
            let line = marked.line
            // Only short lines can be chrome or an info line; test the length first, in UTF-8 bytes
            // (cheap), so a page of long paragraphs costs no substring searches.
            let short = line.text.utf8.count < 150 || line.text.utf8.count < 600 && line.text.unicodeScalars.count < 150
            let bytes = short ? Array(line.text.utf8) : []
            if short, footerMarkBytes.contains(where: { WebPage.contains(bytes, $0) }) { continue }
            if short, WebPage.contains(bytes, editorLabelBytes) || infoLabelBytes.filter({ WebPage.contains(bytes, $0) }).count >= 2 {
                metadata.append(line.text)
                continue
            }
            if let h = headlineAt, let b = bodyStart, i > h, i < b, line.role == .paragraph, lines.count == h + 1 {
                header.append(line)
                continue
            }
            if headlineAt == nil, case .heading(1) = line.role, bodyStart.map({ i < $0 }) ?? false { headlineAt = lines.count }
            lines.append(line)
        }
        if let h = headlineAt, !header.isEmpty { lines.insert(contentsOf: header, at: h) }
        return (lines, metadata)
    }

    // The marks as UTF-8, searched in bytes: `String.contains` costs a searcher per call, and a
    // page has thousands of lines.
    static let footerMarkBytes = footerMarks.map { Array($0.utf8) }
    static let infoLabelBytes = infoLabels.map { Array($0.utf8) }
    static let editorLabelBytes = Array("责任编辑".utf8)

    /// A line with whether it came from the body block.
    struct MarkedLine {
        var line: DocumentLine
        var fromBody: Bool
    }

    /// The text lines under a node: block elements and `<br>` end lines.
    static func lines(of root: Int, nodes: [Node], furniture: [Bool], marking body: Int = -1) -> [MarkedLine] {
        var out: [MarkedLine] = []
        var buffer: [Unicode.Scalar] = []
        var role = DocumentLine.Role.paragraph
        var inBody = false
        func flush() {
            let text = collapse(buffer)
            buffer.removeAll(keepingCapacity: true)
            if !text.isEmpty { out.append(MarkedLine(line: DocumentLine(text, role: role), fromBody: inBody)) }
            role = .paragraph
        }
        func walk(_ i: Int) {
            let node = nodes[i]
            let block = blockElements.contains(node.name)
            if block { flush() }
            if i == body { inBody = true }
            if node.name.count == 2, node.name.first == "h", let level = Int(node.name.dropFirst()) {
                role = .heading(level)
            } else if block, node.centered, node.name == "p" || node.name == "div" || node.name == "center" {
                role = .centered
            }
            for child in node.children {
                switch child {
                case .text(let t): buffer.append(contentsOf: t.unicodeScalars)
                case .node(let c):
                    if furniture[c] { continue }
                    if nodes[c].name == "br" { flush() } else { walk(c) }
                }
            }
            if block { flush() }
            if i == body { inBody = false }
        }
        walk(root)
        return out
    }

    /// White space as a browser shows it: runs become one space, a line break between two CJK
    /// characters disappears (CSS segment-break rules), and the ends are trimmed.
    static func collapse(_ scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" {
                var j = i
                var newline = false
                while j < n, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\n" || scalars[j] == "\r" || scalars[j] == "\u{0C}" {
                    if scalars[j] == "\n" || scalars[j] == "\r" { newline = true }
                    j += 1
                }
                let before = out.last
                let after = j < n ? scalars[j] : nil
                let dropBreak = newline && before.map(CharacterClass.isWide) == true && after.map(CharacterClass.isWide) == true
                if !dropBreak, before != nil, after != nil { out.append(" ") }
                i = j
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out).trimmingLayoutSpaces()
    }

    /// Characters a reader sees (no white space), to weigh blocks.
    static func visibleCount(_ t: String) -> Int {
        // CharacterClass's table, not `properties.isWhitespace`: that lookup was a sixth of the time
        // `renewald check` spent on a 5 MB page.
        var n = 0
        for s in t.unicodeScalars where !CharacterClass.isWhitespace(s) { n += 1 }
        return n
    }

    static func isFurniture(_ node: Node, nodes: [Node]) -> Bool {
        if furnitureElements.contains(node.name) { return true }
        guard !node.classAndID.isEmpty else { return false }
        let words = node.classAndID.split { !($0.isLetter || $0.isNumber) }
        if words.contains(where: { furnitureWords.contains(String($0)) }) { return true }
        if furnitureFragments.contains(where: { node.classAndID.contains($0) }) { return true }
        // A page header holds the logo and menus; an article's own <header> holds its headline.
        if node.name == "header" || words.contains("header") || words.contains("head") || words.contains("top") {
            return !containsHeadline(node, nodes: nodes)
        }
        return false
    }

    static func containsHeadline(_ node: Node, nodes: [Node]) -> Bool {
        for child in node.children {
            if case .node(let c) = child, nodes[c].name == "h1" || containsHeadline(nodes[c], nodes: nodes) { return true }
        }
        return false
    }

    /// How deep elements nest before further ones are kept as leaves of the deepest: real pages nest
    /// a few dozen deep; a page of unclosed tags would otherwise make every later step recurse (and
    /// search the open elements) as deep as the page is long.
    static let maximumDepth = 256

    /// A forgiving tree: unknown end tags are ignored, `<p>` closes at the next block, and
    /// unclosed elements close with their parent. Node 0 is the document. Linear in the page: the
    /// open elements are at most `maximumDepth` deep and an end tag searches them only when an
    /// element of its name is open.
    static func parse(_ html: String) -> [Node] {
        var nodes = [Node(name: "#document", classAndID: "", centered: false, parent: -1)]
        var open = [0]
        // How many elements of each name are open, so an end tag with none open costs nothing.
        var openCount: [String: Int] = [:]
        func pop(from index: Int) {
            for k in open[index...] { openCount[nodes[k].name, default: 1] -= 1 }
            open.removeSubrange(index...)
        }
        var scanner = MarkupScanner(Array(html.utf8), lowercaseNames: true,
                                    rawTextElements: ["script", "style", "textarea", "title", "noscript", "template"])
        let closesP: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote",
                                    "section", "article", "header", "footer", "nav", "aside", "pre", "dl", "form", "figure", "hr"]
        while let token = scanner.next() {
            switch token {
            case .text(let raw):
                nodes[open[open.count - 1]].children.append(.text(MarkupText.decode(raw)))
            case .start(let name, let attributes, let selfClosing):
                if closesP.contains(name), let top = open.last, nodes[top].name == "p" { pop(from: open.count - 1) }
                if name == "li", openCount["li", default: 0] > 0,
                   let idx = open.lastIndex(where: { nodes[$0].name == "li" || nodes[$0].name == "ul" || nodes[$0].name == "ol" }),
                   nodes[open[idx]].name == "li" { pop(from: idx) }
                let classAndID = ((MarkupScanner.attribute("class", in: attributes) ?? "") + " " + (MarkupScanner.attribute("id", in: attributes) ?? ""))
                    .lowercased().trimmingLayoutSpaces()
                // Only a tag with a style is searched: `String.contains` sets up a searcher per call, which
                // on every tag of a 5 MB page was a third of reading it.
                let style = MarkupScanner.attribute("style", in: attributes).map { $0.lowercased().replacingOccurrences(" ", "") }
                let centered = style.map { $0.contains("text-align:center") } ?? false
                    || MarkupScanner.attribute("align", in: attributes)?.lowercased() == "center"
                let parent = open[open.count - 1]
                nodes.append(Node(name: name, classAndID: classAndID, centered: centered, parent: parent))
                let index = nodes.count - 1
                nodes[parent].children.append(.node(index))
                if !selfClosing, !voidElements.contains(name), open.count < maximumDepth {
                    open.append(index)
                    openCount[name, default: 0] += 1
                }
            case .end(let name):
                guard openCount[name, default: 0] > 0 else { continue }
                if let idx = open.lastIndex(where: { nodes[$0].name == name }), idx > 0 { pop(from: idx) }
            }
        }
        return nodes
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
