import Foundation
import Testing
import Decode
@testable import Normalize
import Characters

/// Measures the normaliser on the shared evaluation corpus (`../shared/corpus`, read at run time) and
/// prints a table: character-bigram F1 of the text, F1 of line starts (the scorer's `paragraphs`), and
/// doubled Han runs left that clean.txt does not have — for every dev report's variants and the seed.
@Suite(.serialized, .enabled(if: CorpusRun.requested, CorpusRun.reason)) struct CorpusTests {
    static let variants = ["pdf-pypdf.txt", "pdf-poppler.txt", "gb18030.txt", "utf16.txt", "fullwidth.txt"]
    static let thresholds = (text: 0.98, starts: 0.9)

    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    struct Case {
        var id: String
        var variant: String
        var input: String
        var clean: [String]
    }

    /// Decodes with the project's Decode stage. A pdf extraction with lost glyphs (NULs) is refused by
    /// Decode's control-character check; the normaliser is still measured on it, as UTF-8, and says so.
    static func read(_ url: URL) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: url))
        do {
            return try TextDecoder().decode(bytes).text
        } catch {
            guard case .binary = error, url.lastPathComponent.contains(".pdf-") else { throw error }
            print("note: Decode refuses \(url.lastPathComponent) (\(error)); measured as UTF-8")
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func devReports() throws -> [String] {
        let dev = corpus.appendingPathComponent("dev")
        guard FileManager.default.fileExists(atPath: dev.path) else {
            throw CorpusMissing(path: dev.path)
        }
        return try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func cleanLines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        for id in try devReports() {
            let clean = try cleanLines(corpus.appendingPathComponent("dev/\(id)/clean.txt"))
            for variant in variants {
                let url = corpus.appendingPathComponent("dev-variants/\(id).\(variant)")
                cases.append(Case(id: id, variant: variant, input: try read(url), clean: clean))
            }
        }
        let seed = corpus.appendingPathComponent("seed")
        cases.append(Case(id: "seed", variant: "raw.txt", input: try read(seed.appendingPathComponent("seed.raw.txt")),
                          clean: try cleanLines(seed.appendingPathComponent("clean.txt"))))
        return cases
    }

    @Test func meetsTheTextParagraphAndDoublingThresholds() throws {
        let normalizer = Normalizer()
        var sums: [String: (text: Double, starts: Double, residue: Int, count: Int)] = [:]
        var table = "case                                      variant          text   starts residue lines\n"
        for c in try Self.cases() {
            let out = normalizer.normalize(c.input).lines
            let text = Metrics.bigramF1(gold: c.clean, predicted: out)
            let starts = Metrics.lineStartF1(gold: c.clean, predicted: out)
            let residue = Metrics.doubledResidue(gold: c.clean, predicted: out)
            var s = sums[c.variant, default: (0, 0, 0, 0)]
            s.text += text
            s.starts += starts
            s.residue += residue
            s.count += 1
            sums[c.variant] = s
            table += c.id.padding(toLength: 42, withPad: " ", startingAt: 0)
                + c.variant.padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(format: "%.3f  %.3f  %d       %d/%d\n", text, starts, residue, out.count, c.clean.count)
        }
        for (variant, s) in sums.sorted(by: { $0.key < $1.key }) {
            let text = s.text / Double(s.count)
            let starts = s.starts / Double(s.count)
            table += "MEAN " + variant.padding(toLength: 54, withPad: " ", startingAt: 0)
                + String(format: "%.3f  %.3f  %d\n", text, starts, s.residue)
            #expect(text >= Self.thresholds.text, "text F1 of \(variant) is \(text)")
            #expect(starts >= Self.thresholds.starts, "line-start F1 of \(variant) is \(starts)")
            #expect(s.residue == 0, "\(s.residue) doubled runs left in \(variant)")
        }
        print(table)
    }

    /// Normalising a clean report changes nothing, line for line.
    @Test func cleanReportsComeBackIdentical() throws {
        for id in try Self.devReports() + ["../seed"] {
            let url = Self.corpus.appendingPathComponent("dev/\(id)/clean.txt")
            let clean = try Self.cleanLines(url)
            let out = Normalizer().normalize(try Self.read(url)).lines
            #expect(out == clean, "\(id) changed")
        }
    }

    /// Twice equals once, and no Chinese character of the report is lost on the way.
    @Test func isIdempotentAndKeepsTheReportsCharacters() throws {
        for c in try Self.cases() {
            let once = Normalizer().normalize(c.input).lines
            let twice = Normalizer().normalize(once.joined(separator: "\n")).lines
            #expect(twice == once, "\(c.id).\(c.variant) changes when normalised again")
            let input = PropertyTests.hanCounts(c.input)
            let clean = PropertyTests.hanCounts(c.clean.joined())
            let output = PropertyTests.hanCounts(once.joined())
            let lost = clean.filter { ch, n in output[ch, default: 0] < min(n, input[ch, default: 0]) }
            #expect(lost.isEmpty, "\(c.id).\(c.variant) lost \(lost.keys.map { String($0) }.joined())")
        }
    }
}

/// The shared corpus is not where CI keeps it.
struct CorpusMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "the evaluation corpus is missing: expected it at \(path) (../shared/corpus from the repository)" }
}

/// The scorer's measures (`../shared/tools/score`), on lines.
enum Metrics {
    /// Whitespace and punctuation the scorer ignores.
    static func normalized(_ s: String) -> [Unicode.Scalar] {
        let ignored = Set("\"'“”‘’《》〈〉「」『』（）()【】[]，,。.、：:；;！!？?—-·…".unicodeScalars)
        return s.unicodeScalars.filter { !ignored.contains($0) && !$0.properties.isWhitespace }
    }

    static func bigrams(_ lines: [String]) -> [String: Int] {
        let t = normalized(lines.joined())
        var counts: [String: Int] = [:]
        guard t.count >= 2 else { return counts }
        for i in 0..<(t.count - 1) { counts[String(t[i]) + String(t[i + 1]), default: 0] += 1 }
        return counts
    }

    static func f1(_ gold: [String: Int], _ predicted: [String: Int]) -> Double {
        if gold.isEmpty && predicted.isEmpty { return 1 }
        let shared = gold.reduce(0) { $0 + min($1.value, predicted[$1.key, default: 0]) }
        let p = Double(shared) / Double(max(1, predicted.values.reduce(0, +)))
        let r = Double(shared) / Double(max(1, gold.values.reduce(0, +)))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    static func bigramF1(gold: [String], predicted: [String]) -> Double { f1(bigrams(gold), bigrams(predicted)) }

    static func lineStarts(_ lines: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines {
            let n = normalized(line)
            guard !n.isEmpty else { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: n.prefix(8))
            counts[String(s), default: 0] += 1
        }
        return counts
    }

    static func lineStartF1(gold: [String], predicted: [String]) -> Double { f1(lineStarts(gold), lineStarts(predicted)) }

    /// Han runs of 3+ characters printed twice in a row, in the prediction beyond those clean.txt has.
    static func doubledResidue(gold: [String], predicted: [String]) -> Int {
        max(0, doubledRuns(predicted.joined()) - doubledRuns(gold.joined()))
    }

    /// Counts non-overlapping `XX` with X a run of 3+ Han characters, scanning left to right like the scorer's regex.
    static func doubledRuns(_ text: String) -> Int {
        let s = Array(text.unicodeScalars)
        var count = 0
        var i = 0
        while i < s.count {
            var found = 0
            var end = i
            while end < s.count, CharacterClass.isHan(s[end]) && (0x4E00...0x9FFF).contains(s[end].value) { end += 1 }
            var length = (end - i) / 2
            while length >= 3 {
                if Array(s[i..<(i + length)]) == Array(s[(i + length)..<(i + 2 * length)]) {
                    found = 2 * length
                    break
                }
                length -= 1
            }
            if found > 0 {
                count += 1
                i += found
            } else {
                i += 1
            }
        }
        return count
    }
}
