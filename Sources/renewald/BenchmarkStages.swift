import ArgumentParser
import Classify
import Decode
import Foundation
import Normalize
import ReportModel
import Segment

/// `renewald benchmark-stages FILE…`: times the pure stages on one core, in process, so their
/// throughput can be compared with the targets (normalise+segment ≥ 20 MB/s, classify ≥ 10 MB/s)
/// without the inbox, the store or the socket in the way. Hidden: it is for `Tests/bench/run.sh`.
struct BenchmarkStages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-stages",
        abstract: "Time decode, normalise+segment and classify on one core over the given files (prints JSON).",
        shouldDisplay: false)

    @Argument(help: "Report files or directories (directories are read recursively).")
    var paths: [String]

    @Option(help: "Passes over the files; the fastest pass of each stage is reported.")
    var repeats: Int = 3

    @Option(help: "Theme taxonomy JSON file (default: the built-in themes).")
    var taxonomy: String?

    func run() throws {
        var texts: [String] = []
        var inputBytes = 0
        let decoder = TextDecoder()
        for path in Self.files(under: paths) {
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
            bestSegment = min(bestSegment, Self.seconds(t1 - t0))
            bestClassify = min(bestClassify, Self.seconds(t2 - t1))
            assigned = themed
        }
        articles = pages.reduce(0) { $0 + $1.articles.count }
        let mb = Double(inputBytes) / 1e6
        let result: JSONValue = .object([
            ("files", .int(texts.count)),
            ("bytes", .int(inputBytes)),
            ("articles", .int(articles)),
            ("articles_with_themes", .int(assigned)),
            ("normalize_segment_s", .double(bestSegment)),
            ("normalize_segment_mb_s", .double(mb / bestSegment)),
            ("classify_s", .double(bestClassify)),
            ("classify_mb_s", .double(mb / bestClassify)),
        ])
        print(result.serialized())
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Regular files under `paths`, directories recursively, dot-files skipped, sorted.
    static func files(under paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else { found.append(path); continue }
            let inside = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { !($0 as NSString).lastPathComponent.hasPrefix(".") }
                .map { path + "/" + $0 }
                .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
            found += inside.sorted()
        }
        return found
    }
}
