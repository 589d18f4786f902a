/// Character references in markup text.
enum MarkupText {
    /// The named entities saved pages use; anything else stays as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©",
        "reg": "®", "trade": "™", "middot": "·", "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "times": "×", "divide": "÷", "deg": "°", "plusmn": "±",
        "laquo": "«", "raquo": "»", "bull": "•", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "yen": "¥", "sect": "§", "permil": "‰", "le": "≤", "ge": "≥", "rarr": "→", "larr": "←",
    ]

    /// UTF-8 text with `&name;`, `&#NNN;` and `&#xHH;` replaced.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            guard b == 0x26 else { out.append(b); i += 1; continue }
            var j = i + 1
            while j < end, j - i <= 12, bytes[j] != 0x3B, bytes[j] != 0x26, bytes[j] != 0x20 { j += 1 }
            if j < end, bytes[j] == 0x3B, let replacement = resolve(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                out.append(contentsOf: replacement.utf8)
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func resolve(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32? = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
            return String(Character(scalar))
        }
        return named[name] ?? named[name.lowercased()]
    }
}
