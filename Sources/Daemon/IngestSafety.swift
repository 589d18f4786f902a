import Foundation
import Inbox
import Pipeline
import ReportModel
import Logging

/// What keeps one file from wedging, looping or starving the ingest loop: batches bounded by bytes,
/// per-file analysis limits, the in-hand record (a file the daemon died holding is retried once,
/// alone, then failed as `crashed_daemon`), and the watchdog pings while a batch is analysed.
final class IngestSafety: @unchecked Sendable {
    let configuration: Configuration
    let record: InHandRecord
    let analysisGuard: AnalysisGuard
    let logger: Logger
    private let lock = NSLock()
    private var committing = false
    private var analysing = false

    init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let crashed = CrashMark.consume(stateDirectory: configuration.state)
        let record = InHandRecord(path: configuration.state + "/in-hand", inbox: configuration.inbox, crashed: crashed) { message in
            logger.warning("\(message); files in hand are not recorded", metadata: ["error_code": "state"])
        }
        self.record = record
        analysisGuard = AnalysisGuard { name in
            logger.error("\(name.escaped) is past its analysis limit and does not stop; letting the watchdog restart the daemon",
                         metadata: ["file": "\(name.escaped)", "error_code": "analysis_timeout"])
            record.markOverran(name)
        }
    }

    static func limits(_ configuration: Configuration) -> AnalysisGuard.Limits {
        AnalysisGuard.Limits(seconds: configuration.maxAnalysisSeconds, memoryBytes: configuration.maxAnalysisMB << 20)
    }

    // MARK: - batches

    /// The batch starting with `first`: a file the previous run died holding goes alone; otherwise
    /// more queued files join while their bytes fit `batchBytes` (one large file goes alone).
    func batch(startingWith first: FileName, queue: IngestQueue, limit: Int, configuration now: Configuration? = nil) -> [FileName] {
        if isLeftOver(first) { return [first] }
        var bytes = Self.size(of: first, in: configuration.inbox)
        let budget = (now ?? configuration).batchBytes
        if bytes >= budget { return [first] }
        return [first] + queue.moreFiles(limit: limit - 1) { name in
            guard !isLeftOver(name) else { return false }
            let size = Self.size(of: name, in: configuration.inbox)
            guard bytes + size <= budget else { return false }
            bytes += size
            return true
        }
    }

    func isLeftOver(_ name: FileName) -> Bool {
        record.leftOver(name, now: FileIdentity.of(name, in: configuration.inbox)) != nil
    }

    static func size(of name: FileName, in directory: String) -> Int {
        FileIdentity.of(name, in: directory).map { max(0, $0.size) } ?? 0
    }

    /// Reads and analyses `names` on every core, under the limits, with them recorded as in hand:
    /// the reports ready to commit, and the outcomes already decided.
    func prepare(_ names: [FileName], ingestor: Ingestor, builder: ReportBuilder, queue: IngestQueue,
                 configuration now: Configuration? = nil) -> (ready: [Ingestor.Prepared], early: [(FileName, Ingestor.Outcome)]) {
        let configuration = now ?? self.configuration
        let limits = Self.limits(configuration)
        var early: [(FileName, Ingestor.Outcome)] = []
        var toAnalyse: [FileName] = []
        var held: [FileName: InHandRecord.Entry] = [:]
        for name in names {
            let identity = FileIdentity.of(name, in: configuration.inbox)
            if let left = record.leftOver(name, now: identity) {
                if left.overran || left.attempt >= 2 {   // blamed twice, or overran: the poison file
                    let why = left.overran
                        ? "the daemon was restarted by its watchdog while analysing this file, past its \(AnalysisGuard.format(limits.seconds)) s limit"
                        : "the daemon died twice while this file was in hand"
                    early.append((name, ingestor.fail(name, code: FailureCode.crashedDaemon.rawValue, reason: why + "; it is not tried again")))
                    continue
                }
                logger.warning("\(name.escaped) was in hand when the daemon stopped unexpectedly; trying it once more, alone",
                               metadata: ["file": "\(name.escaped)", "error_code": "crashed_daemon"])
                held[name] = InHandRecord.Entry(identity: identity, attempt: left.attempt + 1, overran: false)
            } else {
                held[name] = InHandRecord.Entry(identity: identity, attempt: 1, overran: false)
            }
            toAnalyse.append(name)
        }
        if !held.isEmpty { record.hold(held) }
        setAnalysing(true)
        defer { setAnalysing(false) }
        let conditions = toAnalyse.map { name in
            Ingestor.Conditions(settle: queue.wasClosed(name) ? 0 : configuration.settleSeconds,
                                analysisGuard: analysisGuard, limits: limits)
        }
        let results = ParallelMap.map(Array(zip(toAnalyse, conditions))) { ingestor.prepare($0.0, builder: builder, conditions: $0.1) }
        var ready: [Ingestor.Prepared] = []
        for (name, result) in zip(toAnalyse, results) {
            switch result {
            case .success(let prepared): ready.append(prepared)
            case .failure(let box): early.append((name, box.outcome))
            }
        }
        return (ready, early)
    }

    /// The batch's outcomes are reported: its files are no longer in hand.
    func finished(_ names: [FileName]) { record.release(names) }

    // MARK: - watchdog

    private func setAnalysing(_ on: Bool) {
        lock.lock()
        analysing = on
        lock.unlock()
    }

    /// A batch is being committed (the loop may be waiting for it).
    func committing(_ on: Bool) {
        lock.lock()
        committing = on
        lock.unlock()
    }

    /// Whether the daemon may tell the watchdog it is well: no file is past its analysis limit (plus
    /// `interval / 2` to notice), and the ingest loop came round within `interval` (`loopAge`) or is
    /// busy analysing or committing a batch — a long batch of large files is not a wedged loop.
    func vouches(interval: Duration, loopAge: Duration) -> Bool {
        guard analysisGuard.vouches(grace: interval / 2) else { return false }
        lock.lock()
        defer { lock.unlock() }
        return loopAge < interval || analysing || committing
    }

    /// Marks files long under analysis in the in-hand record (a death now is likely theirs), twice a
    /// second on a thread of its own; and leaves the crash mark on a fatal signal.
    func startMonitoring() {
        CrashMark.install(stateDirectory: configuration.state)
        let thread = Thread { [self] in
            while true {
                record.markLong(analysisGuard.analysing(longerThan: .seconds(1)))
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        thread.name = "renewald-in-hand"
        thread.start()
    }
}
