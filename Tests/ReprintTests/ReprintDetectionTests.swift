import Classify
import Foundation
import Pipeline
import ReportModel
import Store
import TestSupport
import Testing

/// Reprint detection measured end to end (bytes → pipeline → store) on a generated set.
@Suite struct ReprintDetectionTests {
    struct Measured {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var distinctFolded = 0, distinct = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var missed: [String] = []
        var wrong: [String] = []
    }

    static func measure(_ corpus: ReprintCorpus) throws -> Measured {
        let directory = try TemporaryDirectory("reprints")
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.appending("r.sqlite"))
        let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: .builtIn))
        var storyOf: [String: Int] = [:]
        var reports: [(ReprintCorpus.File, String)] = []
        // In batches, as the daemon commits them: lookups before the batch, the rest at commit.
        for chunk in stride(from: 0, to: corpus.files.count, by: 16).map({ Array(corpus.files[$0..<min($0 + 16, corpus.files.count)]) }) {
            let items = try chunk.map { file -> StoreItem in
                let report = try builder.build(bytes: file.bytes, file: file.name, received: "2026-11-20T08:00:00Z")
                storyOf[report.id] = file.story
                reports.append((file, report.id))
                let drop = Drop(file: file.name, reportID: report.id, sha256: report.sha256, received: report.received, archivedAs: "/a/" + file.name)
                return store.prepare(StoreItem(report: report, textHash: report.sha256, drop: drop))
            }
            _ = try store.store(items)
        }
        var m = Measured()
        for (file, id) in reports {
            let stored = try #require(try store.report(id: id))
            let link = stored.nearDuplicateOf
            if file.kind == "distinct" {
                m.distinct += 1
                if link != nil { m.distinctFolded += 1 }
            }
            if let link {
                if file.isCopy && storyOf[link.report] == file.story { m.truePositives += 1 } else {
                    m.falsePositives += 1
                    m.wrong.append("\(file.name) (\(file.kind)) → \(link.report) \(link.similarity)")
                }
            } else if file.isCopy {
                m.falseNegatives += 1
                m.missed.append("\(file.name) (\(file.kind))")
            }
        }
        return m
    }

    @Test func reprintsAreFoundAndDistinctReportsKept() throws {
        let corpus = ReprintCorpus(seed: 16, stories: 30, copies: 5, distinct: 3)
        let m = try Self.measure(corpus)
        print("reprints: precision \(m.precision), recall \(m.recall) (tp \(m.truePositives), fp \(m.falsePositives), fn \(m.falseNegatives)); distinct folded \(m.distinctFolded)/\(m.distinct)")
        print("missed: \(m.missed.prefix(20))")
        print("wrong: \(m.wrong.prefix(20))")
        #expect(m.precision >= 0.95)
        #expect(m.recall >= 0.9)
        #expect(m.distinctFolded == 0)
    }
}

/// A larger run for the README's figures: `RENEWALD_REPRINT_MEASURE=1 swift test --filter ReprintMeasurement`.
@Suite struct ReprintMeasurement {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RENEWALD_REPRINT_MEASURE"] != nil))
    func measureOnALargerSet() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let m = try ReprintDetectionTests.measure(ReprintCorpus(seed: seed, stories: 100, copies: 5, distinct: 3))
            print("seed \(seed): precision \(m.precision), recall \(m.recall) (tp \(m.truePositives), fp \(m.falsePositives), fn \(m.falseNegatives)); distinct folded \(m.distinctFolded)/\(m.distinct)")
            print("  missed: \(m.missed)")
        }
    }
}
