import Foundation
import ReportModel
@testable import Classify

/// A gold-labelled report of the evaluation corpus, rebuilt into articles as `shared/tools/score` does.
struct GoldReport {
    /// Gold themes of one article.
    struct Labels {
        var primary: String?
        var required: Set<String>
        var allowed: Set<String>
        var forbidden: Set<String>
    }

    var id: String
    var headline: String?
    var notAReport: Bool
    var articles: [Article]
    var labels: [Labels]

    /// The corpus folder (`../shared/corpus` from the package root), or nil when it is not there.
    static var corpusRoot: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardizedFileURL
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("README.md").path) ? root : nil
    }

    /// Every report folder under `dir` (a folder holding `gold.json` counts as one report).
    static func load(_ dir: URL) throws -> [GoldReport] {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir.appendingPathComponent("gold.json").path) { return [try GoldReport(folder: dir)] }
        return try fm.contentsOfDirectory(atPath: dir.path).sorted().compactMap { name in
            let folder = dir.appendingPathComponent(name)
            guard fm.fileExists(atPath: folder.appendingPathComponent("gold.json").path) else { return nil }
            return try GoldReport(folder: folder)
        }
    }

    init(folder: URL) throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("gold.json"))) as? [String: Any] ?? [:]
        let clean = try String(contentsOf: folder.appendingPathComponent("clean.txt"), encoding: .utf8)
        let lines = clean.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        id = gold["id"] as? String ?? folder.lastPathComponent
        headline = gold["headline"] as? String
        notAReport = gold["not_a_report"] as? Bool ?? false
        articles = []
        labels = []
        if notAReport {
            articles = [Article(index: 0, paragraphs: lines)]
            return
        }
        // Articles are in reading order, so each is searched for after the previous one's start: two
        // articles may open with the same words (党的十九届五中全会…).
        var from = 0
        for (index, item) in (gold["articles"] as? [[String: Any]] ?? []).enumerated() {
            let key = String(Self.norm(item["first_sentence_start"] as? String ?? "").prefix(8))
            let count = item["paragraphs"] as? Int ?? 1
            guard !key.isEmpty, let start = lines[from...].firstIndex(where: { Self.norm($0).hasPrefix(key) }) else {
                throw CorpusError.articleNotFound(id, index)
            }
            from = start + 1
            articles.append(Article(index: index, title: item["title"] as? String,
                                    paragraphs: Array(lines[start..<min(lines.count, start + count)])))
            let themes = item["themes"] as? [String: Any] ?? [:]
            labels.append(Labels(primary: themes["primary"] as? String,
                                 required: Set(themes["required"] as? [String] ?? []),
                                 allowed: Set(themes["allowed"] as? [String] ?? []),
                                 forbidden: Set(themes["forbidden"] as? [String] ?? [])))
        }
    }

    /// The scorer's normalisation: drop whitespace and punctuation.
    static func norm(_ text: String) -> String {
        let punctuation = Set("\"'“”‘’《》〈〉「」『』（）()【】[]，,。.、：:；;！!？?—-·…".unicodeScalars)
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !punctuation.contains(scalar) && !scalar.properties.isWhitespace {
            view.append(scalar)
        }
        return String(view)
    }
}

/// Why the corpus could not be read.
enum CorpusError: Error, CustomStringConvertible {
    case missing(String)
    case articleNotFound(String, Int)

    var description: String {
        switch self {
        case .missing(let path): return "evaluation corpus not found at \(path) (expected ../shared/corpus next to the repo)"
        case .articleNotFound(let id, let index): return "\(id): article \(index) not found in clean.txt"
        }
    }
}

/// Theme scores as `shared/tools/score` computes them.
struct ThemeScoreboard {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var articles = 0, primaryRight = 0, forbiddenHits = 0
    var nonReports = 0, nonReportsRight = 0
    var rows: [String] = []

    var microF1: Double {
        let p = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let r = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    var primary: Double { Double(primaryRight) / Double(max(1, articles)) }

    mutating func add(_ report: GoldReport, _ result: Classification) {
        if report.notAReport {
            nonReports += 1
            let ok = result.notAReport || result.articles.allSatisfy { $0.themes.isEmpty }
            nonReportsRight += ok ? 1 : 0
            rows.append("\(report.id): not a report → \(ok ? "ok" : "GIVEN THEMES")")
            return
        }
        for (labels, predicted) in zip(report.labels, result.articles) {
            articles += 1
            let positives = labels.required.union(labels.primary.map { [$0] } ?? [])
            let ids = Set(predicted.themes.map(\.id))
            truePositives += ids.intersection(positives).count
            falsePositives += ids.subtracting(positives).subtracting(labels.allowed).count
            falseNegatives += positives.subtracting(ids).count
            forbiddenHits += ids.intersection(labels.forbidden).count
            primaryRight += predicted.primary == labels.primary ? 1 : 0
            let shown = predicted.themes.map { t in
                let mark = positives.contains(t.id) ? "" : labels.allowed.contains(t.id) ? "~" : labels.forbidden.contains(t.id) ? "!!" : "?"
                return "\(mark)\(t.id) \(String(format: "%.2f", t.score))"
            }
            let missed = positives.subtracting(ids).sorted()
            rows.append("\(report.id)#\(predicted.primary == labels.primary ? "" : "PRIMARY(\(predicted.primary ?? "-") vs \(labels.primary ?? "-"))") "
                        + shown.joined(separator: ", ") + (missed.isEmpty ? "" : "  MISSED " + missed.joined(separator: " ")))
        }
    }

    var summary: String {
        "theme_micro_f1=\(String(format: "%.3f", microF1)) primary=\(String(format: "%.3f", primary)) "
            + "forbidden_hits=\(forbiddenHits) nonreports=\(nonReportsRight)/\(nonReports) "
            + "(tp \(truePositives) fp \(falsePositives) fn \(falseNegatives), \(articles) articles)"
    }
}
