import Foundation
import Inbox
import Ingest
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
    private var lastBeat = ContinuousClock.now
    private var commitsUntil: ContinuousClock.Instant?
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

    var limits: AnalysisGuard.Limits {
        AnalysisGuard.Limits(seconds: configuration.maxAnalysisSeconds, memoryBytes: configuration.maxAnalysisMB << 20)
    }

    // MARK: - batches

    /// The batch starting with `first`: a file the previous run died holding goes alone; otherwise
    /// more queued files join while their bytes fit `batchBytes` (one large file goes alone).
    func batch(startingWith first: FileName, queue: IngestQueue, limit: Int) -> [FileName] {
        if isLeftOver(first) { return [first] }
        var bytes = Self.size(of: first, in: configuration.inbox)
        let budget = configuration.batchBytes
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
    func prepare(_ names: [FileName], ingestor: Ingestor, builder: Ingest.ReportBuilder, queue: IngestQueue)
        -> (ready: [Ingestor.Prepared], early: [(FileName, Ingestor.Outcome)]) {
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
                    early.append((name, ingestor.fail(name, code: "crashed_daemon", reason: why + "; it is not tried again")))
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
        lastBeat = .now
        lock.unlock()
    }

    /// The ingest loop came round (it is not wedged).
    func beat() {
        lock.lock()
        lastBeat = .now
        lock.unlock()
    }

    /// A commit is under way: the loop may wait on it for up to `seconds`.
    func committing(for seconds: Double?) {
        lock.lock()
        commitsUntil = seconds.map { .now + .milliseconds(Int($0 * 1000)) }
        lock.unlock()
    }

    /// Whether the daemon may tell the watchdog it is well: the loop came round within `interval / 2`,
    /// or it is busy analysing files that are all within their limits (plus `interval / 2` to notice)
    /// or waiting on a commit that is within its time.
    func vouches(interval: Duration) -> Bool {
        let now = ContinuousClock.now
        lock.lock()
        let fresh = now - lastBeat < interval / 2
        let committing = commitsUntil.map { now < $0 } ?? false
        let busy = analysing
        lock.unlock()
        let healthy = analysisGuard.vouches(grace: interval / 2)
        if !healthy { return false }
        return fresh || committing || busy
    }

    /// Pings `notifier`'s watchdog every quarter interval while `vouches` says so, on a thread of its
    /// own, so that a long batch (several large files) does not starve the pings.
    func startPinging(_ notifier: any ServiceNotifying) {
        CrashMark.install(stateDirectory: configuration.state)
        let interval = notifier.watchdogInterval ?? .seconds(2)
        let pinging = notifier.watchdogInterval != nil
        let thread = Thread { [self] in
            while true {
                if vouches(interval: interval) && pinging { notifier.watchdogPing() }
                record.markLong(analysisGuard.analysing(longerThan: .seconds(1)))
                Thread.sleep(forTimeInterval: (interval / 4).inSeconds)
            }
        }
        thread.name = "renewald-watchdog"
        thread.start()
    }
}
