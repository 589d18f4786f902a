import Foundation
import Testing
@testable import Formats

/// The dev corpus's PDF, Word and web-page variants read back line for line: each line of clean.txt
/// (one paragraph or structure line per line) should come out as one line, whitespace aside.
@Suite(.enabled(if: CorpusRun.requested, CorpusRun.reason)) struct CorpusFormatsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus").standardized

    static func reports() throws -> [String] {
        let dev = root.appendingPathComponent("dev")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dev.path), !names.isEmpty else {
            Issue.record("the corpus is missing at \(dev.path): the format tests need ../shared/corpus")
            return []
        }
        return names.filter { $0.hasPrefix("r") }.sorted()
    }

    /// Share of clean lines found exactly (ignoring white space), and of extracted lines that are clean lines.
    static func lineF1(_ gold: [String], _ got: [String]) -> (f1: Double, missing: [String], extra: [String]) {
        func key(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{3000}" }.map(Character.init)) }
        let g = gold.map(key), p = got.map(key)
        var counts: [String: Int] = [:]
        for k in g { counts[k, default: 0] += 1 }
        var hit = 0
        var extra: [String] = []
        for (i, k) in p.enumerated() {
            if let c = counts[k], c > 0 { counts[k] = c - 1; hit += 1 } else { extra.append(got[i]) }
        }
        var missing: [String] = []
        for (i, k) in g.enumerated() where counts[k, default: 0] > 0 {
            counts[k]! -= 1
            missing.append(gold[i])
        }
        let precision = Double(hit) / Double(max(1, p.count)), recall = Double(hit) / Double(max(1, g.count))
        return (precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), missing, extra)
    }

    func check(_ suffix: String, minimum: Double, read: ([UInt8]) throws -> ExtractedDocument) throws {
        var total = 0.0, n = 0
        for name in try Self.reports() {
            let dir = Self.root.appendingPathComponent("dev/\(name)")
            let gold = try String(contentsOf: dir.appendingPathComponent("clean.txt"), encoding: .utf8)
                .split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let file = Self.root.appendingPathComponent("dev-variants/\(suffix == "pdf" ? "pdf/" : "")\(name).\(suffix)")
            let bytes = try [UInt8](Data(contentsOf: file))
            let lines = try read(bytes).lines.map(\.text)
            let (f1, missing, extra) = Self.lineF1(gold, lines)
            total += f1; n += 1
            if f1 < 0.999 {
                print("\(suffix) \(name) line F1 \(String(format: "%.3f", f1))")
                for m in missing.prefix(6) { print("   - \(m.prefix(60))") }
                for e in extra.prefix(6) { print("   + \(e.prefix(60))") }
            }
        }
        let mean = total / Double(max(1, n))
        print("\(suffix): mean line F1 \(String(format: "%.3f", mean)) over \(n) reports")
        #expect(mean >= minimum, "\(suffix): mean line F1 \(mean)")
    }

    @Test func docxLinesMatchCleanText() throws {
        try check("docx", minimum: 0.98) { try DocumentReader().readDocx($0) }
    }

    @Test func htmlLinesMatchCleanText() throws {
        try check("html", minimum: 0.98) { try DocumentReader().readHTML($0) }
    }

    @Test func pdfLinesMatchCleanText() throws {
        try check("pdf", minimum: 0.9) { try DocumentReader().readPDF($0) }
    }
}
