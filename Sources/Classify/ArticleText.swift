import ReportModel
import Characters

/// An article's text as one folded scalar buffer cut into sentences, the unit of evidence.
///
/// The title comes first, as its own sentence; each paragraph is split after `。！？；!?;` (and any
/// closing quotes or brackets right after them). Paragraphs are separated by a newline so no cue
/// matches across a paragraph break. `original` keeps the unfolded scalars so evidence is quoted
/// exactly as written.
struct ArticleText {
    /// One sentence: its scalar range (without surrounding whitespace) and whether it is the title.
    struct Sentence {
        var start: Int
        var end: Int
        var isTitle: Bool
    }

    /// Folded scalars (see `PatternMatcher.fold`), what the matcher reads.
    let folded: [UInt32]
    /// The same scalars as written.
    let original: [Unicode.Scalar]
    let sentences: [Sentence]
    /// Sentence index of each scalar (-1 on separators).
    let sentenceOf: [Int32]
    /// Han characters in the body (not the title): the article's length in the units that matter.
    let hanCount: Int

    init(title: String?, paragraphs: [String]) {
        var original: [Unicode.Scalar] = []
        var sentences: [Sentence] = []
        var hanCount = 0
        if let title, !title.isEmpty {
            ArticleText.append(title, to: &original, sentences: &sentences, isTitle: true, han: &hanCount)
            hanCount = 0
        }
        for paragraph in paragraphs {
            ArticleText.append(paragraph, to: &original, sentences: &sentences, isTitle: false, han: &hanCount)
        }
        var sentenceOf = [Int32](repeating: -1, count: original.count)
        for (index, sentence) in sentences.enumerated() {
            for position in sentence.start..<sentence.end { sentenceOf[position] = Int32(index) }
        }
        self.original = original
        self.folded = original.map { PatternMatcher.fold($0.value) }
        self.sentences = sentences
        self.sentenceOf = sentenceOf
        self.hanCount = hanCount
    }

    /// The sentence as written, for evidence.
    func text(of sentence: Int) -> String {
        string(sentences[sentence].start, sentences[sentence].end)
    }

    /// The scalars in `start..<end` as a string (encoded by hand: much faster than a scalar view).
    func string(_ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((end - start) * 3)
        for scalar in original[start..<end] { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one paragraph (after a newline separator) and records its sentences.
    private static func append(_ paragraph: String, to buffer: inout [Unicode.Scalar], sentences: inout [Sentence],
                               isTitle: Bool, han: inout Int) {
        if !buffer.isEmpty { buffer.append("\n") }
        let scalars = paragraph.scalarArray
        var start = 0
        var index = 0
        func close(_ end: Int) {
            var from = start
            var to = end
            while from < to, CharacterClass.isWhitespace(scalars[from]) { from += 1 }
            while to > from, CharacterClass.isWhitespace(scalars[to - 1]) { to -= 1 }
            if to > from {
                sentences.append(Sentence(start: buffer.count + from, end: buffer.count + to, isTitle: isTitle))
            }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if CharacterClass.isHan(scalar) { han += 1 }
            index += 1
            if !isTitle, isSentenceEnd(scalar) {
                while index < scalars.count, isCloser(scalars[index]) || isSentenceEnd(scalars[index]) { index += 1 }
                close(index)
            }
        }
        close(scalars.count)
        buffer.append(contentsOf: scalars)
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "!", "?", ";": return true
        default: return false
        }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "）", ")", "】", "》", "\"": return true
        default: return false
        }
    }
}
