import Classify
import Foundation
import Pipeline
import NIOConcurrencyHelpers
import ReportModel
import Store

/// Feeds an existing archive of reports into the store (`renewald import`): the originals stay
/// where they are and are recorded as the drop's location.
public struct Importer: Sendable {
    /// Progress after each batch.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var stored: Int
        public var failed: Int
        public var seconds: Double
    }

    /// A file that could not be imported.
    public struct Problem: Sendable {
        public var path: String
        public var code: String
        public var reason: String
    }

    let configuration: Configuration
    let store: any ReportStore

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        try FileManager.default.createDirectory(atPath: configuration.state, withIntermediateDirectories: true)
        store = try configuration.openStore()
    }

    /// Every regular file under `paths` (directories recursively, dot-files skipped), sorted.
    public static func files(under paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { found.append(path); continue }
            guard let walker = FileManager.default.enumerator(atPath: path) else { continue }
            var inside: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { walker.skipDescendants() }; continue }
                if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { inside.append(path + "/" + relative) }
            }
            found += inside.sorted()
        }
        return found
    }

    /// Imports `files`, reporting progress after every batch; returns what failed. Each batch is
    /// analysed on every core while the one before it commits.
    public func run(_ files: [String], progress: (Progress) -> Void) throws -> [Problem] {
        let taxonomy = try RuntimeState.loadTaxonomy(configuration.taxonomy)
        let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: taxonomy, examples: try RuntimeState.examples(from: store)))
        let start = ContinuousClock.now
        let lane = CommitLane()
        defer { lane.close() }   // also when a failed commit ends the import early
        let committed = NIOLockedValueBox(Committed())
        var problems: [Problem] = []
        var done = 0
        func report() throws {
            let (stored, committedFiles, error) = committed.withLockedValue { ($0.stored, $0.files, $0.error) }
            if let error { throw error }
            progress(Progress(done: committedFiles + problems.count, total: files.count, stored: stored, failed: problems.count,
                              seconds: (ContinuousClock.now - start).inSeconds))
        }
        while done < files.count {
            let batch = Array(files[done..<min(files.count, done + Self.batchSize)])
            let built = ParallelMap.map(batch) { prepare($0, builder: builder) }
            var items: [StoreItem] = []
            for (path, result) in zip(batch, built) {
                switch result {
                case .success(let item): items.append(item)
                case .failure(let failure): problems.append(Problem(path: path, code: failure.code, reason: failure.reason))
                }
            }
            done += batch.count
            try report()
            lane.submit { [store, items] in
                do {
                    let stored = try store.store(items).filter { $0 == .stored }.count
                    committed.withLockedValue { $0.stored += stored; $0.files += items.count }
                } catch {
                    committed.withLockedValue { $0.error = $0.error ?? error }
                }
            }
        }
        lane.drain()
        try report()
        return problems
    }

    static let batchSize = 256

    /// What the commit lane has stored so far.
    struct Committed {
        var stored = 0
        var files = 0
        var error: (any Error)?
    }

    /// Reads and analyses one file: the item to store, or why it cannot be.
    func prepare(_ path: String, builder: ReportBuilder) -> Result<StoreItem, ImportFailure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ImportFailure(code: "unreadable", reason: "cannot read the file"))
        }
        guard data.count <= configuration.maxFileBytes else {
            return .failure(ImportFailure(code: FailureCode.tooLarge.rawValue, reason: "\(data.count) bytes; the limit is \(configuration.maxFileBytes)"))
        }
        let name = (path as NSString).lastPathComponent
        let report: Report
        do throws(IngestError) {
            report = try builder.build(bytes: [UInt8](data), file: name, received: Timestamp.now())
        } catch {
            return .failure(ImportFailure(code: error.code.rawValue, reason: error.description))
        }
        let drop = Drop(file: name, reportID: report.id, sha256: report.sha256, received: report.received,
                        archivedAs: (path as NSString).standardizingPath)
        return .success(store.prepare(StoreItem(report: report, textHash: Ingestor.textHash(report), drop: drop)))
    }
}

struct ImportFailure: Error {
    var code: String
    var reason: String
}
