import ArgumentParser
import Classify
import Daemon
import Decode
import Foundation
import Pipeline
import PostgresStore
import Normalize
import ReportModel
import Segment
import Store

/// `renewald benchmark-stages FILE…`: times the pure stages on one core, in process, so their
/// throughput can be compared with the targets (normalise+segment ≥ 20 MB/s, classify ≥ 10 MB/s)
/// without the inbox, the store or the socket in the way. Hidden: it is for `Tests/bench/run.sh`.
struct BenchmarkStages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-stages",
        abstract: "Time decode, normalize+segment and classify on one core over the given files (prints JSON).",
        shouldDisplay: false)

    @Argument(help: "Report files or directories (directories are read recursively).")
    var paths: [String]

    @Option(help: "Passes over the files; the fastest pass of each stage is reported.")
    var repeats: Int = 3

    @Option(help: "Theme taxonomy JSON file (default: the built-in themes).")
    var taxonomy: String?

    @Option(help: "Also time the store on one core: build every report, pack it, and commit it in batches into a new database at this path (or a postgresql:// URL).")
    var storeInto: String?

    @Option(help: "Reports per transaction with --store-into.")
    var batch: Int = 64

    func run() throws {
        var texts: [String] = []
        var inputBytes = 0
        let decoder = TextDecoder()
        for path in Importer.files(under: paths) {
            guard let data = FileManager.default.contents(atPath: path),
                  let decoded = try? decoder.decode([UInt8](data)) else { continue }
            texts.append(decoded.text)
            inputBytes += decoded.text.utf8.count
        }
        guard !texts.isEmpty else { throw ValidationError("no decodable files under \(paths.joined(separator: " "))") }
        var themes = Taxonomy.builtIn
        if let taxonomy { themes = try Taxonomy(json: try String(contentsOfFile: taxonomy, encoding: .utf8)) }
        let normalizer = Normalizer()
        let segmenter = Segmenter()
        let classifier = ThemeClassifier(taxonomy: themes)

        // Each stage is timed over all texts in one go; the pages from the first stage feed the
        // second, so classify sees exactly what it sees in the daemon.
        var bestSegment = Double.infinity, bestClassify = Double.infinity
        var pages: [Page] = []
        var articles = 0, assigned = 0
        for _ in 0..<max(1, repeats) {
            let t0 = ContinuousClock.now
            pages = texts.map { segmenter.segment(normalizer.normalize($0)) }
            let t1 = ContinuousClock.now
            var themed = 0
            for page in pages {
                let result = classifier.classify(page.articles, headline: page.headline)
                themed += result.articles.filter { !$0.themes.isEmpty }.count
            }
            let t2 = ContinuousClock.now
            bestSegment = min(bestSegment, (t1 - t0).inSeconds)
            bestClassify = min(bestClassify, (t2 - t1).inSeconds)
            assigned = themed
        }
        articles = pages.reduce(0) { $0 + $1.articles.count }
        let mb = Double(inputBytes) / 1e6
        var members: [(String, JSONValue)] = [
            ("files", .int(texts.count)),
            ("bytes", .int(inputBytes)),
            ("articles", .int(articles)),
            ("articles_with_themes", .int(assigned)),
            ("normalize_segment_s", .double(bestSegment)),
            ("normalize_segment_mb_s", .double(mb / bestSegment)),
            ("classify_s", .double(bestClassify)),
            ("classify_mb_s", .double(mb / bestClassify)),
        ]
        if let storeInto { members += try storeStages(texts: texts, taxonomy: themes, path: storeInto) }
        print(JSONValue.object(members).serialized())
    }

    /// Build, pack and commit every text as the daemon does, each phase timed over all of them.
    func storeStages(texts: [String], taxonomy: Taxonomy, path: String) throws -> [(String, JSONValue)] {
        let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: taxonomy))
        let store: any ReportStore
        if PostgresURL.isPostgres(path) {
            store = try PostgresStore(url: PostgresURL(path))
        } else {
            guard !FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path) exists; give a new path") }
            store = try SQLiteStore(path: path)
        }
        // In batches, as the daemon does, so memory is reused as it is there.
        var build = Duration.zero, pack = Duration.zero, commit = Duration.zero
        var offset = 0
        while offset < texts.count {
            let batch = texts[offset..<min(texts.count, offset + max(1, self.batch))]
            let t0 = ContinuousClock.now
            let reports = try batch.enumerated().map { i, text in
                try builder.build(bytes: Array(text.utf8), file: "bench-\(offset + i).txt", received: "2026-01-01T00:00:00Z")
            }
            let t1 = ContinuousClock.now
            // Packing includes the text hash, as in the daemon.
            let items = reports.map { report in
                StoreItem(report: report, textHash: SHA256.hex(Array(report.articles.flatMap(\.paragraphs).joined(separator: "\n").utf8)),
                          drop: Drop(file: report.file, reportID: report.id, sha256: report.sha256, received: report.received,
                                     archivedAs: "/archive/" + report.file))
            }
            let t2 = ContinuousClock.now
            _ = try store.store(items)
            let t3 = ContinuousClock.now
            build += t1 - t0; pack += t2 - t1; commit += t3 - t2
            offset += batch.count
        }
        let n = Double(texts.count)
        return [
            ("build_ms_per_report", .double(build.inSeconds * 1000 / n)),
            ("pack_ms_per_report", .double(pack.inSeconds * 1000 / n)),
            ("commit_ms_per_report", .double(commit.inSeconds * 1000 / n)),
        ]
    }
}
