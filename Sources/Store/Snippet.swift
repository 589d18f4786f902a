import ChineseScript

/// A short excerpt around the first match, with every matched term wrapped in 【】.
///
/// Works on Unicode scalars with ASCII-only case folding: a search cuts twenty of these per
/// request, and walking grapheme clusters with `lowercased()` per character dominated the search.
public enum Snippet {
    public static func make(text: String, terms: [String], radius: Int = 40) -> String {
        let scalars = Array(text.unicodeScalars)
        let needles = terms.filter { !$0.isEmpty }.map { $0.unicodeScalars.map(fold) }.sorted { $0.count > $1.count }
        func prefix() -> String { String(String.UnicodeScalarView(scalars.prefix(radius * 2))) }
        guard !needles.isEmpty, !scalars.isEmpty else { return prefix() }

        func match(at i: Int) -> Int? {
            for needle in needles where i + needle.count <= scalars.count {
                var k = 0
                while k < needle.count && fold(scalars[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return k }
            }
            return nil
        }
        var first = 0
        while first < scalars.count, match(at: first) == nil { first += 1 }
        if first == scalars.count { return prefix() }
        let start = max(0, first - radius / 2)
        let end = min(scalars.count, start + radius * 2)
        var out = String.UnicodeScalarView()
        if start > 0 { out.append("…") }
        var i = start
        while i < end {
            if let length = match(at: i) {
                out.append("【")
                out.append(contentsOf: scalars[i..<min(scalars.count, i + length)])
                out.append("】")
                i += length
            } else {
                out.append(scalars[i] == "\n" ? " " : scalars[i])   // paragraphs run on in one line
                i += 1
            }
        }
        if end < scalars.count { out.append("…") }
        return String(out)
    }

    @inline(__always)
    /// ASCII case and traditional characters folded, as the index folds them (`物業` highlights for `物业`).
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(s.value) ? Unicode.Scalar(s.value + 0x20)! : SimplifiedChinese.fold(s)
    }
}
