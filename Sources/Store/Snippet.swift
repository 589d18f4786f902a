/// A short excerpt around the first match, with every matched term wrapped in 【】.
public enum Snippet {
    public static func make(text: String, terms: [String], radius: Int = 40) -> String {
        let chars = Array(text)
        let lowered = chars.map { Character(String($0).lowercased()) }
        let needles = terms.filter { !$0.isEmpty }.map { Array($0.lowercased()) }.sorted { $0.count > $1.count }
        guard !needles.isEmpty, !chars.isEmpty else { return String(chars.prefix(radius * 2)) }

        func match(at i: Int) -> Int? {
            for needle in needles where i + needle.count <= lowered.count {
                var ok = true
                for k in 0..<needle.count where lowered[i + k] != needle[k] { ok = false; break }
                if ok { return needle.count }
            }
            return nil
        }
        var first = 0
        while first < chars.count, match(at: first) == nil { first += 1 }
        if first == chars.count { return String(chars.prefix(radius * 2)) }
        let start = max(0, first - radius / 2)
        let end = min(chars.count, start + radius * 2)
        var out = start > 0 ? "…" : ""
        var i = start
        while i < end {
            if let length = match(at: i) {
                out += "【" + String(chars[i..<min(chars.count, i + length)]) + "】"
                i += length
            } else {
                out.append(chars[i]); i += 1
            }
        }
        if end < chars.count { out += "…" }
        return out
    }
}
