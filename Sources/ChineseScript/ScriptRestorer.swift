/// Puts strings found in the simplified form of a text back into the script the text was written in.
///
/// Built from aligned pairs (a line or paragraph in simplified form and as written, with the same
/// number of scalars, as `SimplifiedChinese.simplified` guarantees). A string that is one of the
/// simplified lines, or lies inside one, is restored exactly from the same scalar range; a string made
/// of several lines (a title broken over two) character by character, each simplified character back
/// to the traditional one it most often stood for in this text.
public struct ScriptRestorer {
    private var pairs: [(simplified: [Unicode.Scalar], original: [Unicode.Scalar])] = []
    private var whole: [String: String] = [:]
    private var back: [Unicode.Scalar: Unicode.Scalar] = [:]

    public init(simplified: [String], original: [String]) {
        var votes: [Unicode.Scalar: [Unicode.Scalar: Int]] = [:]
        for (s, o) in zip(simplified, original) {
            let ss = Array(s.unicodeScalars), os = Array(o.unicodeScalars)
            guard ss.count == os.count else { continue }
            pairs.append((ss, os))
            if whole[s] == nil { whole[s] = o }
            // Lines are trimmed before they become paragraphs: a trimmed line is found whole too.
            let trimmed = Self.trimmed(ss)
            if trimmed.count < ss.count {
                let key = String(String.UnicodeScalarView(ss[trimmed]))
                if whole[key] == nil { whole[key] = String(String.UnicodeScalarView(os[trimmed])) }
            }
            for (a, b) in zip(ss, os) where a != b { votes[a, default: [:]][b, default: 0] += 1 }
        }
        for (simplifiedScalar, counts) in votes {
            back[simplifiedScalar] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.value > $1.key.value }?.key
        }
    }

    /// Whether there is anything to restore from (no aligned pairs were given).
    public var isEmpty: Bool { pairs.isEmpty }

    /// The string as written in the original text.
    public func restore(_ text: String) -> String {
        guard !pairs.isEmpty, !text.isEmpty else { return text }
        if let exact = whole[text] { return exact }
        let needle = Array(text.unicodeScalars)
        for pair in pairs where pair.simplified.count >= needle.count {
            if let at = Self.find(needle, in: pair.simplified) {
                return String(String.UnicodeScalarView(pair.original[at..<at + needle.count]))
            }
        }
        var out = String.UnicodeScalarView()
        for scalar in needle { out.append(back[scalar] ?? scalar) }
        return String(out)
    }

    /// The restorer's function applied to an optional string.
    public func restore(_ text: String?) -> String? { text.map { restore($0) } }

    private static func trimmed(_ scalars: [Unicode.Scalar]) -> Range<Int> {
        var lo = 0, hi = scalars.count
        while lo < hi, scalars[lo].properties.isWhitespace || scalars[lo] == "\u{3000}" { lo += 1 }
        while hi > lo, scalars[hi - 1].properties.isWhitespace || scalars[hi - 1] == "\u{3000}" { hi -= 1 }
        return lo..<hi
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
