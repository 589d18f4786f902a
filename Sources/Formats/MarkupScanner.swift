/// One piece of markup: a tag, or the text between tags.
enum MarkupToken: Equatable {
    /// `<name attributes>`; `attributes` is the raw text between the name and `>`.
    case start(name: String, attributes: ArraySlice<UInt8>, selfClosing: Bool)
    case end(name: String)
    /// Text with its entities still encoded (see `MarkupText.decode`).
    case text(ArraySlice<UInt8>)
}

/// A tolerant tag tokenizer for HTML and the XML inside Word files: never fails, skips comments,
/// doctypes, processing instructions and the bodies of raw-text elements (script, style).
struct MarkupScanner {
    let bytes: [UInt8]
    /// HTML names are case-insensitive; XML names (`w:p`) keep their case.
    let lowercaseNames: Bool
    /// Elements whose content is not markup and is skipped whole (`script`, `style`).
    let rawTextElements: Set<String>
    private var i = 0

    init(_ bytes: [UInt8], lowercaseNames: Bool, rawTextElements: Set<String> = []) {
        self.bytes = bytes
        self.lowercaseNames = lowercaseNames
        self.rawTextElements = rawTextElements
    }

    mutating func next() -> MarkupToken? {
        let n = bytes.count
        while i < n {
            if bytes[i] != 0x3C {   // text up to the next '<'
                let start = i
                while i < n, bytes[i] != 0x3C { i += 1 }
                return .text(bytes[start..<i])
            }
            // '<' followed by something that cannot start a tag is text.
            guard i + 1 < n else { i += 1; return .text(bytes[(i - 1)..<i]) }
            let c = bytes[i + 1]
            if c == 0x21 {   // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>
                if match("<!--", at: i) {
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                if match("<![CDATA[", at: i) {
                    let start = i + 9
                    let end = find("]]>", from: start) ?? n
                    i = min(n, end + 3)
                    return .text(bytes[start..<end])
                }
                i = find(">", from: i).map { $0 + 1 } ?? n
                continue
            }
            if c == 0x3F {   // <?xml ... ?>
                i = find(">", from: i).map { $0 + 1 } ?? n
                continue
            }
            let closing = c == 0x2F
            let nameStart = i + (closing ? 2 : 1)
            guard nameStart < n, Self.isNameStart(bytes[nameStart]) else {
                i += 1
                return .text(bytes[(i - 1)..<i])
            }
            var j = nameStart
            while j < n, Self.isNameByte(bytes[j]) { j += 1 }
            var name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            if lowercaseNames { name = name.lowercased() }
            // Find the tag's end, skipping '>' inside quoted attribute values.
            var k = j
            var quote: UInt8 = 0
            while k < n {
                let b = bytes[k]
                if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
                k += 1
            }
            let tagEnd = min(k, n)
            i = min(n, k + 1)
            if closing { return .end(name: name) }
            let selfClosing = tagEnd > j && bytes[tagEnd - 1] == 0x2F
            let attributes = bytes[j..<(selfClosing ? tagEnd - 1 : tagEnd)]
            if rawTextElements.contains(name), !selfClosing {
                i = findClosing(name, from: i)
            }
            return .start(name: name, attributes: attributes, selfClosing: selfClosing)
        }
        return nil
    }

    /// Position after `</name>` (any case), or the end of the input.
    private func findClosing(_ name: String, from: Int) -> Int {
        let needle = Array(("</" + name).utf8)
        var p = from
        while p + needle.count <= bytes.count {
            if bytes[p] == 0x3C {
                var ok = true
                for (q, b) in needle.enumerated() where Self.lower(bytes[p + q]) != b { ok = false; break }
                if ok { return find(">", from: p).map { $0 + 1 } ?? bytes.count }
            }
            p += 1
        }
        return bytes.count
    }

    private func match(_ s: String, at p: Int) -> Bool {
        let needle = Array(s.utf8)
        guard p + needle.count <= bytes.count else { return false }
        for (q, b) in needle.enumerated() where Self.lower(bytes[p + q]) != Self.lower(b) { return false }
        return true
    }

    private func find(_ s: String, from: Int) -> Int? {
        let needle = Array(s.utf8)
        var p = from
        while p + needle.count <= bytes.count {
            if bytes[p] == needle[0], match(s, at: p) { return p }
            p += 1
        }
        return nil
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
    static func isNameStart(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// The value of attribute `name` in a start tag's raw attribute text (entities decoded).
    static func attribute(_ name: String, in raw: ArraySlice<UInt8>, lowercaseNames: Bool = true) -> String? {
        let b = Array(raw)
        var p = 0
        let n = b.count
        while p < n {
            while p < n, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D || b[p] == 0x2F { p += 1 }
            let ks = p
            while p < n, b[p] != 0x3D, b[p] != 0x20, b[p] != 0x09, b[p] != 0x0A, b[p] != 0x0D, b[p] != 0x2F { p += 1 }
            var key = String(decoding: b[ks..<p], as: UTF8.self)
            if lowercaseNames { key = key.lowercased() }
            while p < n, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p += 1 }
            var value = ""
            if p < n, b[p] == 0x3D {
                p += 1
                while p < n, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p += 1 }
                if p < n, b[p] == 0x22 || b[p] == 0x27 {
                    let q = b[p]
                    let vs = p + 1
                    p = vs
                    while p < n, b[p] != q { p += 1 }
                    value = MarkupText.decode(b[vs..<min(p, n)])
                    p += 1
                } else {
                    let vs = p
                    while p < n, b[p] != 0x20, b[p] != 0x09, b[p] != 0x0A, b[p] != 0x0D { p += 1 }
                    value = MarkupText.decode(b[vs..<p])
                }
            }
            if key == name { return value }
            if p == ks { p += 1 }
        }
        return nil
    }
}
